"""Staff use cases that make surveys and questions from others: a copy of a whole survey, a
survey started from a template (starters.py), and questions copied from another survey.

One transaction each; a second send of the same form does nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from sqlalchemy import func, select

from app.core.idempotency import use_key
from app.extensions import db
from app.i18n import LANGUAGES, formatting_locale
from app.surveys.builder.services import (
    AlreadyDone,
    check_slug,
    flush_unless_slug_taken,
    suggest_slug,
)
from app.surveys.builder.starters import Starter, StarterQuestion
from app.surveys.content import SURVEY_PIECES, load_survey_by_id
from app.surveys.models import Option, Question, Survey, SurveyStatus, SurveyText
from app.surveys.timing import estimated
from app.transactions import unit_of_work

TITLE_LIMIT = 200
_WORDS = ("title", "intro", "what_happens", "consent_text")  # a template's words about itself
_SETTINGS = ("time_needed_minutes", "minutes_from_questions", "anonymous", "main_language")
_QUESTION_FIELDS = (
    *("kind", "text", "help_text", "required", "max_length"),
    *("min_value", "max_value", "pick_count"),
)


def copy_title(survey: Survey) -> str:
    """'Copy of …', in the survey's own language, as long as a title may be."""
    with force_locale(formatting_locale(survey.main_language)):
        return _("Copy of %(title)s", title=survey.title)[:TITLE_LIMIT]


@unit_of_work()
def duplicate_survey(
    survey_id: int, staff_id: int | None, form_key: str | None, title: str = "", slug: str = ""
) -> int:
    """A draft copy with its live questions, answers to choose, branches and translations,
    under a new title ('Copy of …' unless given) and a web address of its own (made from the
    title unless given). Translated titles are marked as needing an update."""
    if not use_key(form_key):
        raise AlreadyDone
    original = load_survey_by_id(survey_id)
    if original is None:
        raise LookupError(survey_id)
    title = title or copy_title(original)
    copy = Survey(
        status=SurveyStatus.DRAFT,
        consent_version=1,
        created_by_id=staff_id,
        **{key: getattr(original, key) for key in (*SURVEY_PIECES, *_SETTINGS)},
    )
    if slug:
        check_slug(slug, None)
    copy.title, copy.slug = title, slug or suggest_slug(title)
    db.session.add(copy)
    flush_unless_slug_taken()
    keys = copy_questions_into(_live(original.questions), copy).keys
    keys |= {key: key for key in SURVEY_PIECES}
    for row in _texts(original.id, keys):
        source = row.source
        if row.key == "title" and title != original.title and source is None:
            source = original.title  # what it was translated from, so it needs an update
        db.session.add(_text_for(copy, row, keys[row.key], source))
    return copy.id


@dataclass(frozen=True)
class Copied:
    """What copying questions did: how many, and how many lost a branch whose question was
    not copied with them (so they are now always asked)."""

    keys: dict[str, str]  # old translation key -> the copy's
    count: int
    unbranched: int


def _live(questions: Iterable[Question]) -> list[Question]:
    return [q for q in questions if not q.retired]


def copy_questions_into(questions: list[Question], target: Survey) -> Copied:
    """Copy questions and their live answers to choose after target's last question. A branch
    is kept when the question and answer it depends on are copied too; otherwise dropped."""
    start = max((q.position for q in target.questions), default=0)
    pairs = []
    for position, question in enumerate(questions, start + 1):
        live = _live(question.options)
        new = Question(
            position=position,
            options=[
                Option(position=i, value=o.value, label=o.label, exclusive=o.exclusive)
                for i, o in enumerate(live, 1)
            ],
            **{name: getattr(question, name) for name in _QUESTION_FIELDS},
        )
        target.questions.append(new)
        pairs.append((question, new, live))
    db.session.flush()
    copied = {old.id: (new, {o.value for o in live}) for old, new, live in pairs}
    keys: dict[str, str] = {}
    unbranched = 0
    for old, new, live in pairs:
        controller = copied.get(old.show_if_question_id or 0)
        if controller and _answer_offered(controller, old.show_if_value):
            new.show_if_question_id, new.show_if_value = controller[0].id, old.show_if_value
        elif old.show_if_question_id is not None:
            unbranched += 1
        keys[f"q:{old.id}:text"] = f"q:{new.id}:text"
        keys[f"q:{old.id}:help"] = f"q:{new.id}:help"
        keys.update(
            {f"o:{o.id}:label": f"o:{n.id}:label" for o, n in zip(live, new.options, strict=True)}
        )
    return Copied(keys, len(pairs), unbranched)


def _answer_offered(controller: tuple[Question, set[str]], value: str | None) -> bool:
    """Whether the copied question still offers the answer a branch waits for."""
    question, values = controller
    return value in ({"yes", "no"} if not question.kind.has_options else values)


def _texts(survey_id: int, keys: dict[str, str]) -> list[SurveyText]:
    rows = db.session.scalars(select(SurveyText).where(SurveyText.survey_id == survey_id))
    return [row for row in rows if row.key in keys]


