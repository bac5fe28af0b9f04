"""CSV export of a survey's sent responses: streamed in batches, safe to open in a spreadsheet.

Made to be pasted into a charity's report: each response by its reference within the survey, in
the order sent, the time in the charity's own time zone written as every spreadsheet reads a
date, languages and ways of sending in words (with their codes beside), one column per option
of a multiple-choice or ranking question so a spreadsheet can count them without splitting
cells, and the themes tagged on each written answer beside it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import Text
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import type_coerce

from app.core.spreadsheets import neutralise
from app.db import JSONText
from app.db import as_utc
from app.extensions import db
from app.i18n import LANGUAGES
from app.i18n import formatting_locale
from app.surveys.models import CHANNEL_NAMES
from app.surveys.models import OTHER_KINDS
from app.surveys.models import OTHER_VALUE
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.results.tallies import Filters
from app.surveys.results.tallies import live_questions
from app.surveys.results.tallies import option_labels
from app.surveys.results.tallies import submitted
from app.transactions import unit_of_work

BATCH = 1000
BOM = "\ufeff"
# Year first: Excel and LibreOffice read it as a date and time in every locale (a British
# 12/03/2026 is 3 December to a spreadsheet set up the American way), and it sorts as text too.
MOMENT = "%Y-%m-%d %H:%M"


def filename(survey: Survey, filters: Filters) -> str:
    """The survey's web address, then the filters, so a filtered download is never taken for all."""
    slug = re.sub(r"[^a-z0-9-]+", "-", survey.slug.lower()).strip("-") or "survey"
    chosen = "".join(f"-{part}" for part in (filters.language, filters.channel) if part)
    return f"{slug}-responses{chosen}.csv"


@dataclass(frozen=True)
class Column:
    """One live question: its answer cell, then one cell per option (multiple choice: 1 when
    ticked; ranking: the rank given) or, for written answers, the themes tagged on them."""

    question_id: int
    kind: QuestionKind
    labels: dict[str, str]
    options: tuple[str, ...] = ()  # option values with a column each, in the survey's order
    ranks: int = 0  # ranking: how many places count, as on the results page
    themes: bool = False
    other: bool = False  # a column for the words written for "Other"


@dataclass(frozen=True)
class Plan:
    """Everything the stream needs, as plain data, so no database object is touched mid-stream."""

    survey_id: int
    filters: Filters
    header: list[str]
    columns: list[Column]
    with_names: bool
    declined: str
    languages: dict[str, str]
    channels: dict[str, str]
    zone: ZoneInfo  # the charity's: times are written, and online answers dated, in it


def _column(question: Question, written_in: set[int]) -> Column:
    labels = {value: label for value, label, _live in option_labels(question)}
    other = question.kind in OTHER_KINDS and (question.offers_other or question.id in written_in)
    if not other:
        labels.pop(OTHER_VALUE, None)
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return Column(question.id, question.kind, labels, tuple(labels), other=other)
    if question.kind == QuestionKind.SINGLE_CHOICE:
        return Column(question.id, question.kind, labels, other=other)
    if question.kind == QuestionKind.PRIORITIES:
        return Column(question.id, question.kind, labels, tuple(labels), question.pick_count or 3)
    return Column(question.id, question.kind, labels, themes=question.kind.is_text)


def _headings(question: Question, column: Column) -> list[str]:
    """The question, then its option or themes columns: headings in the staff member's words."""
    found = [question.text]
    found += [
        _("%(question)s – %(option)s", question=question.text, option=column.labels[value])
        for value in column.options
    ]
    if column.other:
        found.append(_("%(question)s – what they wrote for “Other”", question=question.text))
    if column.themes:
        found.append(_("%(question)s – themes", question=question.text))
    return found


def _written_for_other(questions: list[Question]) -> set[int]:
    """The questions on which someone wrote words for "Other" (it may be offered no longer)."""
    ids = [q.id for q in questions if q.kind in OTHER_KINDS]
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(Answer.question_id)
            .where(Answer.question_id.in_(ids), Answer.other_text.is_not(None))
            .distinct()
        )
    )


def plan(survey: Survey, with_names: bool, filters: Filters) -> Plan:
    """Words in the cells in the survey's main language, the language its report is written in
    (questions and options are in it too); headings in the staff member's own."""
    live = live_questions(survey)
    with force_locale(formatting_locale(survey.main_language)):
        declined = _("I'd rather not say")
        written_in = _written_for_other(live)
        columns = [_column(q, written_in) for q in live]
        # Each language's name in the language the report is written in (the survey's own).
        languages = {language.code: str(language.called) for language in LANGUAGES}
        channels = {channel.value: str(name) for channel, name in CHANNEL_NAMES.items()}
    zone = ZoneInfo(current_app.config["TIME_ZONE"])
    header = [
        _("Reference"),
        _("Sent at (%(zone)s time)", zone=zone.key),
        _("Date answered"),
        _("Language"),
        _("Language code"),
        _("How it was sent"),
        _("How it was sent (code)"),
    ]
    if with_names:
        header.append(_("Name"))
    for question, column in zip(live, columns, strict=True):
        header += _headings(question, column)
    return Plan(
        survey.id, filters, header, columns, with_names, declined, languages, channels, zone
    )


