"""Participant use cases: start, consent, answer, resume and submit. One transaction each."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, select, update

from app.core.idempotency import use_key
from app.db import as_utc, utcnow
from app.extensions import db
from app.surveys import answering
from app.surveys.content import SurveyView
from app.surveys.flow import dropped
from app.surveys.models import Channel, ResponseStatus, Survey, SurveyStatus
from app.surveys.response_models import Answer, Response

# No 0/O, 1/I/L: nothing a tired eye can mix up.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class AlreadyDone(Exception):
    """The same form was sent twice; the first one counted."""


def new_resume_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    return "".join(ch for ch in typed.upper() if ch.isalnum())[:32]


def code_digest(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, normalise_code(code).encode(), hashlib.sha256).hexdigest()


def start_response(
    survey: SurveyView, language: str, form_key: str | None, participant_id: int | None = None
) -> tuple[int, str]:
    """Create an in-progress response; returns its id and the resume code (shown, never stored).

    A signed-in participant's answers to a named survey are theirs, so they can hear what changed;
    answers to an anonymous survey are never tied to anyone.
    """
    if not use_key(form_key):
        db.session.rollback()
        raise AlreadyDone
    code = new_resume_code()
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
    db.session.commit()
    return response.id, code


def in_progress(response_id: int, survey_id: int) -> Response | None:
    response = db.session.get(Response, response_id)
    if response is None or response.survey_id != survey_id:
        return None
    return response if response.status == ResponseStatus.IN_PROGRESS else None


def record_consent(response_id: int, survey: SurveyView) -> None:
    response = in_progress(response_id, survey.id)
    if response is None:
        return
    response.consent_version = survey.consent_version
    response.consent_text = survey.consent_text
    response.consented_at = utcnow()
    db.session.commit()


def record_name(response_id: int, survey: SurveyView, name: str) -> None:
    response = in_progress(response_id, survey.id)
    if response is not None and not survey.anonymous:
        response.respondent_name = answering.clean_text(name)[:200]
        db.session.commit()


def answers_of(response_id: int) -> tuple[dict[int, Any], set[int]]:
    """(question id -> value, ids of questions the person declined)."""
    values: dict[int, Any] = {}
    declined: set[int] = set()
    for answer in db.session.scalars(select(Answer).where(Answer.response_id == response_id)):
        values[answer.question_id] = answering.decode(answer.value)
        if answer.declined:
            declined.add(answer.question_id)
    return values, declined


def save_answer(
    response_id: int, survey: SurveyView, question_id: int, parsed: answering.Parsed
) -> bool:
    """Store (or replace) one answer; False when the response is no longer open to changes."""
    if survey.question(question_id) is None or in_progress(response_id, survey.id) is None:
        db.session.rollback()
        return False
    answer = db.session.scalar(
        select(Answer).where(Answer.response_id == response_id, Answer.question_id == question_id)
    )
    if answer is None:
        answer = Answer(response_id=response_id, question_id=question_id)
        db.session.add(answer)
    answer.declined = parsed.declined
    answer.value = None if parsed.declined else answering.encode(parsed.value)
    db.session.commit()
    return True


def submit(response_id: int, survey: SurveyView) -> bool:
    """Send the response: answers on branches not taken are dropped; True only the first time."""
    values, _declined = answers_of(response_id)
    stale = dropped(survey.steps, values)
    if stale:
        db.session.execute(
            delete(Answer).where(Answer.response_id == response_id, Answer.question_id.in_(stale))
        )
    done = db.session.execute(
        update(Response)
        .where(
            Response.id == response_id,
            Response.survey_id == survey.id,
            Response.status == ResponseStatus.IN_PROGRESS,
        )
        .values(
            status=ResponseStatus.SUBMITTED,
            submitted_at=utcnow(),
            resume_digest=None,
            resume_expires_at=None,
        )
    ).rowcount
    db.session.commit()
    return done == 1


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
            Survey.status == SurveyStatus.OPEN,
        )
    ).first()
    if found is None or found.resume_expires_at is None:
        return None
    if as_utc(found.resume_expires_at) <= utcnow():
        return None
    return found.id, found.survey_id, found.slug
