"""A survey as a participant sees it: its words in their language, loaded in a fixed few queries."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.db import as_utc
from app.db import utcnow
from app.extensions import db
from app.surveys.flow import Step
from app.surveys.models import OTHER_KINDS
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.models import SurveyText
from app.surveys.timing import minutes_needed

SURVEY_PIECES = ("title", "organiser", "intro", "what_happens", "consent_text")


@dataclass(frozen=True)
class OptionView:
    id: int
    value: str
    label: str
    exclusive: bool = False  # cannot be chosen with other answers


@dataclass(frozen=True)
class QuestionView:
    id: int
    number: int
    kind: QuestionKind
    text: str
    help_text: str
    required: bool
    max_length: int | None
    min_value: int | None
    max_value: int | None
    pick_count: int | None
    options: tuple[OptionView, ...]
    step: Step
    offers_other: bool = False  # "Other – please tell us" after the answers to choose

    def label_of(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)


@dataclass
class SurveyView:
    id: int
    slug: str
    language: str  # the language its words are in
    title: str
    organiser: str
    intro: str
    what_happens: str
    time_needed_minutes: int
    consent_text: str
    consent_version: int
    anonymous: bool
    accepting: bool
    status: str
    questions: list[QuestionView] = field(default_factory=list)
    # The next moment it starts or stops taking answers by the clock, if one is set.
    changes_at: datetime | None = None

    @property
    def steps(self) -> list[Step]:
        return [q.step for q in self.questions]

    def question(self, question_id: int) -> QuestionView | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def must_answer(self) -> int:
        """How many of its questions people cannot skip: the start page says so."""
        return sum(q.required for q in self.questions)


def pieces(survey: Survey) -> list[tuple[str, str]]:
    """Every translatable piece of a survey as (key, main-language text), non-empty only."""
    found = [(key, getattr(survey, key)) for key in SURVEY_PIECES]
    for question in survey.questions:
        if question.retired:
            continue
        found += [
            (f"q:{question.id}:text", question.text),
            (f"q:{question.id}:help", question.help_text),
        ]
        found += [(f"o:{o.id}:label", o.label) for o in question.options if not o.retired]
    return [(key, text) for key, text in found if text and text.strip()]


def _load(where) -> Survey | None:
    return db.session.scalar(
        select(Survey)
        .where(where)
        .options(selectinload(Survey.questions).selectinload(Question.options))
    )


def load_survey(slug: str) -> Survey | None:
    return _load(Survey.slug == slug)


def load_survey_by_id(survey_id: int) -> Survey | None:
    return _load(Survey.id == survey_id)


def translations(survey_id: int, language: str) -> dict[str, str]:
    rows = db.session.execute(
        select(SurveyText.key, SurveyText.text).where(
            SurveyText.survey_id == survey_id, SurveyText.language == language
        )
    )
    return {key: text for key, text in rows if text.strip()}


def _readers_translations(survey: Survey, language: str) -> dict[str, str]:
    """translations() as readers get them: a translation needing an update is still shown, but
    never the words people agree to, since their consent is recorded against today's version."""
    rows = db.session.execute(
        select(SurveyText.key, SurveyText.text, SurveyText.source).where(
            SurveyText.survey_id == survey.id, SurveyText.language == language
        )
    )
    return {
        key: text
        for key, text, source in rows
        if text.strip()
        and not (key == "consent_text" and source is not None and source != survey.consent_text)
    }


def needing_update(survey: Survey, language: str) -> dict[str, str]:
    """Translated pieces whose main-language words changed since: key -> the words they were
    translated from. They are still shown to readers until someone updates them."""
    return stale_pieces(survey).get(language, {})


def stale_pieces(survey: Survey) -> dict[str, dict[str, str]]:
    """needing_update for every language at once: language -> key -> the old words."""
    now = dict(pieces(survey))
    rows = db.session.execute(
        select(SurveyText.language, SurveyText.key, SurveyText.source).where(
            SurveyText.survey_id == survey.id, SurveyText.source.is_not(None)
        )
    )
    found: dict[str, dict[str, str]] = {}
    for language, key, source in rows:
        if key in now and source != now[key]:
            found.setdefault(language, {})[key] = source
    return found


def languages_translated(survey_id: int, keys: list[str]) -> list[str]:
    """The languages any of these pieces is translated into, in no particular order."""
    return list(
        db.session.scalars(
            select(SurveyText.language)
            .where(SurveyText.survey_id == survey_id, SurveyText.key.in_(keys))
            .distinct()
        )
    )


def completeness(survey: Survey) -> dict[str, tuple[int, int]]:
    """For each language with any translation: (pieces translated, pieces needed)."""
    needed = {key for key, _ in pieces(survey)}
    rows = db.session.execute(
        select(SurveyText.language, SurveyText.key).where(SurveyText.survey_id == survey.id)
    )
    done: dict[str, set[str]] = {}
    for language, key in rows:
        done.setdefault(language, set()).add(key)
    return {lang: (len(keys & needed), len(needed)) for lang, keys in done.items()}


