"""Staff use cases that start surveys quickly: a copy of a whole survey under a new title, a
survey started from a template (starters.py), and questions copied from another survey.

One transaction each; a second send of the same form does nothing more. Copying one question
is copying.py's, which these use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.core.idempotency import use_key
from app.extensions import db
from app.i18n import LANGUAGES
from app.i18n import formatting_locale
from app.surveys.builder.copying import copy_of
from app.surveys.builder.copying import copy_translations
from app.surveys.builder.copying import translation_keys
from app.surveys.builder.services import AlreadyDone
from app.surveys.builder.services import check_slug
from app.surveys.builder.services import flush_unless_slug_taken
from app.surveys.builder.services import suggest_slug
from app.surveys.builder.starters import Starter
from app.surveys.builder.starters import StarterQuestion
from app.surveys.content import SURVEY_PIECES
from app.surveys.content import load_survey_by_id
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.models import SurveyText
from app.surveys.timing import estimated
from app.transactions import unit_of_work

TITLE_LIMIT = 200
_WORDS = ("title", "intro", "what_happens", "consent_text")  # a template's words about itself
_SETTINGS = ("time_needed_minutes", "minutes_from_questions", "anonymous", "main_language")


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
    copy_translations(original.id, copy.id, keys | {key: key for key in SURVEY_PIECES})
    if title != original.title:  # translated titles were made from the old one: mark them
        db.session.execute(
            update(SurveyText)
            .where(
                SurveyText.survey_id == copy.id,
                SurveyText.key == "title",
                SurveyText.source.is_(None),
            )
            .values(source=original.title)
            .execution_options(synchronize_session=False)
        )
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
    pairs = [(old, copy_of(old, n)) for n, old in enumerate(questions, start + 1)]
    target.questions.extend(new for _old, new in pairs)
    db.session.flush()
    copied = {old.id: new for old, new in pairs}
    keys: dict[str, str] = {}
    unbranched = 0
    for old, new in pairs:
        controller = copied.get(old.show_if_question_id or 0)
        if controller and _answer_offered(controller, old.show_if_value):
            new.show_if_question_id = controller.id
        else:
            unbranched += old.show_if_question_id is not None
            new.show_if_value = None
        keys.update(translation_keys(old, new))
    return Copied(keys, len(pairs), unbranched)


def _answer_offered(controller: Question, value: str | None) -> bool:
    """Whether the copied question still offers the answer a branch waits for."""
    if not controller.kind.has_options:
        return value in ("yes", "no")
    return value in {o.value for o in controller.options}


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
        copy_translations(source.id, target.id, copied.keys)
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