def stream(export: Plan) -> Iterator[bytes]:
    """The CSV in chunks, in the order sent: a batch of responses at a time, each batch its own
    short read, carrying on after the last one sent (and its number, for ties)."""
    yield (BOM + _csv([export.header])).encode()
    after: tuple[datetime, int] | None = None
    while True:
        # Each batch's read ends before it is sent, so a long export never holds up people
        # sending answers (SQLite locks).
        with unit_of_work():
            batch = db.session.execute(
                select(Response.id, Response.submitted_at, Response.number)
                .where(*submitted(export.survey_id, export.filters), *_after(after))
                .order_by(Response.submitted_at, Response.number)
                .limit(BATCH)
            ).all()
            chunk = _csv(_rows(export, [row.id for row in batch])) if batch else ""
        if not batch:
            break
        yield chunk.encode()
        after = (batch[-1].submitted_at, batch[-1].number)


def _after(last: tuple[datetime, int] | None) -> list[Any]:
    if last is None:
        return []
    sent, number = last
    # The plain ">=" lets the database start from its place in the index (survey, time sent).
    return [
        Response.submitted_at >= sent,
        or_(Response.submitted_at > sent, Response.number > number),
    ]


def _rows(export: Plan, ids: list[int]) -> Iterator[list[str]]:
    found = db.session.execute(
        select(
            Response.id,
            Response.number,
            Response.submitted_at,
            Response.language,
            Response.channel,
            Response.respondent_name,
            Response.answered_on,
            Answer.question_id,
            type_coerce(Answer.value, Text),  # the stored text: each one is decoded once a batch
            Answer.declined,
            Theme.name,
            Answer.other_text,
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        .outerjoin(AnswerTheme, AnswerTheme.answer_id == Answer.id)
        .outerjoin(Theme, Theme.id == AnswerTheme.theme_id)
        .where(Response.id.in_(ids))
        .order_by(Response.submitted_at, Response.number, Answer.id)
        .execution_options(yield_per=BATCH)
    )
    # Most answers repeat (the same option chosen again and again): work each out once a batch.
    words: dict[tuple[int, str | None, bool], list[str]] = {}
    for _id, lines in groupby(found, key=itemgetter(0)):
        yield _row(export, list(lines), words)


def _row(
    export: Plan, lines: Sequence[Any], words: dict[tuple[int, str | None, bool], list[str]]
) -> list[str]:
    """One response's cells from its joined rows (one per answer and theme)."""
    _id, number, sent, language, channel, name, answered_on = lines[0][:7]
    answers = {line[7]: (line[8], line[9]) for line in lines if line[7] is not None}
    others = {line[7]: line[11] for line in lines if line[11]}
    themes: dict[int, set[str]] = {}
    for line in lines:
        if line[10]:
            themes.setdefault(line[7], set()).add(line[10])
    moment = as_utc(sent).astimezone(export.zone) if sent else None
    if answered_on is None and moment:  # sent online: the day it came, in the charity's time
        answered_on = moment.date()
    cells = [
        str(number or ""),
        moment.strftime(MOMENT) if moment else "",
        answered_on.isoformat() if answered_on else "",
        export.languages.get(language, language),
        language,
        export.channels.get(channel.value, channel.value),
        channel.value,
    ]
    if export.with_names:
        cells.append(name or "")
    for column in export.columns:
        answer = answers.get(column.question_id)
        if answer is None:
            cells += [""] * (1 + len(column.options))
        else:
            key = (column.question_id, *answer)
            if key not in words:
                words[key] = _cells(export, column, *answer)
            cells += words[key]
        if column.other:
            cells.append(others.get(column.question_id, ""))
        if column.themes:
            cells.append("; ".join(sorted(themes.get(column.question_id, ()), key=str.casefold)))
    return cells


def _cells(export: Plan, column: Column, stored: str | None, declined: bool) -> list[str]:
    """The answer in words, then its option columns."""
    blank = [""] * len(column.options)
    value = JSONText.loads(stored)
    if declined or value is None:
        return [export.declined if declined else "", *blank]
    if not column.options and not isinstance(value, list):
        return [column.labels.get(str(value), str(value)) if column.labels else str(value)]
    # A lone value where a list belongs counts as a list of one, as on the results page.
    chosen = [str(v) for v in (value if isinstance(value, list) else [value])]
    combined = "; ".join(column.labels.get(v, v) for v in chosen)
    if column.kind == QuestionKind.PRIORITIES:
        # Only the places the results page counts: the first `ranks` of them.
        rank = {v: str(n) for n, v in enumerate(chosen[: column.ranks], start=1)}
        return [combined, *(rank.get(v, "") for v in column.options)]
    return [combined, *("1" if v in chosen else "" for v in column.options)]


def _csv(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
