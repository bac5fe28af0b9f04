"""Staff typing in answers given on paper, on the phone or in an interview: one response each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import force_locale

from app.core.idempotency import use_key
from app.db import utcnow
from app.extensions import db
from app.i18n import formatting_locale
from app.surveys import answering
from app.surveys.builder.wordings import wording
from app.surveys.content import SurveyView
from app.surveys.flow import dropped
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseNote
from app.surveys.services import AlreadyDone
from app.transactions import unit_of_work

ENTRY_STATUSES = (SurveyStatus.OPEN, SurveyStatus.CLOSED)


@dataclass(frozen=True)
class Entry:
    """One person's answers as staff typed them in, with what the form itself says."""

    channel: Channel
    respondent_name: str | None
    agreed: bool
    answers: dict[int, answering.Parsed]  # question id -> checked answer
    language: str  # the language of the form they filled in
    answered_on: date | None  # the date written on the form; None when there is none
    consent_version: int  # the consent words printed on their form
    keep_skipped: bool = False  # answers to questions the branching skipped become notes


@dataclass(frozen=True)
class Saved:
    response_id: int
    notes: int  # skipped answers kept as notes
    left_out: int  # skipped answers dropped, as staff chose


def takes_entries(survey: Survey) -> bool:
    """Paper answers can arrive late, so a closed survey still takes them; a draft does not."""
    return survey.status in ENTRY_STATUSES


def skipped(view: SurveyView, parsed: dict[int, answering.Parsed]) -> list[int]:
    """Questions answered on the form that the branching skips, in the survey's order."""
    stale = dropped(view.steps, _given(parsed))
    return [q.id for q in view.questions if q.id in stale]


@unit_of_work()
def enter_response(
    survey: Survey, view: SurveyView, staff_id: int, entry: Entry, form_key: str | None
) -> Saved:
    """Save a sent response for the person; a second send of the same form saves nothing."""
    if not use_key(form_key):
        raise AlreadyDone
    now = utcnow()
    response = Response(
        survey_id=survey.id,
        status=ResponseStatus.SUBMITTED,
        language=entry.language,
        channel=entry.channel,
        entered_by_id=staff_id,
        respondent_name=None if survey.anonymous else (entry.respondent_name or None),
        submitted_at=now,
        answered_on=entry.answered_on,
    )
    if entry.agreed and survey.consent_text:
        response.consent_version = entry.consent_version
        response.consent_text = wording(survey, entry.consent_version, entry.language)
        response.consented_at = now
    stale = set(skipped(view, entry.answers))
    given = _given(entry.answers)
    response.answers = [
        Answer(question_id=qid, value=value, declined=False, other_text=entry.answers[qid].other)
        for qid, value in given.items()
        if qid not in stale
    ]
    if entry.keep_skipped:
        kept = [(qid, given[qid], entry.answers[qid].other) for qid in given if qid in stale]
        response.notes = _notes(survey, view, kept)
    db.session.add(response)
    db.session.flush()
    notes = len(stale) if entry.keep_skipped else 0
    return Saved(response.id, notes, len(stale) - notes)


def _given(parsed: dict[int, answering.Parsed]) -> dict[int, object]:
    """Answers given, minus blanks (not answered)."""
    return {qid: p.value for qid, p in parsed.items() if not p.declined and p.value is not None}


def _notes(
    survey: Survey, view: SurveyView, kept: list[tuple[int, object, str | None]]
) -> list[ResponseNote]:
    """Skipped answers in words, in the survey's main language (the view's), as typed."""
    with force_locale(formatting_locale(survey.main_language)):
        return [
            ResponseNote(
                question_id=qid,
                question_text=question.text,
                answer_text=answering.describe(question, value, False, other),
            )
            for qid, value, other in kept
            if (question := view.question(qid)) is not None
        ]
