"""What one public update came from, as the public may see it: survey, question, theme and
session names (never who took part), and links to the surveys' published summaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.core.translating import texts_of
from app.extensions import db
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateLink
from app.feedback.reading_batch import Words
from app.feedback.reading_batch import linked_surveys
from app.ledger.models import InvolvementSession
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.models import SurveyText
from app.surveys.response_models import Theme
from app.surveys.summary.models import ResultsSummary


@dataclass(frozen=True)
class SourceLine:
    kind: LinkKind
    name: Words
    held_on: date | None = None  # for a session


@dataclass(frozen=True)
class SummaryLink:
    slug: str
    title: Words


def source_lines(record: Update, language: str) -> list[SourceLine]:
    """Each link named in the reader's language where the survey has been translated."""
    found = _survey_texts(_survey_ids(record.links), language)
    lines = [_line(link, language, found) for link in record.links]
    return [line for line in lines if line is not None]


def _survey_ids(links: list[UpdateLink]) -> set[int]:
    """Surveys whose translated words a survey or question link needs (a theme has none)."""
    found = {link.survey_id for link in links if link.survey_id}
    for link in links:
        question = db.session.get(Question, link.question_id) if link.question_id else None
        if question is not None:
            found.add(question.survey_id)
    return found


def _survey_texts(survey_ids: set[int], language: str) -> dict[tuple[int, str], str]:
    return texts_of(SurveyText.survey_id, survey_ids, language)


def _translated(found: dict, survey: Survey, key: str, text: str, language: str) -> Words:
    if survey.main_language != language and found.get((survey.id, key)):
        return Words(found[(survey.id, key)], language)
    return Words(text, survey.main_language)


def _line(link: UpdateLink, language: str, found: dict) -> SourceLine | None:
    if link.kind == LinkKind.SESSION:
        session = db.session.get(InvolvementSession, link.session_id)
        if session is None:
            return None
        return SourceLine(link.kind, Words(session.title, None), session.held_on)
    if link.kind == LinkKind.THEME:
        theme = db.session.get(Theme, link.theme_id)
        survey = db.session.get(Survey, theme.survey_id) if theme else None
        return SourceLine(link.kind, Words(theme.name, survey.main_language)) if survey else None
    if link.kind == LinkKind.QUESTION:
        question = db.session.get(Question, link.question_id)
        if question is None:
            return None
        key = f"q:{question.id}:text"
        words = _translated(found, question.survey, key, question.text, language)
        return SourceLine(link.kind, words)
    survey = db.session.get(Survey, link.survey_id)
    if survey is None:
        return None
    return SourceLine(link.kind, _translated(found, survey, "title", survey.title, language))


def summaries(update_id: int, language: str) -> list[SummaryLink]:
    """The published "What you told us" summaries of the surveys this update came from."""
    links = linked_surveys().where(UpdateLink.update_id == update_id).subquery()
    surveys = db.session.scalars(
        select(Survey)
        .join(ResultsSummary, ResultsSummary.survey_id == Survey.id)
        .where(ResultsSummary.published.is_(True), Survey.id.in_(select(links.c.survey_id)))
        .order_by(Survey.id)
    ).all()
    found = _survey_texts({s.id for s in surveys}, language)
    return [SummaryLink(s.slug, _translated(found, s, "title", s.title, language)) for s in surveys]
