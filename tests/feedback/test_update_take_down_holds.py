"""An admin's take-down holds: a coordinator cannot make the update public again (issue 9, 7)."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.feedback import services
from app.feedback.models import EventKind
from app.outbox.models import OutboxMessage
from tests.conftest import make_staff
from tests.feedback.update_admin_helpers import events
from tests.feedback.update_admin_helpers import get_update
from tests.feedback.update_admin_helpers import page_form

HELD = "An admin took this update down. Only an admin can make it public again."


def _message_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(OutboxMessage.id))) or 0


def _take_down_as_admin(app: Flask, update_id: int) -> int:
    admin = make_staff(app, Role.ADMIN, email="take-down-admin@example.org")
    with app.test_request_context():
        services.unpublish(update_id, "It named a volunteer.", admin.id)
        db.session.remove()
    return admin.id


def test_coordinator_cannot_republish_what_an_admin_took_down(app: Flask, updates) -> None:
    admin_id = _take_down_as_admin(app, updates.published)
    before_messages, before_events = _message_count(app), len(events(app, updates.published))
    with app.test_request_context():
        with pytest.raises(services.HeldByAdmin, match="Only an admin can make it public again"):
            services.publish(updates.published, updates.coordinator)
        db.session.remove()
    assert not get_update(app, updates.published).published
    assert _message_count(app) == before_messages  # nobody is told again
    assert len(events(app, updates.published)) == before_events

    with app.test_request_context():
        services.publish(updates.published, admin_id)
        db.session.remove()
    assert get_update(app, updates.published).published
    assert events(app, updates.published)[-1].kind == EventKind.PUBLISHED


def test_republished_by_an_admin_the_update_is_free_again(app: Flask, updates) -> None:
    admin_id = _take_down_as_admin(app, updates.published)
    with app.test_request_context():
        services.publish(updates.published, admin_id)
        # Public again by an admin's hand: the hold is lifted for later take-downs to set anew.
        assert not get_update(app, updates.published).held_by_admin
        db.session.remove()


def test_coordinator_page_hides_make_it_public_and_a_post_changes_nothing(
    app: Flask, staff_client, updates
) -> None:
    _take_down_as_admin(app, updates.published)
    before = _message_count(app)
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.published}"
    html, values = page_form(client, path)
    assert "Make it public" not in html and HELD in html
    response = client.post(f"{path}/publish", data=values, follow_redirects=True)
    assert response.status_code == 200
    assert HELD in response.get_data(as_text=True)
    assert not get_update(app, updates.published).published
    assert _message_count(app) == before


def test_coordinator_still_publishes_a_draft_nobody_took_down(app: Flask, updates) -> None:
    with app.test_request_context():
        services.publish(updates.draft, updates.coordinator)
        db.session.remove()
    assert get_update(app, updates.draft).published
