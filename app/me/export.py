"""Everything we hold about one participant: their details, sessions, claims and answers, with
the rest gathered in app/me/held.py. Plain data for the download and the readable page.

Every function takes the signed-in participant's id and filters by it, so one person's page can
never show another's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import InvolvementSession
from app.ledger.models import claim_total
from app.me import held
from app.people.models import Participant
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseChange
from app.surveys.response_models import Theme


@dataclass(frozen=True)
class Involvement:
    held_on: date
    title: str
    role: str  # AttendanceRole value
    minutes: int


def involvement(participant_id: int) -> list[Involvement]:
    """Sessions this person attended, newest first."""
    rows = db.session.execute(
        select(InvolvementSession, Attendance.role)
        .join(Attendance, Attendance.session_id == InvolvementSession.id)
        .where(Attendance.participant_id == participant_id)
        .order_by(InvolvementSession.held_on.desc(), InvolvementSession.id.desc())
    ).all()
    return [Involvement(s.held_on, s.title, role.value, s.minutes) for s, role in rows]


def claims_of(participant_id: int) -> list[tuple[Claim, int]]:
    """This person's claims, newest first, with each one's total in pence."""
    claims = db.session.scalars(
        select(Claim)
        .where(Claim.participant_id == participant_id)
        .options(selectinload(Claim.lines))
        .order_by(Claim.created_at.desc(), Claim.id.desc())
    ).all()
    return [(claim, claim_total(claim)) for claim in claims]


def everything_about(participant_id: int) -> dict[str, Any]:
    """All we hold about one participant, as plain data for the download and the readable page."""
    person = db.session.get(Participant, participant_id)
    if person is None:
        return {}
    return {
        "participant": _person(person),
        "sessions": [
            {"date": i.held_on.isoformat(), "title": i.title, "role": i.role, "minutes": i.minutes}
            for i in involvement(participant_id)
        ],
        "claims": [_claim(claim, total) for claim, total in claims_of(participant_id)],
        "survey_answers": _responses(participant_id),
        "messages_sent": held.messages_to(participant_id),
        "sign_in_codes": held.sign_in_codes_of(participant_id),
        "erasure_requests": held.erasure_requests_of(participant_id),
        "privacy_actions": held.privacy_actions_on(participant_id),
    }


def _person(person: Participant) -> dict[str, Any]:
    return {
        "reference": person.reference,
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "preferred_language": person.preferred_language,
        "contact_ways": list(person.contact_ways or []),
        "tell_me_what_changed": person.hear_back,
        "access_needs": list(person.access_needs or []),
        "interpreter_language": person.interpreter_language,
        "access_other": person.access_other,
        "payment_preference": person.payment_preference.value,
        "receives_benefits": person.receives_benefits,
        "benefits": list(person.benefits or []),
        "paused": person.paused,
        "has_sign_in_card": person.card_code_digest is not None,
        "added_on": person.created_at.date().isoformat(),
        "last_looked_at_updates": held.when(person.updates_seen_at),
    }


def _claim(claim: Claim, total: int) -> dict[str, Any]:
    events = held.rows_where(ClaimEvent, ClaimEvent.claim_id, claim.id)
    return {
        "id": claim.id,
        "status": claim.status.value,
        "reason": claim.reason,
        "total_pence": total,
        "paid_method": claim.paid_method.value if claim.paid_method else None,
        "paid_reference": claim.paid_reference,
        "paid_on": claim.paid_on.isoformat() if claim.paid_on else None,
        "lines": [_line(line) for line in claim.lines],
        "events": [
            {
                "from": event.from_status,
                "to": event.to_status,
                "reason": event.reason,
                "at": event.at.isoformat(),
            }
            for event in events
        ],
        "receipts": held.receipts_of_claim(claim.id),
    }


def _line(line: Any) -> dict[str, Any]:
    return {
        "kind": line.kind.value,
        "category": line.category.value,
        "date": line.spent_on.isoformat(),
        "description": line.description,
        "amount_pence": line.amount_pence,
        "counts_as_income": line.counts_as_income,
        "offered_pence": line.offered_pence,
        "choice": line.choice.value if line.choice else None,
        "miles": line.miles,
    }


def _responses(participant_id: int) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Response, Survey.title)
        .join(Survey, Survey.id == Response.survey_id)
        .where(Response.participant_id == participant_id)
        .order_by(Response.id)
        .options(selectinload(Response.notes))
    ).all()
    return [
        {
            "survey": title,
            "status": response.status.value,
            "started_at": held.when(response.created_at),
            "submitted_at": held.when(response.submitted_at),
            "language": response.language,
            "answered_on": response.answered_on.isoformat() if response.answered_on else None,
            "withdrawn_at": held.when(response.withdrawn_at),
            "answers": _answers(response.id),
            # Answers on their paper form to questions the branching skipped, kept by staff.
            "notes": [
                {"question": note.question_text, "answer": note.answer_text}
                for note in response.notes
            ],
            "history": _history(response.id),
        }
        for response, title in rows
    ]


def _history(response_id: int) -> list[dict[str, Any]]:
    """Corrections and withdrawal of a response staff typed in: what changed, when and why."""
    changes = held.rows_where(ResponseChange, ResponseChange.response_id, response_id)
    return [
        {
            "change": change.kind.value,
            "at": held.when(change.at),
            "reason": change.reason,
            "before": change.before,
            "after": change.after,
        }
        for change in changes
    ]


def _answers(response_id: int) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Answer, Question.text)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.response_id == response_id)
        .order_by(Question.position)
    ).all()
    ids = [answer.id for answer, _text in rows]
    themes, quoted = _themes(ids), held.quoted(ids)
    return [
        {
            "question": text,
            "answer": answer.value,
            "declined": answer.declined,
            "other": answer.other_text,  # the words written for "Other", when chosen
            "themes": themes.get(answer.id, []),
            "quoted_in_a_summary": answer.id in quoted,
        }
        for answer, text in rows
    ]


def _themes(answer_ids: list[int]) -> dict[int, list[str]]:
    """The themes staff tagged each answer with, when reading the results."""
    rows = db.session.execute(
        select(AnswerTheme.answer_id, Theme.name)
        .join(Theme, Theme.id == AnswerTheme.theme_id)
        .where(AnswerTheme.answer_id.in_(answer_ids))
        .order_by(Theme.name)
    )
    found: dict[int, list[str]] = {}
    for answer_id, name in rows:
        found.setdefault(answer_id, []).append(name)
    return found
