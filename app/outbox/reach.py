"""How we reach a person with a message, if we may: the channel and address they chose, and
the language they read."""

from __future__ import annotations

from app.i18n import DEFAULT
from app.i18n import is_supported
from app.people.models import Participant
from app.people.services import may_contact_unasked


def channel_for(person: Participant) -> tuple[str, str] | None:
    """The channel and address to reach someone on, or None if we have no way they chose."""
    ways = person.contact_ways or []
    if person.email and (not ways or "email" in ways):
        return "email", person.email
    return None  # text messages can join here once there is an SMS channel


def wants_messages(person: Participant) -> bool:
    return bool(person.hear_back) and may_contact_unasked(person)


def language_for(person: Participant) -> str:
    return person.preferred_language if is_supported(person.preferred_language) else DEFAULT
