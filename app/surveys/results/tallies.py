"""Survey results: counts per answer for every live question, added up from kept tallies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.db import JSONText
from app.extensions import db
from app.surveys.answering import other_label
from app.surveys.models import OTHER_KINDS
from app.surveys.models import OTHER_VALUE
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTally
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseTally
from app.surveys.response_models import counted

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
    other: bool = False  # "Other": the site's word, not the survey's; its words can be read


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
    """Every live question's counts, from the tallies the database keeps (migration 0018): two
    small queries whatever the number of responses."""
    live = live_questions(survey)
    counts = _counts(live, filters)
    results = [
        _result(number, question, *_split(question, counts.get(question.id, {})))
        for number, question in enumerate(live, start=1)
    ]
    return Results(sent_count(survey.id, filters), results)


def sent_count(survey_id: int, filters: Filters = Filters()) -> int:
    """How many sent responses match the filters."""
    where = [ResponseTally.survey_id == survey_id, *_matching(ResponseTally, filters)]
    return db.session.scalar(select(func.sum(ResponseTally.count)).where(*where)) or 0


def _matching(
    tallies: type[AnswerTally] | type[ResponseTally], filters: Filters
) -> list[ColumnElement[bool]]:
    where = []
    if filters.language:
        where.append(tallies.language == filters.language)
    if filters.channel:
        where.append(tallies.channel == filters.channel)
    return where


def _counts(live: list[Question], filters: Filters) -> dict[int, dict[tuple[bool, str], int]]:
    """question id -> {(declined, tallied value): count}, over the filtered languages and ways."""
    where = [AnswerTally.question_id.in_([q.id for q in live]), *_matching(AnswerTally, filters)]
    key = (AnswerTally.question_id, AnswerTally.declined, AnswerTally.value)
    total = func.sum(AnswerTally.count)
    rows = db.session.execute(select(*key, total).where(*where).group_by(*key).having(total > 0))
    found: dict[int, dict[tuple[bool, str], int]] = {}
    for question_id, declined, value, count in rows:
        found.setdefault(question_id, {})[(bool(declined), value)] = int(count)
    return found


def _split(
    question: Question, tallied: dict[tuple[bool, str], int]
) -> tuple[list[tuple[bool, Any, int]], tuple[int, float, int] | None]:
    """Tallies as _result takes them, (declined, answer, count): choices keep their answer,
    other answers are only counted; a number question also gets its lowest, median and highest
    from its tallies."""
    kind = category(question.kind)
    counts: Counter[tuple[bool, str | None]] = Counter()
    for (declined, value), count in tallied.items():
        counts[(declined, value or None if kind in (CHOICE, PRIORITIES) else None)] += count
    found = [(declined, JSONText.loads(stored), n) for (declined, stored), n in counts.items()]
    if kind != NUMBER:
        return found, None
    numbers = [(_whole(v), n) for (declined, v), n in tallied.items() if not declined and v]
    return found, _summary([(v, n) for v, n in numbers if v is not None])


def _whole(stored: str) -> int | None:
    """A stored number; None for anything else (kept from before the question was a number)."""
    value = JSONText.loads(stored)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _summary(numbers: list[tuple[int, int]]) -> tuple[int, float, int] | None:
    """(lowest, median, highest) of numbers given as (number, how many gave it)."""
    if not numbers:
        return None
    numbers.sort()
    total = sum(n for _number, n in numbers)
    # 1-based positions of the middle one, or the two middle ones when the count is even.
    wanted = sorted({(total + 1) // 2, total // 2 + 1})
    middle, seen = [], 0
    for number, n in numbers:
        seen += n
        while wanted and wanted[0] <= seen:
            middle.append(number)
            wanted.pop(0)
    return numbers[0][0], sum(middle) / len(middle), numbers[-1][0]


def _result(
    number: int,
    question: Question,
    counts: list[tuple[bool, Any, int]],
    summary: tuple[int, float, int] | None,
) -> QuestionResult:
    result = QuestionResult(
        id=question.id, number=number, category=category(question.kind), text=question.text
    )
    result.declined = sum(n for declined, _v, n in counts if declined)
    result.answered = sum(n for declined, _v, n in counts if not declined)
    values = [(v, n) for declined, v, n in counts if not declined]
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
    """(value, main-language label, still offered) for every option of a question, in order;
    "Other" (in the reader's language) after them on the questions that can have it."""
    if question.kind == QuestionKind.YES_NO:
        return [("yes", _("Yes"), True), ("no", _("No"), True)]
    found = [(o.value, o.label, not o.retired) for o in question.options]
    if question.kind in OTHER_KINDS:
        found.append((OTHER_VALUE, other_label(), question.offers_other))
    return found


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
    rows = [(value, label) for value, label, live in options if live or chosen[value]]
    rows += [(value, value) for value in chosen if value not in known]
    return [
        Bar(label, chosen[value], _percent(chosen[value], out_of), value == OTHER_VALUE)
        for value, label in rows
    ]


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
