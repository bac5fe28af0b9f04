"""Survey results: counts per answer for every live question, in a fixed few GROUP BY queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import BigInteger, ColumnElement, case, cast, func, null, or_, select

from app.auth.models import Role
from app.extensions import db
from app.surveys import answering
from app.surveys.models import Channel, Question, QuestionKind, Survey
from app.surveys.response_models import Answer, Response, counted

NAME_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
CHOICE = "choice"
PRIORITIES = "priorities"
NUMBER = "number"
TEXT = "text"


@dataclass(frozen=True)
class Filters:
    """Which submitted responses to count; an empty string means all."""

    language: str = ""
    channel: str = ""

    @property
    def active(self) -> bool:
        return bool(self.language or self.channel)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int  # of the people who chose an answer to the question


@dataclass(frozen=True)
class PriorityRow:
    label: str
    by_rank: tuple[int, ...]  # how many put it first, second, third...
    score: int


@dataclass
class QuestionResult:
    id: int
    number: int
    category: str  # CHOICE, PRIORITIES, NUMBER or TEXT
    text: str
    answered: int = 0
    declined: int = 0
    multiple: bool = False
    bars: list[Bar] = field(default_factory=list)
    ranks: int = 0
    priorities: list[PriorityRow] = field(default_factory=list)
    lowest: int | None = None
    median: float | None = None
    highest: int | None = None


@dataclass
class Results:
    total: int
    questions: list[QuestionResult]


def shows_names(role: Role, survey: Survey) -> bool:
    """Names exist only on identified surveys, and only admins and coordinators see them."""
    return not survey.anonymous and role in NAME_ROLES


def category(kind: QuestionKind) -> str:
    if kind.is_text:
        return TEXT
    if kind == QuestionKind.NUMBER:
        return NUMBER
    return PRIORITIES if kind == QuestionKind.PRIORITIES else CHOICE


def submitted(survey_id: int, filters: Filters = Filters()) -> list[ColumnElement[bool]]:
    """Conditions on Response picking this survey's sent responses that match the filters."""
    where = [Response.survey_id == survey_id, counted()]
    if filters.language:
        where.append(Response.language == filters.language)
    if filters.channel:
        where.append(Response.channel == Channel(filters.channel))
    return where


def answered() -> list[ColumnElement[bool]]:
    return [Answer.declined.is_(False), Answer.value.is_not(None)]


def live_questions(survey: Survey) -> list[Question]:
    return [q for q in survey.questions if not q.retired]


def survey_results(survey: Survey, filters: Filters) -> Results:
    """Every live question's counts, in three queries whatever the number of questions."""
    live = live_questions(survey)
    tallies = _tallies(survey.id, live, filters)
    numbers = _number_summaries(
        survey.id, [q.id for q in live if q.kind == QuestionKind.NUMBER], filters
    )
    total = db.session.scalar(
        select(func.count()).select_from(Response).where(*submitted(survey.id, filters))
    )
    results = [
        _result(number, question, tallies.get(question.id, {}), numbers.get(question.id))
        for number, question in enumerate(live, start=1)
    ]
    return Results(total or 0, results)


def _tallies(
    survey_id: int, live: list[Question], filters: Filters
) -> dict[int, dict[tuple[bool, str | None], int]]:
    """question id -> {(declined, stored value or None): count}; text values are not fetched."""
    choice_ids = [q.id for q in live if category(q.kind) in (CHOICE, PRIORITIES)]
    # Only choice answers are grouped by value; text and numbers are just counted here.
    value = case((Answer.question_id.in_(choice_ids), Answer.value), else_=null())
    rows = (
        select(Answer.question_id, Answer.declined, value.label("value"))
        .join(Response, Response.id == Answer.response_id)
        .where(*submitted(survey_id, filters), Answer.question_id.in_([q.id for q in live]))
        .where(or_(Answer.declined.is_(True), Answer.value.is_not(None)))
        .subquery()
    )
    grouped = select(rows.c.question_id, rows.c.declined, rows.c.value, func.count()).group_by(
        rows.c.question_id, rows.c.declined, rows.c.value
    )
    found: dict[int, dict[tuple[bool, str | None], int]] = {}
    for question_id, declined, stored, count in db.session.execute(grouped):
        found.setdefault(question_id, {})[(bool(declined), stored)] = count
    return found


