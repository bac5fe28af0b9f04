"""Responses staff typed in: listed, shown with their history, corrected or withdrawn.

Nothing here deletes. Every correction and withdrawal is kept with who made it, when, why and
the values before and after; a withdrawn response stays, marked, and simply stops counting.
"""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import selectinload

from app.auth.models import StaffUser
from app.core.idempotency import use_key
from app.db import utcnow
from app.extensions import db
from app.surveys import answering
from app.surveys.builder.wordings import wording
from app.surveys.content import view_of
from app.surveys.models import Channel
from app.surveys.models import Survey
from app.surveys.response_models import ChangeKind
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseChange
from app.surveys.response_models import ResponseNote
from app.surveys.services import AlreadyDone
from app.transactions import unit_of_work


class AlreadyWithdrawn(Exception):
    """The response was withdrawn already (by someone else a moment ago, say)."""


@dataclass(frozen=True)
class Facts:
    """What staff record about the form itself, and may correct."""

    channel: Channel
    language: str
    answered_on: date | None
    consent_version: int | None  # None when the person was not asked to agree to anything

    def as_json(self) -> dict[str, Any]:
        found = asdict(self)
        found["channel"] = self.channel.value
        found["answered_on"] = self.answered_on.isoformat() if self.answered_on else None
        return found


@dataclass(frozen=True)
class Row:
    id: int
    number: int  # the response's reference within its survey, as in the CSV
    channel: Channel
    language: str
    answered_on: date | None
    submitted_at: datetime | None
    withdrawn_at: datetime | None
    entered_by: str
    notes: int


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    at: datetime
    staff_name: str
    reason: str
    before: dict[str, Any]
    after: dict[str, Any]


def facts_of(response: Response) -> Facts:
    return Facts(
        response.channel, response.language, response.answered_on, response.consent_version
    )


def typed_in(survey_id: int, response_id: int) -> Response | None:
    """A sent response to this survey that staff typed in; online ones are not theirs to edit."""
    return db.session.scalar(
        select(Response)
        .where(
            Response.id == response_id,
            Response.survey_id == survey_id,
            Response.entered_by_id.is_not(None),
            Response.submitted_at.is_not(None),
        )
        .options(selectinload(Response.answers), selectinload(Response.notes))
    )


def typed_in_rows(survey_id: int) -> list[Row]:
    """Every response typed in for this survey, newest first, withdrawn ones included."""
    notes = (
        select(ResponseNote.response_id, func.count().label("n"))
        .group_by(ResponseNote.response_id)
        .subquery()
    )
    rows = db.session.execute(
        select(
            Response.id,
            Response.number,
            Response.channel,
            Response.language,
            Response.answered_on,
            Response.submitted_at,
            Response.withdrawn_at,
            StaffUser.name,
            func.coalesce(notes.c.n, 0),
        )
        .join(StaffUser, StaffUser.id == Response.entered_by_id)
        .outerjoin(notes, notes.c.response_id == Response.id)
        .where(Response.survey_id == survey_id, Response.submitted_at.is_not(None))
        .order_by(Response.id.desc())
    )
    return [Row(*row) for row in rows]


def answer_lines(survey: Survey, response: Response) -> list[tuple[str, str]]:
    """(question, answer in words) for each answer, in the survey's order, main language."""
    view = view_of(survey, survey.main_language)
    given = {answer.question_id: answer for answer in response.answers}
    lines = []
    for question in survey.questions:
        answer = given.get(question.id)
        if answer is None:
            continue
        shown = view.question(question.id)
        value = answer.value
        words = (
            answering.describe(shown, value, answer.declined, answer.other_text)
            if shown is not None
            else str(value)  # a question since taken out of the survey
        )
        lines.append((question.text, words))
    return lines


def history(response_id: int) -> list[Change]:
    rows = db.session.execute(
        select(ResponseChange, StaffUser.name)
        .outerjoin(StaffUser, StaffUser.id == ResponseChange.staff_id)
        .where(ResponseChange.response_id == response_id)
        .order_by(ResponseChange.id)
    )
    return [Change(c.kind, c.at, name or "", c.reason, c.before, c.after) for c, name in rows]


class _NothingChanged(Exception):
    """A correction that changes nothing: its unit of work keeps nothing, the form key either."""


def correct(
    survey: Survey,
    response: Response,
    facts: Facts,
    reason: str,
    staff_id: int,
    form_key: str | None,
) -> bool:
    """Record the form's facts as corrected; False (and nothing kept) if nothing changed."""
    try:
        with unit_of_work():
            if not use_key(form_key):
                raise AlreadyDone
            if response.withdrawn_at is not None:
                raise AlreadyWithdrawn
            if response.consented_at is None:
                facts = Facts(facts.channel, facts.language, facts.answered_on, None)
            before, after = facts_of(response).as_json(), facts.as_json()
            changed = [name for name in after if before[name] != after[name]]
            if not changed:
                raise _NothingChanged
            response.channel = facts.channel
            response.language = facts.language
            response.answered_on = facts.answered_on
            if facts.consent_version is not None:
                response.consent_version = facts.consent_version
                response.consent_text = wording(survey, facts.consent_version, facts.language)
            _keep(response.id, ChangeKind.CORRECTED, staff_id, reason, before, after, changed)
    except _NothingChanged:
        return False
    return True


@unit_of_work()
def withdraw(response: Response, reason: str, staff_id: int, form_key: str | None) -> None:
    """Stop a typed-in response counting, keeping it and saying who withdrew it and why."""
    if not use_key(form_key):
        raise AlreadyDone
    done = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.withdrawn_at.is_(None))
        .values(withdrawn_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        raise AlreadyWithdrawn
    state = {"withdrawn": False}, {"withdrawn": True}
    _keep(response.id, ChangeKind.WITHDRAWN, staff_id, reason, *state, ["withdrawn"])


def _keep(
    response_id: int,
    kind: ChangeKind,
    staff_id: int,
    reason: str,
    before: dict[str, Any],
    after: dict[str, Any],
    changed: list[str],
) -> None:
    db.session.add(
        ResponseChange(
            response_id=response_id,
            kind=kind,
            staff_id=staff_id,
            reason=reason,
            before={key: before[key] for key in changed},
            after={key: after[key] for key in changed},
        )
    )