def view_of(survey: Survey, language: str) -> SurveyView:
    """The survey in language when its translation is complete, else in its main language."""
    words: dict[str, str] = {}
    content_language = survey.main_language
    if language != survey.main_language:
        translated = _readers_translations(survey, language)
        if all(key in translated for key, _ in pieces(survey)):
            words, content_language = translated, language

    def say(key: str, fallback: str) -> str:
        return words.get(key, fallback)

    view = SurveyView(
        id=survey.id,
        slug=survey.slug,
        language=content_language,
        title=say("title", survey.title),
        organiser=say("organiser", survey.organiser),
        intro=say("intro", survey.intro),
        what_happens=say("what_happens", survey.what_happens),
        time_needed_minutes=minutes_needed(survey),
        consent_text=say("consent_text", survey.consent_text),
        consent_version=survey.consent_version,
        anonymous=survey.anonymous,
        accepting=survey.is_accepting(),
        status=survey.status.value,
    )
    live = [q for q in survey.questions if not q.retired]
    for number, question in enumerate(live, start=1):
        options = tuple(
            OptionView(o.id, o.value, say(f"o:{o.id}:label", o.label), o.exclusive)
            for o in question.options
            if not o.retired
        )
        view.questions.append(
            QuestionView(
                id=question.id,
                number=number,
                kind=question.kind,
                text=say(f"q:{question.id}:text", question.text),
                help_text=say(f"q:{question.id}:help", question.help_text),
                required=question.required,
                max_length=question.max_length,
                min_value=question.min_value,
                max_value=question.max_value,
                pick_count=question.pick_count,
                options=options,
                step=Step(question.id, question.show_if_question_id, question.show_if_value),
                offers_other=question.offers_other and question.kind in OTHER_KINDS,
            )
        )
    return view


def open_surveys(language: str) -> list[tuple[str, str, str]]:
    """(slug, title, title language) for surveys taking answers now, newest first."""
    from app.surveys.models import SurveyStatus

    surveys = [
        s
        for s in db.session.scalars(
            select(Survey).where(Survey.status == SurveyStatus.OPEN).order_by(Survey.id.desc())
        )
        if s.is_accepting()
    ]
    titles = (
        dict(
            db.session.execute(
                select(SurveyText.survey_id, SurveyText.text).where(
                    SurveyText.survey_id.in_([s.id for s in surveys]),
                    SurveyText.language == language,
                    SurveyText.key == "title",
                )
            ).all()
        )
        if surveys
        else {}
    )
    return [
        (s.slug, titles[s.id], language) if s.id in titles else (s.slug, s.title, s.main_language)
        for s in surveys
    ]


# The survey a participant answers, built once per (survey, version, language) and shared by
# every request of this process. The version comes from the database (migration 0012's
# triggers move it on every change), so each process sees a staff edit at once.
# created_at is in the key too: should a survey be deleted and its id used again, the new one
# starts at version 1 as well.
_BUILT: dict[tuple[int, datetime, int, str], SurveyView] = {}
_BUILT_MAX = 200  # surveys x languages a busy site might serve at once; a few MB at most
_BUILDING = threading.Lock()


def _next_change(opens_at: datetime | None, closes_at: datetime | None) -> datetime | None:
    now = utcnow()
    moments = [as_utc(moment) for moment in (opens_at, closes_at) if moment is not None]
    return min((moment for moment in moments if moment > now), default=None)


def _accepting(status: str, opens_at: datetime | None, closes_at: datetime | None) -> bool:
    """Survey.is_accepting for a plain row: whether it takes answers at this moment."""
    now = utcnow()
    if status != SurveyStatus.OPEN:
        return False
    if opens_at and as_utc(opens_at) > now:
        return False
    return not (closes_at and as_utc(closes_at) <= now)


def participant_view(slug: str, language: str) -> SurveyView | None:
    """The survey at slug as a participant sees it in language, in one small query when built.

    Whether it takes answers depends on the clock, so that alone is worked out every time.
    """
    row = db.session.execute(
        select(
            Survey.id,
            Survey.created_at,
            Survey.version,
            Survey.status,
            Survey.opens_at,
            Survey.closes_at,
        ).where(Survey.slug == slug)
    ).one_or_none()
    if row is None:
        return None
    key = (row.id, row.created_at, row.version, language)
    view = _BUILT.get(key)
    if view is None:
        survey = load_survey_by_id(row.id)
        if survey is None:
            return None
        view = view_of(survey, language)
        with _BUILDING:
            if len(_BUILT) >= _BUILT_MAX:
                _BUILT.pop(next(iter(_BUILT)))  # the oldest built
            _BUILT[key] = view
    status = SurveyStatus(row.status)
    return replace(
        view,
        status=status.value,
        accepting=_accepting(status, row.opens_at, row.closes_at),
        changes_at=_next_change(row.opens_at, row.closes_at),
    )
