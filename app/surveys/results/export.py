"""CSV export of a survey's sent responses: streamed in batches, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.db import as_utc
from app.extensions import db
from app.i18n import formatting_locale
from app.surveys import answering
from app.surveys.models import QuestionKind, Survey
from app.surveys.response_models import Answer, AnswerTheme, Response, Theme
from app.surveys.results.tallies import live_questions, option_labels, submitted

BATCH = 1000
BOM = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a cell read as text, never as a formula, by putting an apostrophe first."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def filename(survey: Survey) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", survey.slug.lower()).strip("-") or "survey"
    return f"{slug}-responses.csv"


@dataclass(frozen=True)
class Column:
    question_id: int
    kind: QuestionKind
    labels: dict[str, str]


@dataclass(frozen=True)
class Plan:
    """Everything the stream needs, as plain data, so no database object is touched mid-stream."""

    survey_id: int
    header: list[str]
    columns: list[Column]
    with_names: bool
    declined: str
    zone: ZoneInfo  # the charity's: an answer sent online counts under its day there


def plan(survey: Survey, with_names: bool) -> Plan:
    """Headings and option labels in the survey's main language."""
    live = live_questions(survey)
    with force_locale(formatting_locale(survey.main_language)):
        declined = _("I'd rather not say")
        columns = [
            Column(q.id, q.kind, {value: label for value, label, _live in option_labels(q)})
            for q in live
        ]
    header = [
        _("Response"),
        _("Sent at (UTC)"),
        _("Date answered"),
        _("Language"),
        _("How it was sent"),
    ]
    if with_names:
        header.append(_("Name"))
    header += [q.text for q in live] + [_("Themes")]
    zone = ZoneInfo(current_app.config["TIME_ZONE"])
    return Plan(survey.id, header, columns, with_names, declined, zone)


def stream(export: Plan) -> Iterator[bytes]:
    """The CSV in chunks: a batch of responses at a time, each batch its own short read."""
    yield (BOM + _csv([export.header])).encode()
    after = 0
    while True:
        ids = db.session.scalars(
            select(Response.id)
            .where(*submitted(export.survey_id), Response.id > after)
            .order_by(Response.id)
            .limit(BATCH)
        ).all()
        if not ids:
            break
        chunk = _csv(_rows(export, list(ids)))
        # End the read so a long export never holds up people sending answers (SQLite locks).
        db.session.rollback()
        yield chunk.encode()
        after = ids[-1]
    db.session.rollback()


def _rows(export: Plan, ids: list[int]) -> Iterator[list[str]]:
    found = db.session.execute(
        select(
            Response.id,
            Response.submitted_at,
            Response.language,
            Response.channel,
            Response.respondent_name,
            Response.answered_on,
            Answer.question_id,
            Answer.value,
            Answer.declined,
            Theme.name,
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        .outerjoin(AnswerTheme, AnswerTheme.answer_id == Answer.id)
        .outerjoin(Theme, Theme.id == AnswerTheme.theme_id)
        .where(Response.id.in_(ids))
        .order_by(Response.id, Answer.id)
        .execution_options(yield_per=BATCH)
    )
    # Most answers repeat (the same option chosen again and again): work each out once a batch.
    words: dict[tuple[int, str | None, bool], str] = {}
    for _id, lines in groupby(found, key=itemgetter(0)):
        yield _row(export, list(lines), words)


def _row(
    export: Plan, lines: Sequence[Any], words: dict[tuple[int, str | None, bool], str]
) -> list[str]:
    """One response's cells from its joined rows (one per answer and theme)."""
    response_id, sent, language, channel, name, answered_on = lines[0][:6]
    answers = {line[6]: (line[7], line[8]) for line in lines if line[6] is not None}
    themes = sorted({line[9] for line in lines if line[9]}, key=str.casefold)
    if answered_on is None and sent:  # sent online: the day it came, in the charity's time
        answered_on = as_utc(sent).astimezone(export.zone).date()
    cells = [
        str(response_id),
        as_utc(sent).isoformat(timespec="seconds") if sent else "",
        answered_on.isoformat() if answered_on else "",
        language,
        channel.value,
    ]
    if export.with_names:
        cells.append(name or "")
    return [*cells, *_answer_cells(export, answers, words), "; ".join(themes)]


def _answer_cells(
    export: Plan,
    answers: dict[int, tuple[str | None, bool]],
    words: dict[tuple[int, str | None, bool], str],
) -> Iterator[str]:
    for column in export.columns:
        answer = answers.get(column.question_id)
        if answer is None:
            yield ""
            continue
        key = (column.question_id, *answer)
        if key not in words:
            words[key] = _cell(export, column, *answer)
        yield words[key]


def _cell(export: Plan, column: Column, stored: str | None, declined: bool) -> str:
    if declined:
        return export.declined
    value = answering.decode(stored)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(column.labels.get(str(v), str(v)) for v in value)
    if column.labels:
        return column.labels.get(str(value), str(value))
    return str(value)


def _csv(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
