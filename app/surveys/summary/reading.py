"""What you told us: reading a survey's summary, what may go in it, and the page people read.

Counts come from app/surveys/results/tallies.py; this module only picks, translates and shapes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import ColumnElement
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.core.markup import render_markdown
from app.extensions import db
from app.i18n import direction
from app.surveys.content import QuestionView
from app.surveys.content import SurveyView
from app.surveys.content import load_survey_by_id
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.results import tallies as results
from app.surveys.summary.models import ResultsSummary
from app.surveys.summary.models import SummaryQuote

CHARTED = (results.CHOICE, results.PRIORITIES)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
QUOTES_LISTED = 50  # the most recent quotable answers offered to staff


@dataclass(frozen=True)
class Quotable:
    """A free-text answer staff may quote: its words and the question it answers, no name."""

    id: int
    text: str
    question: str
    language: str

    @property
    def direction(self) -> str:
        return direction(self.language)


@dataclass(frozen=True)
class Quote:
    paragraphs: tuple[str, ...]
    language: str  # the language the person was using when they answered

    @property
    def direction(self) -> str:
        return direction(self.language)


@dataclass(frozen=True)
class Chart:
    """One question's counts for participants, in their language where it is translated."""

    id: int
    text: str
    answered: int
    declined: int
    bars: list[results.Bar]
    multiple: bool
    picks: int  # for priorities: how many answers each person could pick; else 0
    label_lang: str | None  # None: the labels are in the page's own language


@dataclass(frozen=True)
class SummaryPage:
    title: str
    language: str  # of the survey's words on the page: the reader's, where translated
    total: int  # sent responses
    intro: Markup
    intro_lang: str  # staff write the introduction in the survey's main language
    charts: list[Chart]
    quotes: list[Quote]
    published_at: datetime | None
    empty: bool

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def intro_direction(self) -> str:
        return direction(self.intro_lang)


def quotable_where(survey_id: int) -> list[ColumnElement[bool]]:
    """Answers that may be quoted: sent, from someone who agreed, written words, not skipped."""
    return [
        *results.submitted(survey_id),
        *results.answered(),
        Response.consented_at.is_not(None),
        Question.survey_id == survey_id,
        Question.kind.in_(TEXT_KINDS),
    ]


def _quotable_rows(survey_id: int):
    return (
        select(Answer.id, Answer.value, Question.text, Response.language)
        .join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(*quotable_where(survey_id))
    )


def quotable_ids(survey_id: int, answer_ids: set[int]) -> set[int]:
    """Those of answer_ids that may be quoted in this survey's summary."""
    if not answer_ids:
        return set()
    query = select(Answer.id).join(Response, Response.id == Answer.response_id)
    query = query.join(Question, Question.id == Answer.question_id)
    where = [*quotable_where(survey_id), Answer.id.in_(answer_ids)]
    return set(db.session.scalars(query.where(*where)))


def quotable_answers(survey_id: int, keep: set[int]) -> list[Quotable]:
    """The most recent quotable answers, plus any in keep (already chosen) that are older."""
    newest = _quotable_rows(survey_id).order_by(Response.submitted_at.desc(), Answer.id.desc())
    rows = list(db.session.execute(newest.limit(QUOTES_LISTED)))
    missing = keep - {row[0] for row in rows}
    if missing:
        rows += db.session.execute(_quotable_rows(survey_id).where(Answer.id.in_(missing)))
    return [Quotable(aid, str(value), text, lang) for aid, value, text, lang in rows]


def chartable(survey: Survey) -> list[tuple[int, int, str]]:
    """(id, number, main-language words) of each live question whose answers can be counted."""
    live = results.live_questions(survey)
    return [
        (q.id, number, q.text)
        for number, q in enumerate(live, start=1)
        if results.category(q.kind) in CHARTED
    ]


def summary_of(survey_id: int) -> ResultsSummary | None:
    return db.session.scalar(
        select(ResultsSummary)
        .where(ResultsSummary.survey_id == survey_id)
        .options(selectinload(ResultsSummary.questions), selectinload(ResultsSummary.quotes))
    )


def for_participants(view: SurveyView) -> SummaryPage | None:
    """The published summary of the survey people are looking at, or None."""
    summary = summary_of(view.id)
    if summary is None or not summary.published:
        return None
    survey = load_survey_by_id(view.id)
    return page_of(survey, view, summary) if survey is not None else None


def page_of(survey: Survey, view: SurveyView, summary: ResultsSummary | None) -> SummaryPage:
    """The summary as participants see it (also the staff preview, published or not)."""
    found = results.survey_results(survey, results.Filters())
    by_id = {q.id: q for q in found.questions if q.category in CHARTED}
    chosen = [row.question_id for row in summary.questions] if summary else []
    charts = [_chart(by_id[qid], survey, view) for qid in chosen if qid in by_id]
    quotes = _chosen_quotes(summary.id, survey.id) if summary else []
    intro = summary.intro if summary else ""
    return SummaryPage(
        title=view.title,
        language=view.language,
        total=found.total,
        intro=render_markdown(intro),
        intro_lang=survey.main_language,
        charts=charts,
        quotes=quotes,
        published_at=summary.published_at if summary and summary.published else None,
        empty=not (intro.strip() or charts or quotes),
    )


def _chart(result: results.QuestionResult, survey: Survey, view: SurveyView) -> Chart:
    question = next(q for q in survey.questions if q.id == result.id)
    shown = view.question(result.id)
    yes_no = question.kind == QuestionKind.YES_NO
    labels = {} if yes_no else _translated_labels(question, shown)
    bars = result.bars if result.category == results.CHOICE else _picked(result)
    return Chart(
        id=result.id,
        text=shown.text if shown else result.text,
        answered=result.answered,
        declined=result.declined,
        bars=[results.Bar(labels.get(b.label, b.label), b.count, b.percent) for b in bars],
        multiple=result.multiple,
        picks=result.ranks,
        label_lang=None if yes_no else view.language,
    )


def _translated_labels(question: Question, shown: QuestionView | None) -> dict[str, str]:
    """Main-language label -> the label in the reader's language, for options still offered."""
    if shown is None:
        return {}
    words = {option.value: option.label for option in shown.options}
    return {o.label: words[o.value] for o in question.options if o.value in words}


def _picked(result: results.QuestionResult) -> list[results.Bar]:
    """Priorities as participants read them: how many people picked each answer at all."""
    rows = [(row.label, sum(row.by_rank)) for row in result.priorities]
    out_of = result.answered
    return [
        results.Bar(label, n, int(n * 100 / out_of + 0.5) if out_of else 0) for label, n in rows
    ]


def _chosen_quotes(summary_id: int, survey_id: int) -> list[Quote]:
    """The chosen quotes in order; any no longer quotable (deleted, say) simply drop out."""
    rows = db.session.execute(
        _quotable_rows(survey_id)
        .join(SummaryQuote, SummaryQuote.answer_id == Answer.id)
        .where(SummaryQuote.summary_id == summary_id)
        .order_by(SummaryQuote.position)
    )
    return [Quote(_paragraphs(str(value)), lang) for _i, value, _q, lang in rows]


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("\n\n") if part.strip())
