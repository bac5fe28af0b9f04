"""Participant use cases: start, consent, answer, resume and submit. One transaction each."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete
from sqlalchemy import null
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from app.core.idempotency import use_key
from app.core.numbers import plain_digits
from app.db import as_utc
from app.db import utcnow
from app.extensions import db
from app.surveys import answering
from app.surveys.content import SurveyView
from app.surveys.flow import dropped
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.transactions import unit_of_work

# No 0/O, 1/I/L: nothing a tired eye can mix up.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class AlreadyDone(Exception):
    """The same form was sent twice; the first one counted."""


def normalise_code(typed: str) -> str:
    """Letters and digits only, capitals, digits from any keyboard as plain ones."""
    text = plain_digits(typed[:200]).upper()
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())[:32]


def code_digest(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, normalise_code(code).encode(), hashlib.sha256).hexdigest()


def code_for_start(form_key: str) -> str:
    """The resume code of the response a start form makes, drawn from the form's one-time key.

    The key is random and the server's secret is mixed in, so the code is as unguessable as a
    fresh one; but a press of that same form repeated after its reply was lost finds the same
    response again, instead of a second, empty one.
    """
    secret = current_app.config["SECRET_KEY"].encode()
    drawn = int.from_bytes(hmac.new(secret, b"start:" + form_key.encode(), "sha256").digest())
    letters = []
    for _ in range(CODE_LENGTH):
        drawn, index = divmod(drawn, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[index])
    return "".join(letters)


def started_with(survey: SurveyView, form_key: str | None) -> tuple[int, str] | None:
    """The in-progress response an earlier press of this start form made, and its code."""
    if not form_key:
        return None
    code = code_for_start(form_key)
    found = db.session.scalar(
        select(Response.id).where(
            Response.survey_id == survey.id,
            Response.resume_digest == code_digest(code),
            Response.status == ResponseStatus.IN_PROGRESS,
        )
    )
    return (found, code) if found is not None else None


@unit_of_work()
def start_response(
    survey: SurveyView, language: str, form_key: str | None, participant_id: int | None = None
) -> tuple[int, str]:
    """Create an in-progress response; returns its id and the resume code (shown, never stored).

    A signed-in participant's answers to a named survey are theirs, so they can hear what changed;
    answers to an anonymous survey are never tied to anyone.
    """
    if not use_key(form_key):
        raise AlreadyDone
    code = code_for_start(form_key or "")
    days = current_app.config["SURVEY_RESUME_DAYS"]
    response = Response(
        survey_id=survey.id,
        language=language,
        channel=Channel.ONLINE,
        resume_digest=code_digest(code),
        resume_expires_at=utcnow() + timedelta(days=days),
        participant_id=None if survey.anonymous else participant_id,
    )
    db.session.add(response)
    db.session.flush()
    return response.id, code


def in_progress(response_id: int, survey_id: int) -> Response | None:
    response = db.session.get(Response, response_id)
    if response is None or response.survey_id != survey_id:
        return None
    return response if response.status == ResponseStatus.IN_PROGRESS else None


@unit_of_work()
def record_consent(response_id: int, survey: SurveyView) -> None:
    response = in_progress(response_id, survey.id)
    if response is None:
        return
    response.consent_version = survey.consent_version
    response.consent_text = survey.consent_text
    response.consented_at = utcnow()


@unit_of_work()
def record_name(response_id: int, survey: SurveyView, name: str) -> None:
    response = in_progress(response_id, survey.id)
    if response is not None and not survey.anonymous:
        response.respondent_name = answering.clean_text(name)[:200]


def answers_of(response_id: int) -> tuple[dict[int, Any], set[int]]:
    """(question id -> value, ids of questions the person declined)."""
    values: dict[int, Any] = {}
    declined: set[int] = set()
    # Plain rows, not Answer objects: every survey page reads them, and nothing here changes them.
    rows = db.session.execute(
        select(Answer.question_id, Answer.value, Answer.declined).where(
            Answer.response_id == response_id
        )
    )
    for question_id, value, was_declined in rows:
        values[question_id] = value
        if was_declined:
            declined.add(question_id)
    return values, declined


def others_of(response_id: int) -> dict[int, str]:
    """question id -> the words written for "Other", for the answers that chose it."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.other_text).where(
            Answer.response_id == response_id, Answer.other_text.is_not(None)
        )
    )
    return {question_id: words for question_id, words in rows}


def other_words(response_id: int, question_id: int) -> str | None:
    return others_of(response_id).get(question_id)


@unit_of_work()
def save_answer(
    response_id: int, survey: SurveyView, question_id: int, parsed: answering.Parsed
) -> bool:
    """Store (or replace) one answer; False when the response is no longer open to changes."""
    if survey.question(question_id) is None or in_progress(response_id, survey.id) is None:
        return False
    answer = db.session.scalar(
        select(Answer).where(Answer.response_id == response_id, Answer.question_id == question_id)
    )
    if answer is None:
        answer = Answer(response_id=response_id, question_id=question_id)
        db.session.add(answer)
    answer.declined = parsed.declined
    answer.value = null() if parsed.declined else parsed.value
    answer.other_text = None if parsed.declined else parsed.other
    return True


def _still_open() -> Any:
    """Surveys taking answers at this moment, decided by the database as the answers are sent:
    a survey closed a moment ago (by staff, or by its closing date) takes nothing more."""
    now = utcnow()
    return select(Survey.id).where(
        Survey.status == SurveyStatus.OPEN,
        or_(Survey.opens_at.is_(None), Survey.opens_at <= now),
        or_(Survey.closes_at.is_(None), Survey.closes_at > now),
    )


@unit_of_work()
def submit(response_id: int, survey: SurveyView) -> bool:
    """Send the response: answers on branches not taken are dropped.

    True only the first time, and only while the survey is open: False saves nothing.
    """
    values, _declined = answers_of(response_id)
    done = db.session.execute(
        update(Response)
        .where(
            Response.id == response_id,
            Response.survey_id == survey.id,
            Response.status == ResponseStatus.IN_PROGRESS,
            Response.survey_id.in_(_still_open()),
        )
        .values(
            status=ResponseStatus.SUBMITTED,
            submitted_at=utcnow(),
            resume_digest=None,
            resume_expires_at=None,
        )
    ).rowcount
    if done != 1:
        return False
    stale = dropped(survey.steps, values)
    if stale:
        db.session.execute(
            delete(Answer).where(Answer.response_id == response_id, Answer.question_id.in_(stale))
        )
    return True


def was_sent(response_id: int, survey_id: int) -> bool:
    """Whether this response to this survey has been sent."""
    status = db.session.scalar(
        select(Response.status).where(Response.id == response_id, Response.survey_id == survey_id)
    )
    return status == ResponseStatus.SUBMITTED


def resume(code: str) -> tuple[int, int, str] | None:
    """(response id, survey id, survey slug) of the one in-progress response this code opens."""
    if len(normalise_code(code)) != CODE_LENGTH:
        return None
    found = db.session.execute(
        select(Response.id, Response.survey_id, Survey.slug, Response.resume_expires_at)
        .join(Survey, Survey.id == Response.survey_id)
        .where(
            Response.resume_digest == code_digest(code),
            Response.status == ResponseStatus.IN_PROGRESS,
        )
    ).first()
    if found is None or found.resume_expires_at is None:
        return None
    if as_utc(found.resume_expires_at) <= utcnow():
        return None
    return found.id, found.survey_id, found.slug
