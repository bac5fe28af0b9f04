"""Staff see who will be told about an update, and are warned before writing one twice."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.people.models import Participant


def test_the_update_page_says_who_will_be_told_and_who_needs_telling_another_way(
    app: Flask, staff_client, ledger, updates
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():  # Ben took part and now asks to hear back, but has no email
        db.session.get(Participant, ledger.other_participant).hear_back = True
        db.session.commit()
    page = staff_client(Role.VIEWER).get(f"/staff/updates/{updates.cant_do}").get_data(as_text=True)
    rows = {
        "Took part under their own name": 2,
        "Get a message when it is public or its status changes": 1,  # Ama
        "Asked to hear back, but we cannot email them": 1,  # Ben
        "Did not ask to hear back, or are paused": 0,
    }
    for words, number in rows.items():
        assert f'{words}</dt><dd class="summary-value">{number}' in page
    assert "Tell them another way" in page


def test_writing_from_a_theme_that_already_has_an_update_points_to_it(
    staff_client, updates
) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/updates/new?theme={updates.theme}").get_data(as_text=True)
    assert "There is already an update about this" in page
    assert f'href="/staff/updates/{updates.published}"' in page
    fresh = client.get("/staff/updates/new").get_data(as_text=True)
    assert "There is already an update about this" not in fresh
