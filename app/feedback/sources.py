"""What an update came from: its links named and counted, and who took part in them.

Taking part means answering the linked survey under one's own name (a link to one of its
questions or themes counts as the survey), or attending the linked session. Anonymous answers
are never tied to anyone, so their authors are counted but never contacted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import distinct
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateLink
from app.ledger.models import Attendance
from app.ledger.models import InvolvementSession
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.response_models import counted


@dataclass(frozen=True)
class Source:
    kind: LinkKind
    target_id: int
    name: str  # the survey's title, the question's words, the theme's name or the session's title
    survey_id: int | None  # the survey it belongs to, for survey-side links
    people: int  # how many answered, were tagged with the theme, or attended


def target_of(link: UpdateLink) -> int:
    return int(link.survey_id or link.question_id or link.theme_id or link.session_id or 0)


def new_link(kind: LinkKind, target_id: int) -> UpdateLink:
    column = {
        LinkKind.SURVEY: "survey_id",
        LinkKind.QUESTION: "question_id",
        LinkKind.THEME: "theme_id",
        LinkKind.SESSION: "session_id",
    }[kind]
    return UpdateLink(kind=kind, **{column: target_id})


def exists(kind: LinkKind, target_id: int) -> bool:
    model = {
        LinkKind.SURVEY: Survey,
        LinkKind.QUESTION: Question,
        LinkKind.THEME: Theme,
        LinkKind.SESSION: InvolvementSession,
    }[kind]
    return db.session.get(model, target_id) is not None


def _submitted():
    return counted()


def _people(link: UpdateLink) -> int:
    if link.kind == LinkKind.SESSION:
        query = select(func.count(distinct(Attendance.participant_id))).where(
            Attendance.session_id == link.session_id
        )
    elif link.kind == LinkKind.THEME:
        query = (
            select(func.count(distinct(Answer.response_id)))
            .join(AnswerTheme, AnswerTheme.answer_id == Answer.id)
            .join(Response, Response.id == Answer.response_id)
            .where(AnswerTheme.theme_id == link.theme_id, _submitted())
        )
    elif link.kind == LinkKind.QUESTION:
        query = (
            select(func.count(distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id == link.question_id, Answer.declined.is_(False), _submitted())
        )
    else:
        query = select(func.count(Response.id)).where(
            Response.survey_id == link.survey_id, _submitted()
        )
    return int(db.session.scalar(query) or 0)


def _name_and_survey(link: UpdateLink) -> tuple[str, int | None]:
    if link.kind == LinkKind.SESSION:
        session = db.session.get(InvolvementSession, link.session_id)
        return (session.title if session else ""), None
    if link.kind == LinkKind.THEME:
        theme = db.session.get(Theme, link.theme_id)
        return (theme.name, theme.survey_id) if theme else ("", None)
    if link.kind == LinkKind.QUESTION:
        question = db.session.get(Question, link.question_id)
        return (question.text, question.survey_id) if question else ("", None)
    survey = db.session.get(Survey, link.survey_id)
    return (survey.title if survey else ""), link.survey_id


def sources(update: Update) -> list[Source]:
    """Every link of an update with its name and how many people are behind it."""
    found = []
    for link in update.links:
        name, survey_id = _name_and_survey(link)
        found.append(Source(link.kind, target_of(link), name, survey_id, _people(link)))
    return found


def people_behind(update: Update, found: Iterable[Source] | None = None) -> int | None:
    """The count staff entered; otherwise the largest linked count (people are never double
    counted across two links, so this is the honest lower bound). None when nothing is known."""
    if update.people_count is not None:
        return update.people_count
    counts = [source.people for source in (found if found is not None else sources(update))]
    return max(counts) if counts and max(counts) > 0 else None


def survey_ids(update: Update) -> set[int]:
    return {s for s in (_name_and_survey(link)[1] for link in update.links) if s is not None}


def session_ids(update: Update) -> set[int]:
    return {link.session_id for link in update.links if link.session_id is not None}


def takers(update: Update) -> set[int]:
    """Participants who took part in what the update came from, by name (never anonymously)."""
    found: set[int] = set()
    surveys = survey_ids(update)
    if surveys:
        found |= set(
            db.session.scalars(
                select(Response.participant_id)
                .join(Survey, Survey.id == Response.survey_id)
                .where(
                    Response.survey_id.in_(surveys),
                    Response.participant_id.is_not(None),
                    Survey.anonymous.is_(False),
                    _submitted(),
                )
            )
        )
    sessions = session_ids(update)
    if sessions:
        found |= set(
            db.session.scalars(
                select(Attendance.participant_id).where(Attendance.session_id.in_(sessions))
            )
        )
    return found
