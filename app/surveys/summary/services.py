"""What you told us: saving, publishing and taking down a survey's summary. One transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.db import utcnow
from app.extensions import db
from app.surveys.models import Survey
from app.surveys.summary import reading
from app.surveys.summary.models import ResultsSummary
from app.surveys.summary.models import SummaryQuestion
from app.surveys.summary.models import SummaryQuote
from app.transactions import unit_of_work

MAX_QUOTES = 6
INTRO_LIMIT = 5000


class SummaryError(Exception):
    """Something staff can put right; field names the part of the form it is about."""

    def __init__(self, message: str, field: str = "intro") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class AlreadyDone(SummaryError):
    """A second tap of the same button: nothing left to do, so say so calmly."""


@dataclass(frozen=True)
class SummaryChoice:
    intro: str = ""
    question_ids: list[int] = field(default_factory=list)
    answer_ids: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.intro.strip() or self.question_ids or self.answer_ids)


def nothing_to_publish() -> str:
    return _("Write a few words, or choose a chart or a quote, before you publish.")


def check(survey: Survey, choice: SummaryChoice) -> None:
    """Refuse charts and quotes that are not this survey's to show (a changed page, say)."""
    charts = {qid for qid, _number, _text in reading.chartable(survey)}
    if not set(choice.question_ids) <= charts:
        raise SummaryError(_("Choose charts from the list."), "questions")
    if len(set(choice.answer_ids)) > MAX_QUOTES:
        message = ngettext(
            "Choose %(num)d quote or fewer.", "Choose %(num)d quotes or fewer.", MAX_QUOTES
        )
        raise SummaryError(message, "quotes")
    if set(choice.answer_ids) - reading.quotable_ids(survey.id, set(choice.answer_ids)):
        raise SummaryError(
            _(
                "Some of the quotes you chose cannot be shown. Only answers from people who "
                "agreed to take part can be quoted. Choose quotes from the list."
            ),
            "quotes",
        )
    if len(choice.intro) > INTRO_LIMIT:
        raise SummaryError(
            _("The introduction must be %(num)d characters or fewer.", num=INTRO_LIMIT)
        )


@unit_of_work()
def save(survey: Survey, choice: SummaryChoice, staff_id: int, publish: bool = False) -> bool:
    """Save what staff chose; publish it too if asked. Never takes it down. True if published."""
    check(survey, choice)
    saved = reading.summary_of(survey.id)
    if (publish or (saved is not None and saved.published)) and choice.empty:
        raise SummaryError(nothing_to_publish())
    summary = saved or _summary_for(survey.id)
    summary.intro = choice.intro
    summary.questions = _rows(
        summary.questions, choice.question_ids, "question_id", SummaryQuestion
    )
    summary.quotes = _rows(summary.quotes, choice.answer_ids, "answer_id", SummaryQuote)
    summary.changed_at, summary.changed_by_id = utcnow(), staff_id
    if publish and not summary.published:
        summary.published, summary.published_at = True, utcnow()
    published = summary.published
    return published


def _summary_for(survey_id: int) -> ResultsSummary:
    """A new summary for the survey; two first saves at once still make only one."""
    try:
        with db.session.begin_nested():
            db.session.add(ResultsSummary(survey_id=survey_id, intro=""))
    except IntegrityError:
        pass  # the other save made it first
    found = reading.summary_of(survey_id)
    assert found is not None
    return found


def _rows(current: list, ids: list[int], key: str, make: type) -> list:
    """Rows for ids in order, keeping existing rows so a unique (summary, id) is never doubled."""
    existing = {getattr(row, key): row for row in current}
    rows = []
    for position, target in enumerate(dict.fromkeys(ids)):
        row = existing.get(target) or make(**{key: target})
        row.position = position
        rows.append(row)
    return rows


@unit_of_work()
def publish(survey_id: int, staff_id: int) -> None:
    """Publish the saved summary; a second tap finds it published and says so."""
    summary = reading.summary_of(survey_id)
    if summary is None or _is_empty(summary):
        raise SummaryError(nothing_to_publish())
    now = utcnow()
    done = db.session.execute(
        update(ResultsSummary)
        .where(ResultsSummary.survey_id == survey_id, ResultsSummary.published.is_(False))
        .values(published=True, published_at=now, changed_at=now, changed_by_id=staff_id)
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:
        raise AlreadyDone(_("The summary was already published."))


@unit_of_work()
def unpublish(survey_id: int, staff_id: int) -> None:
    """Take the summary down; participants see the usual closed page again."""
    done = db.session.execute(
        update(ResultsSummary)
        .where(ResultsSummary.survey_id == survey_id, ResultsSummary.published.is_(True))
        .values(published=False, changed_at=utcnow(), changed_by_id=staff_id)
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:
        raise AlreadyDone(_("The summary was already taken down."))


def _is_empty(summary: ResultsSummary) -> bool:
    return not (summary.intro.strip() or summary.questions or summary.quotes)


def saved_choice(survey_id: int) -> SummaryChoice:
    """What is saved now, to fill in the form."""
    summary = reading.summary_of(survey_id)
    if summary is None:
        return SummaryChoice()
    return SummaryChoice(
        summary.intro,
        [row.question_id for row in summary.questions],
        [row.answer_id for row in summary.quotes],
    )
