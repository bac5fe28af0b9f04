"""Staff typing in answers given on paper, on the phone or in an interview: one response each."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.idempotency import use_key
from app.db import utcnow
from app.extensions import db
from app.surveys import answering
from app.surveys.content import SurveyView
from app.surveys.flow import dropped
from app.surveys.models import Channel, ResponseStatus, Survey, SurveyStatus
from app.surveys.response_models import Answer, Response
from app.surveys.services import AlreadyDone

ENTRY_STATUSES = (SurveyStatus.OPEN, SurveyStatus.CLOSED)


@dataclass(frozen=True)
class Entry:
    """One person's answers as staff typed them in."""

    channel: Channel
    respondent_name: str | None
    agreed: bool
    answers: dict[int, answering.Parsed]  # question id -> checked answer


def takes_entries(survey: Survey) -> bool:
    """Paper answers can arrive late, so a closed survey still takes them; a draft does not."""
    return survey.status in ENTRY_STATUSES


def enter_response(
    survey: Survey, view: SurveyView, staff_id: int, entry: Entry, form_key: str | None
) -> int:
    """Save a sent response for the person; a second send of the same form saves nothing."""
    if not use_key(form_key):
        db.session.rollback()
        raise AlreadyDone
    now = utcnow()
    response = Response(
        survey_id=survey.id,
        status=ResponseStatus.SUBMITTED,
        language=survey.main_language,
        channel=entry.channel,
        entered_by_id=staff_id,
        respondent_name=None if survey.anonymous else (entry.respondent_name or None),
        submitted_at=now,
    )
    if entry.agreed and survey.consent_text:
        response.consent_version = survey.consent_version
        response.consent_text = survey.consent_text
        response.consented_at = now
    response.answers = _answers(view, entry.answers)
    db.session.add(response)
    db.session.commit()
    return response.id


def _answers(view: SurveyView, parsed: dict[int, answering.Parsed]) -> list[Answer]:
    """Answers given, minus blanks (not answered) and answers on branches not taken."""
    given = {qid: p.value for qid, p in parsed.items() if not p.declined}
    stale = dropped(view.steps, given)
    return [
        Answer(question_id=qid, value=answering.encode(value), declined=False)
        for qid, value in given.items()
        if qid not in stale
    ]
