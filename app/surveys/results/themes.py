"""Text answers and the themes staff tag them with: listing, counting and tagging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlalchemy import delete
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import null
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.surveys import answering
from app.surveys.models import Channel
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.results.tallies import answered
from app.surveys.results.tallies import submitted
from app.transactions import unit_of_work

PER_PAGE = 25
THEME_NAME_LIMIT = 80


class AnswerNotFound(LookupError):
    """No sent answer with that id to that question of that survey."""


class ThemeNotFound(LookupError):
    """No theme with that id belongs to that survey."""


@dataclass(frozen=True)
class TextAnswer:
    id: int
    text: str
    submitted_at: datetime | None
    language: str
    channel: Channel
    name: str | None  # only filled in for those allowed to see names
    theme_ids: frozenset[int]
    answered_on: date | None = None  # the date on a form typed in later


@dataclass(frozen=True)
class AnswerPage:
    answers: list[TextAnswer]
    page: int
    pages: int
    total: int


def clean_name(raw: str | None) -> str:
    """A theme name as people meant it: no control characters, single spaces, trimmed."""
    return " ".join(answering.clean_text(raw or "").split())


def survey_themes(survey_id: int) -> list[Theme]:
    themes = db.session.scalars(select(Theme).where(Theme.survey_id == survey_id))
    return sorted(themes, key=lambda theme: (theme.name.casefold(), theme.id))


def theme_counts(survey_id: int, question_id: int) -> dict[int, int]:
    """theme id -> how many sent answers to this question carry it."""
    rows = db.session.execute(
        select(AnswerTheme.theme_id, func.count())
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(*submitted(survey_id), Answer.question_id == question_id)
        .group_by(AnswerTheme.theme_id)
    )
    return {theme_id: count for theme_id, count in rows}


def text_answers(
    survey_id: int,
    question_id: int,
    page: int,
    theme_id: int | None = None,
    with_names: bool = False,
    untagged: bool = False,
    other: bool = False,
) -> AnswerPage:
    """One page of sent answers to a question, newest first; page is kept within range.

    theme_id: only answers with that theme; untagged: only answers with no theme at all;
    other: the words written for "Other" on a choice question, rather than the answers."""
    where = _written(survey_id, question_id, other)
    if theme_id is not None:
        where.append(
            exists().where(AnswerTheme.answer_id == Answer.id, AnswerTheme.theme_id == theme_id)
        )
    elif untagged:
        where.append(~exists().where(AnswerTheme.answer_id == Answer.id))
    total = db.session.scalar(select(func.count()).select_from(Answer).join(Response).where(*where))
    pages = max(1, -(-(total or 0) // PER_PAGE))
    page = min(max(page, 1), pages)
    # Names are not even fetched for people who may not see them.
    name = Response.respondent_name if with_names else null()
    rows = db.session.execute(
        select(
            Answer.id,
            Answer.other_text if other else Answer.value,
            Response.submitted_at,
            Response.language,
            Response.channel,
            name,
            Response.answered_on,
        )
        .join(Response, Response.id == Answer.response_id)
        .where(*where)
        .order_by(Response.submitted_at.desc(), Answer.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    tags = _themes_of([row[0] for row in rows])
    answers = [
        TextAnswer(aid, str(value), sent, lang, way, who, tags.get(aid, _NONE), on)
        for aid, value, sent, lang, way, who, on in rows
    ]
    return AnswerPage(answers, page, pages, total or 0)


_NONE: frozenset[int] = frozenset()


def _written(survey_id: int, question_id: int, other: bool = False) -> list[ColumnElement[bool]]:
    """Conditions picking the sent answers with words to this question (for "Other", if other)."""
    words = [Answer.other_text.is_not(None)] if other else answered()
    return [*submitted(survey_id), *words, Answer.question_id == question_id]


def untagged_count(survey_id: int, question_id: int, other: bool = False) -> int:
    """How many sent answers to this question have no theme yet."""
    where = [
        *_written(survey_id, question_id, other),
        ~exists().where(AnswerTheme.answer_id == Answer.id),
    ]
    found = db.session.scalar(select(func.count()).select_from(Answer).join(Response).where(*where))
    return found or 0


def _themes_of(answer_ids: list[int]) -> dict[int, frozenset[int]]:
    if not answer_ids:
        return {}
    found: dict[int, set[int]] = {}
    rows = db.session.execute(
        select(AnswerTheme.answer_id, AnswerTheme.theme_id).where(
            AnswerTheme.answer_id.in_(answer_ids)
        )
    )
    for answer_id, theme_id in rows:
        found.setdefault(answer_id, set()).add(theme_id)
    return {answer_id: frozenset(ids) for answer_id, ids in found.items()}


def tag_answer(
    survey_id: int,
    question_id: int,
    answer_id: int,
    chosen: set[int],
    shown: set[int],
    new_name: str = "",
) -> None:
    """Give an answer the chosen themes (and a new or matching one by name), in one transaction.

    Only themes that were shown as boxes are removed when unticked, so a theme someone else
    added since the page was opened is left alone.
    """
    try:
        _tag(survey_id, question_id, answer_id, chosen, shown, clean_name(new_name))
    except IntegrityError:
        # Someone tagged the same answer or made the same theme at the same moment (that unit of
        # work rolled back): try once more.
        _tag(survey_id, question_id, answer_id, chosen, shown, clean_name(new_name))


@unit_of_work()
def _tag(
    survey_id: int, question_id: int, answer_id: int, chosen: set[int], shown: set[int], name: str
) -> None:
    if len(name) > THEME_NAME_LIMIT:
        raise ValueError("theme name too long")
    found = db.session.scalar(
        select(Answer.id)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.id == answer_id, Answer.question_id == question_id, *submitted(survey_id))
    )
    if found is None:
        raise AnswerNotFound(answer_id)
    themes = survey_themes(survey_id)
    ids = {theme.id for theme in themes}
    wanted, offered = chosen & ids, shown & ids
    if name:
        wanted.add(_theme_named(survey_id, name, themes).id)
    current = set(
        db.session.scalars(select(AnswerTheme.theme_id).where(AnswerTheme.answer_id == answer_id))
    )
    removed = (offered - wanted) & current
    if removed:
        db.session.execute(
            delete(AnswerTheme).where(
                AnswerTheme.answer_id == answer_id, AnswerTheme.theme_id.in_(removed)
            )
        )
    db.session.add_all(AnswerTheme(answer_id=answer_id, theme_id=t) for t in wanted - current)
    db.session.flush()


def _theme_named(survey_id: int, name: str, themes: list[Theme]) -> Theme:
    """The survey's theme with this name in any letter case, made if there is none."""
    key = name.casefold()
    existing = next((theme for theme in themes if theme.name.casefold() == key), None)
    if existing is not None:
        return existing
    theme = Theme(survey_id=survey_id, name=name)
    db.session.add(theme)
    db.session.flush()
    return theme


def tag_many(survey_id: int, question_id: int, answer_ids: set[int], theme_id: int) -> int:
    """Give each of these answers the theme; how many did not have it before.

    Answers that already have it are left as they are, so pressing twice adds nothing more.
    Ids that are not sent answers to this question are left out."""
    try:
        return _tag_many(survey_id, question_id, answer_ids, theme_id)
    except IntegrityError:
        # Someone gave one of them the same theme at the same moment: the rest, once more.
        return _tag_many(survey_id, question_id, answer_ids, theme_id)


@unit_of_work()
def _tag_many(survey_id: int, question_id: int, answer_ids: set[int], theme_id: int) -> int:
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.survey_id != survey_id:
        raise ThemeNotFound(theme_id)
    found = set(
        db.session.scalars(
            select(Answer.id)
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.id.in_(answer_ids), Answer.question_id == question_id)
            .where(*submitted(survey_id))
        )
    )
    having = set(
        db.session.scalars(
            select(AnswerTheme.answer_id).where(
                AnswerTheme.answer_id.in_(found), AnswerTheme.theme_id == theme_id
            )
        )
    )
    db.session.add_all(AnswerTheme(answer_id=a, theme_id=theme_id) for a in found - having)
    db.session.flush()
    return len(found - having)
