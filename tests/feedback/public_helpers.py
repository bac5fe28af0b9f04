"""Making public updates for the tests of the public log, the feed, /me and the home page."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from sqlalchemy import update

from app.extensions import db
from app.feedback import services
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateStatus


def make_update(
    app: Flask,
    said: str,
    status: UpdateStatus = UpdateStatus.CONSIDERING,
    links: list[tuple[LinkKind, int]] | None = None,
    publish: bool = True,
    **fields: object,
) -> int:
    """A new update made through the real services, published unless publish=False."""
    with app.test_request_context():
        record = services.create(
            services.UpdateDraft(
                said=said,
                status=status,
                links=links or [],
                **{"body": "We changed it.", **fields},
            ),
            None,
        )
        if publish:
            services.publish(record.id, None)
        return record.id


def move(app: Flask, update_id: int, status: UpdateStatus, reason: str = "") -> None:
    with app.test_request_context():
        services.change_status(update_id, status, reason, None)


def take_down(app: Flask, update_id: int, reason: str = "We got it wrong.") -> None:
    with app.test_request_context():
        services.unpublish(update_id, reason, None)


def put_back(app: Flask, update_id: int) -> None:
    with app.test_request_context():
        services.publish(update_id, None)


def set_times(app: Flask, update_id: int, moment: datetime) -> None:
    """Date an update and its whole history to one moment, as if it all happened then."""
    with app.app_context():
        db.session.execute(
            update(Update)
            .where(Update.id == update_id)
            .values(published_at=moment, changed_at=moment, created_at=moment)
        )
        db.session.execute(
            update(UpdateEvent).where(UpdateEvent.update_id == update_id).values(at=moment)
        )
        db.session.commit()


def london_day(moment: datetime) -> str:
    """How the site writes a date in English: 2 May 2026, in London time."""
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo("Europe/London"))
    return f"{local.day} {local:%B} {local.year}"
