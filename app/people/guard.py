"""Which participant is signed in, for /me and everything under it.

Participants never have a password: they sign in with the code on their card or a code sent by
email. Views under /me use @participant_required, which also marks them for the route test.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import g
from flask import redirect
from flask import request
from flask import session
from flask import url_for
from sqlalchemy import update

from app.core.errors import who_for_layout
from app.extensions import db
from app.people.models import Participant
from app.transactions import unit_of_work

PARTICIPANT = "participant"


def participant_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Only a signed-in participant; anyone else is sent to the participant sign-in page."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if current_participant() is None:
            return redirect(url_for("me.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    guarded.access = PARTICIPANT
    return guarded


def current_participant() -> Participant | None:
    if "participant" not in g:
        g.participant = _load()
    return g.participant


def _load() -> Participant | None:
    participant_id = session.get("participant_id")
    if participant_id is None:
        return None
    person = db.session.get(Participant, participant_id)
    if person is None or person.session_version != session.get("participant_version"):
        session.pop("participant_id", None)
        return None
    return person


def participant_for_layout() -> Participant | None:
    """Who to show as signed in on any page; never lets a database failure break an error page."""
    return who_for_layout("participant", current_participant, "participant_id" not in session)


def own_language() -> str | None:
    """The signed-in participant's preferred language, for choosing the page's language."""
    person = participant_for_layout()
    return person.preferred_language if person is not None else None


def sign_in_participant(person: Participant) -> None:
    """A fresh session, kept for 30 days on their own phone so they need not sign in each time."""
    keep = {key: session[key] for key in ("surveys",) if key in session}
    session.clear()
    session.update(keep)
    session.permanent = True
    session["sid"] = secrets.token_urlsafe(16)
    session["participant_id"] = person.id
    session["participant_version"] = person.session_version
    g.participant = person


def sign_out_participant() -> None:
    """End the session on the server too: a copy of the cookie no longer matches the person.

    As for staff, the person's session_version moves on, so every session they had ends.
    """
    person = current_participant()
    if person is not None:
        with unit_of_work():
            db.session.execute(
                update(Participant)
                .where(Participant.id == person.id)
                .values(session_version=Participant.session_version + 1)
            )
    session.pop("participant_id", None)
    session.pop("participant_version", None)
    g.participant = None
