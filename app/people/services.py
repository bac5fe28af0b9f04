"""People use cases: add, change, pause; whether we may contact someone unasked.

What we hold about one person, for /me, is gathered in app/me/export.py.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.idempotency import use_key
from app.extensions import db
from app.people.models import Participant
from app.people.staff_link import link_to_staff

EDITABLE = frozenset(
    {
        "name",
        "email",
        "phone",
        "preferred_language",
        "contact_ways",
        "hear_back",
        "access_needs",
        "interpreter_language",
        "access_other",
        "payment_preference",
        "receives_benefits",
        "benefits",
        "paused",
    }
)


class AlreadyDone(Exception):
    """The same form was sent twice; the first one counted."""


def list_people() -> list[Participant]:
    return list(db.session.scalars(select(Participant).order_by(Participant.name, Participant.id)))


def get(participant_id: int) -> Participant | None:
    return db.session.get(Participant, participant_id)


def add(details: dict[str, Any], form_key: str | None) -> int:
    """Save a new participant; AlreadyDone if this form was already saved (a double tap)."""
    if not use_key(form_key):
        db.session.rollback()
        raise AlreadyDone
    person = Participant(**_only_editable(details))
    db.session.add(person)
    db.session.flush()
    link_to_staff(person)
    db.session.commit()
    return person.id


def change(participant_id: int, details: dict[str, Any]) -> None:
    person = db.session.get(Participant, participant_id)
    if person is None:
        return
    for field, value in _only_editable(details).items():
        setattr(person, field, value)
    link_to_staff(person)
    db.session.commit()


def set_paused(participant_id: int, paused: bool) -> None:
    change(participant_id, {"paused": paused})


def _only_editable(details: dict[str, Any]) -> dict[str, Any]:
    return {field: value for field, value in details.items() if field in EDITABLE}


def may_contact_unasked(person: Participant) -> bool:
    """Nobody is chased while paused: only mail they asked for (a sign-in code) goes out."""
    return not person.paused
