"""The results as they were counted before tallies: a GROUP BY over every sent answer.

Kept here, out of the app, as the oracle the kept tallies (migration 0018) are checked against.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import String
from sqlalchemy import case
from sqlalchemy import cast
from sqlalchemy import func
from sqlalchemy import null
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import type_coerce

from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTally
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseTally
from app.surveys.response_models import counted
from app.surveys.results import tallies as results
from app.surveys.results.tallies import CHOICE
from app.surveys.results.tallies import PRIORITIES
from app.surveys.results.tallies import Filters
from app.surveys.results.tallies import Results
from app.surveys.results.tallies import category
from app.surveys.results.tallies import submitted

TallyKey = tuple[int, str, str, bool, str]  # question, language, channel, declined, value


def survey_results(survey: Survey, filters: Filters) -> Results:
    """The results page's numbers, counted from the raw rows as the results code used to."""
    live = results.live_questions(survey)
    tallies = _tallies(survey.id, live, filters)
    numbers = _number_summaries(
        survey.id, [q.id for q in live if q.kind == QuestionKind.NUMBER], filters
    )
    total = db.session.scalar(
        select(func.count()).select_from(Response).where(*submitted(survey.id, filters))
    )
    found = [
        results._result(number, question, tallies.get(question.id, []), numbers.get(question.id))
        for number, question in enumerate(live, start=1)
    ]
    return Results(total or 0, found)


def _tallies(
    survey_id: int, live: list[Question], filters: Filters
) -> dict[int, list[tuple[bool, Any, int]]]:
    """question id -> [(declined, answer or None, count)], answers read through their type."""
    choice_ids = [q.id for q in live if category(q.kind) in (CHOICE, PRIORITIES)]
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
    found: dict[int, list[tuple[bool, Any, int]]] = {}
    for question_id, declined, value, count in db.session.execute(grouped):
        found.setdefault(question_id, []).append((bool(declined), value, count))
    return found


def _number_summaries(
    survey_id: int, question_ids: list[int], filters: Filters
) -> dict[int, tuple[int, float, int]]:
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
        .where(*submitted(survey_id, filters), *results.answered())
        .where(Answer.question_id.in_(question_ids))
        .subquery()
    )
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


def counted_answers() -> dict[TallyKey, int]:
    """Every sent answer counted afresh, keyed as answer_tallies keys them."""
    text = Question.kind.in_([QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT])
    # The stored text, as the tallies keep it, not the answer its column type reads.
    value = case((text, ""), else_=func.coalesce(type_coerce(Answer.value, String), ""))
    key = (Answer.question_id, Response.language, Response.channel, Answer.declined, value)
    rows = db.session.execute(
        select(*key, func.count())
        .join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(counted())
        .where(or_(Answer.declined.is_(True), Answer.value.is_not(None)))
        .group_by(*key)
    )
    return {(q, lang, str(ch), bool(d), v): n for q, lang, ch, d, v, n in rows}


def kept_answers() -> dict[TallyKey, int]:
    """answer_tallies as the triggers left them, rows fallen to 0 left out."""
    rows = db.session.scalars(select(AnswerTally).where(AnswerTally.count != 0))
    return {
        (t.question_id, t.language, t.channel, bool(t.declined), t.value): t.count for t in rows
    }


def counted_responses() -> dict[tuple[int, str, str], int]:
    key = (Response.survey_id, Response.language, Response.channel)
    rows = db.session.execute(select(*key, func.count()).where(counted()).group_by(*key))
    return {(s, lang, str(ch)): n for s, lang, ch, n in rows}


def kept_responses() -> dict[tuple[int, str, str], int]:
    rows = db.session.scalars(select(ResponseTally).where(ResponseTally.count != 0))
    return {(t.survey_id, t.language, t.channel): t.count for t in rows}