def _number_summaries(
    survey_id: int, question_ids: list[int], filters: Filters
) -> dict[int, tuple[int, float, int]]:
    """question id -> (lowest, median, highest), all questions in one windowed query."""
    if not question_ids:
        return {}
    number = cast(Answer.value, BigInteger)
    ranked = (
        select(
            Answer.question_id,
            number.label("n"),
            func.row_number().over(partition_by=Answer.question_id, order_by=number).label("rn"),
            func.count().over(partition_by=Answer.question_id).label("total"),
        )
        .join(Response, Response.id == Answer.response_id)
        .where(*submitted(survey_id, filters), *answered())
        .where(Answer.question_id.in_(question_ids))
        .subquery()
    )
    # The middle row, or the two middle rows when the count is even.
    middle = or_(ranked.c.rn == (ranked.c.total + 1) // 2, ranked.c.rn == ranked.c.total // 2 + 1)
    rows = db.session.execute(
        select(
            ranked.c.question_id,
            func.min(ranked.c.n),
            func.avg(case((middle, ranked.c.n))),
            func.max(ranked.c.n),
        ).group_by(ranked.c.question_id)
    )
    return {qid: (int(low), float(mid), int(high)) for qid, low, mid, high in rows}


def _result(
    number: int,
    question: Question,
    counts: dict[tuple[bool, str | None], int],
    summary: tuple[int, float, int] | None,
) -> QuestionResult:
    result = QuestionResult(
        id=question.id, number=number, category=category(question.kind), text=question.text
    )
    result.declined = sum(n for (declined, _v), n in counts.items() if declined)
    result.answered = sum(n for (declined, _v), n in counts.items() if not declined)
    values = [(answering.decode(v), n) for (declined, v), n in counts.items() if not declined]
    if result.category == CHOICE:
        result.multiple = question.kind == QuestionKind.MULTIPLE_CHOICE
        result.bars = _bars(option_labels(question), values, result.answered)
    elif result.category == PRIORITIES:
        result.ranks = question.pick_count or 3
        result.priorities = _priorities(option_labels(question), values, result.ranks)
    elif result.category == NUMBER and summary:
        result.lowest, result.median, result.highest = summary
    return result


def option_labels(question: Question) -> list[tuple[str, str, bool]]:
    """(value, main-language label, still offered) for every option of a question, in order."""
    if question.kind == QuestionKind.YES_NO:
        return [("yes", _("Yes"), True), ("no", _("No"), True)]
    return [(o.value, o.label, not o.retired) for o in question.options]


def _chosen(values: list[tuple[Any, int]]) -> Counter[str]:
    chosen: Counter[str] = Counter()
    for value, count in values:
        for item in value if isinstance(value, list) else [value]:
            chosen[str(item)] += count
    return chosen


def _percent(count: int, out_of: int) -> int:
    return int(count * 100 / out_of + 0.5) if out_of else 0


def _bars(
    options: list[tuple[str, str, bool]], values: list[tuple[Any, int]], out_of: int
) -> list[Bar]:
    """Every offered option, plus any no-longer-offered one that people chose."""
    chosen = _chosen(values)
    known = {value for value, _label, _live in options}
    rows = [(label, chosen[value]) for value, label, live in options if live or chosen[value]]
    rows += [(value, count) for value, count in chosen.items() if value not in known]
    return [Bar(label, count, _percent(count, out_of)) for label, count in rows]


def _priorities(
    options: list[tuple[str, str, bool]], values: list[tuple[Any, int]], ranks: int
) -> list[PriorityRow]:
    """How often each option was put at each rank; a first choice scores `ranks` points."""
    by_rank: dict[str, list[int]] = {}
    for value, count in values:
        for rank, item in enumerate(value if isinstance(value, list) else [value]):
            if rank < ranks:
                by_rank.setdefault(str(item), [0] * ranks)[rank] += count
    labels = {value: label for value, label, _live in options}
    shown = [value for value, _label, live in options if live or value in by_rank]
    shown += [value for value in by_rank if value not in labels]
    rows = []
    for value in shown:
        counts = by_rank.get(value, [0] * ranks)
        score = sum(n * (ranks - rank) for rank, n in enumerate(counts))
        rows.append(PriorityRow(labels.get(value, value), tuple(counts), score))
    return sorted(rows, key=lambda row: -row.score)