def _text_for(target: Survey, row: SurveyText, key: str, source: str | None) -> SurveyText:
    return SurveyText(
        survey_id=target.id, language=row.language, key=key, text=row.text, source=source
    )


@dataclass(frozen=True)
class OtherSurvey:
    """A survey questions can be copied from, as the copy page lists it."""

    id: int
    title: str
    language: str
    questions: int  # live ones


def other_surveys(survey_id: int) -> list[OtherSurvey]:
    """Every other survey with a question to copy, newest first, in one query."""
    live = func.count(Question.id)
    rows = db.session.execute(
        select(Survey.id, Survey.title, Survey.main_language, live)
        .join(Question, Question.survey_id == Survey.id)
        .where(Survey.id != survey_id, Question.retired.is_(False))
        .group_by(Survey.id, Survey.title, Survey.main_language)
        .order_by(Survey.id.desc())
    )
    return [OtherSurvey(*row) for row in rows]


@unit_of_work()
def copy_questions(
    target: Survey, source_id: int, question_ids: list[int], form_key: str | None
) -> Copied:
    """Copy the chosen live questions of another survey to the end of target, in their order.
    Their translations come too when both surveys are written in the same language."""
    if not use_key(form_key):
        raise AlreadyDone
    source = load_survey_by_id(source_id)
    if source is None or source.id == target.id:
        raise LookupError(source_id)
    chosen = [q for q in _live(source.questions) if q.id in set(question_ids)]
    copied = copy_questions_into(chosen, target)
    if source.main_language == target.main_language:
        for row in _texts(source.id, copied.keys):
            db.session.add(_text_for(target, row, copied.keys[row.key], row.source))
    if target.minutes_from_questions:
        target.time_needed_minutes = estimated(target)
    return copied


@unit_of_work()
def start_from(starter: Starter, language: str, staff_id: int, form_key: str | None) -> int:
    """A draft survey with the template's questions, written in language and translated into
    every other language the site speaks. Its time is worked out from its questions."""
    if not use_key(form_key):
        raise AlreadyDone
    survey = Survey(
        status=SurveyStatus.DRAFT,
        consent_version=1,
        created_by_id=staff_id,
        main_language=language,
        anonymous=starter.anonymous,
        minutes_from_questions=True,
    )
    with force_locale(formatting_locale(language)):
        for key in _WORDS:
            setattr(survey, key, str(getattr(starter, key)))
        made = [_question(survey, n, q) for n, q in enumerate(starter.questions, 1)]
    survey.slug = suggest_slug(survey.title)
    survey.time_needed_minutes = estimated(survey)
    db.session.add(survey)
    flush_unless_slug_taken()
    for new, wanted in zip(made, starter.questions, strict=True):
        if wanted.show_if is not None:
            new.show_if_question_id = made[wanted.show_if[0]].id
            new.show_if_value = wanted.show_if[1]
    _translate(survey, _starter_pieces(starter, made))
    return survey.id


def _question(survey: Survey, position: int, wanted: StarterQuestion) -> Question:
    last = len(wanted.options)
    question = Question(
        position=position,
        kind=wanted.kind,
        text=str(wanted.text),
        help_text=str(wanted.help_text or ""),
        pick_count=wanted.pick_count,
        options=[
            Option(
                position=n, value=value, label=str(label), exclusive=wanted.last_alone and n == last
            )
            for n, (value, label) in enumerate(wanted.options, 1)
        ],
    )
    survey.questions.append(question)
    return question


def _starter_pieces(starter: Starter, made: list[Question]) -> dict[str, LazyString]:
    """Translation key -> the template's words for it, not yet in any language."""
    found: dict[str, LazyString] = {key: getattr(starter, key) for key in _WORDS}
    for question, wanted in zip(made, starter.questions, strict=True):
        found[f"q:{question.id}:text"] = wanted.text
        if wanted.help_text:
            found[f"q:{question.id}:help"] = wanted.help_text
        for option, (_value, label) in zip(question.options, wanted.options, strict=True):
            found[f"o:{option.id}:label"] = label
    return found


def _translate(survey: Survey, found: dict[str, LazyString]) -> None:
    """Every piece in every other language, marked as made from the main-language words."""
    main = {key: getattr(survey, key) for key in _WORDS}
    main |= {f"q:{q.id}:text": q.text for q in survey.questions}
    main |= {f"q:{q.id}:help": q.help_text for q in survey.questions}
    main |= {f"o:{o.id}:label": o.label for q in survey.questions for o in q.options}
    for language in LANGUAGES:
        if language.code == survey.main_language:
            continue
        with force_locale(formatting_locale(language.code)):
            db.session.add_all(
                SurveyText(
                    survey_id=survey.id,
                    language=language.code,
                    key=key,
                    text=str(words),
                    source=main[key],
                )
                for key, words in found.items()
            )
