"""Staff use cases for whole surveys: list, create, change, open or close, copy, translate.

One transaction each; no request, no templates. Refusals are raised as `Refused(reason)` and
put into words by the views (app/surveys/builder/words.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.auth.models import StaffUser
from app.core import translating
from app.core.idempotency import use_key
from app.core.slugs import hyphenated
from app.db import utcnow
from app.extensions import db
from app.i18n import LANGUAGES
from app.surveys.content import SURVEY_PIECES
from app.surveys.content import pieces
from app.surveys.models import ConsentWording
from app.surveys.models import IllegalMove
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.models import SurveyMove
from app.surveys.models import SurveyStatus
from app.surveys.models import SurveyText
from app.surveys.response_models import ResponseTally
from app.surveys.services import AlreadyDone
from app.surveys.timing import estimated
from app.transactions import unit_of_work

__all__ = ["AlreadyDone", "Refused"]


class Refused(Exception):
    """A change the survey's rules do not allow; reason names the rule, details fill it in."""

    def __init__(self, reason: str, **details: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class SurveyDetails:
    """What staff type about a survey on its create or edit page."""

    title: str
    slug: str
    organiser: str
    intro: str
    what_happens: str
    time_needed_minutes: int
    minutes_from_questions: bool  # worked out from the questions: time_needed_minutes is ignored
    consent_text: str
    anonymous: bool
    opens_at: datetime | None
    closes_at: datetime | None
    main_language: str


@dataclass(frozen=True)
class SurveyRow:
    """One line of the survey list."""

    id: int
    title: str
    slug: str
    language: str
    status: SurveyStatus
    responses: int
    translations: list[tuple[str, int, int]]  # (language, pieces done, pieces needed)


def survey_rows() -> list[SurveyRow]:
    """Every survey, newest first, with its submitted responses and translation progress."""
    surveys = db.session.scalars(
        select(Survey)
        .order_by(Survey.id.desc())
        .options(selectinload(Survey.questions).selectinload(Question.options))
    ).all()
    responses = dict(
        db.session.execute(
            select(ResponseTally.survey_id, func.sum(ResponseTally.count)).group_by(
                ResponseTally.survey_id
            )
        ).all()
    )
    done: dict[tuple[int, str], set[str]] = {}
    for survey_id, language, key in db.session.execute(
        select(SurveyText.survey_id, SurveyText.language, SurveyText.key)
    ):
        done.setdefault((survey_id, language), set()).add(key)
    return [
        SurveyRow(
            s.id,
            s.title,
            s.slug,
            s.main_language,
            s.status,
            int(responses.get(s.id) or 0),
            _progress(s, done),
        )
        for s in surveys
    ]


def _progress(survey: Survey, done: dict[tuple[int, str], set[str]]) -> list[tuple[str, int, int]]:
    """Like content.completeness, for languages with a translation begun, in site order."""
    needed = {key for key, _text in pieces(survey)}
    counts = [
        (lang.code, len(done.get((survey.id, lang.code), set()) & needed), len(needed))
        for lang in LANGUAGES
        if lang.code != survey.main_language
    ]
    return [(code, got, of) for code, got, of in counts if got]


SLUG_FALLBACK = "survey"  # for a title with no letters a web address can carry


def suggest_slug(title: str, survey_id: int | None = None) -> str:
    """A web address made from the title that no other survey uses: 'Beth ddylai newid?' ->
    'beth-ddylai-newid', then 'beth-ddylai-newid-2'. A title in Arabic or Bengali letters, or
    only emoji, becomes 'survey' (then 'survey-2')."""
    base = hyphenated(title, 50).strip("-")
    base = base if len(base) >= 2 else SLUG_FALLBACK
    taken = set(
        db.session.scalars(
            select(Survey.slug).where(Survey.slug.like(f"{base}%"), Survey.id != survey_id)
        )
    )
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def check_slug(slug: str, survey_id: int | None) -> None:
    taken = db.session.scalar(select(Survey.id).where(Survey.slug == slug, Survey.id != survey_id))
    if taken is not None:
        raise Refused("slug_taken")


def flush_unless_slug_taken() -> None:
    try:
        db.session.flush()
    except IntegrityError as error:  # another member of staff took the address a moment ago
        raise Refused("slug_taken") from error


def _set_details(survey: Survey, details: SurveyDetails) -> None:
    """Copy what staff typed onto the survey; an empty web address is made from the title, and
    minutes worked out from the questions are kept as what they come to now."""
    for name in (f.name for f in fields(details)):
        setattr(survey, name, getattr(details, name))
    if not details.slug:
        survey.slug = suggest_slug(details.title, survey.id)
    if details.minutes_from_questions:
        survey.time_needed_minutes = estimated(survey)


@unit_of_work()
def create_survey(details: SurveyDetails, staff_id: int, form_key: str | None) -> int:
    """A new draft survey; a second send of the same form creates nothing."""
    if not use_key(form_key):
        raise AlreadyDone
    if details.slug:
        check_slug(details.slug, None)
    survey = Survey(status=SurveyStatus.DRAFT, consent_version=1, created_by_id=staff_id)
    _set_details(survey, details)
    db.session.add(survey)
    flush_unless_slug_taken()
    return survey.id


def survey_id_with_slug(slug: str) -> int | None:
    return db.session.scalar(select(Survey.id).where(Survey.slug == slug))


@unit_of_work()
def update_survey(survey: Survey, details: SurveyDetails) -> None:
    """Change a survey's details. New consent words mean a new consent version."""
    if details.slug:
        check_slug(details.slug, survey.id)
    before = {key: getattr(survey, key) for key in SURVEY_PIECES}
    if survey.consent_text != details.consent_text:
        keep_older_words(survey)
        survey.consent_version += 1
    _set_details(survey, details)
    words_changed(survey.id, before, {key: getattr(details, key) for key in SURVEY_PIECES})
    flush_unless_slug_taken()


def keep_older_words(survey: Survey) -> None:
    """Keep the consent words being replaced: paper forms printed with them still come back."""
    if survey.consent_text.strip():
        db.session.add(
            ConsentWording(
                survey_id=survey.id,
                version=survey.consent_version,
                text=survey.consent_text,
                replaced_at=utcnow(),
            )
        )


def words_changed(survey_id: int, before: dict[str, str], after: dict[str, str]) -> None:
    """Main-language words changed: their translations stay shown, so readers keep their
    language, but remember the words they were made from, which marks them as needing an
    update. Words now empty are gone, and so are their translations."""
    changed = [key for key, old in before.items() if old != after.get(key, "")]
    forget_translations(survey_id, [key for key in changed if not after.get(key, "").strip()])
    for key in changed:
        if after.get(key, "").strip():
            db.session.execute(
                update(SurveyText)
                .where(
                    SurveyText.survey_id == survey_id,
                    SurveyText.key == key,
                    SurveyText.source.is_(None),
                )
                .values(source=before[key])
                .execution_options(synchronize_session=False)
            )


def forget_translations(survey_id: int, keys: list[str]) -> None:
    """Pieces gone (a deleted question or answer, emptied words) lose their translations."""
    if keys:
        db.session.execute(
            delete(SurveyText).where(SurveyText.survey_id == survey_id, SurveyText.key.in_(keys))
        )


@unit_of_work()
def change_status(survey: Survey, status: SurveyStatus, staff_id: int | None) -> bool:
    """Open, close, archive or bring back, as the survey's life allows; a survey opens only
    with questions. Each move is kept with who made it. False when the survey already has that
    status (a second press of the same button): nothing changes and nothing more is kept."""
    before = survey.status
    if before == status:
        return False
    try:
        survey.move_to(status)
    except IllegalMove as error:
        raise Refused(f"illegal_{status.value}") from error
    if status == SurveyStatus.OPEN and all(q.retired for q in survey.questions):
        raise Refused("no_questions")
    db.session.add(
        SurveyMove(survey_id=survey.id, from_status=before, to_status=status, staff_id=staff_id)
    )
    return True


def response_count(survey_id: int) -> int:
    """Responses that count in the results: sent online or typed in, and not withdrawn (the
    tallies the database keeps, migration 0018)."""
    query = select(func.sum(ResponseTally.count)).where(ResponseTally.survey_id == survey_id)
    return int(db.session.scalar(query) or 0)


@dataclass(frozen=True)
class Move:
    """One status move, as the survey's page lists it."""

    at: datetime
    from_status: SurveyStatus
    to_status: SurveyStatus
    staff_name: str  # "" once the account is gone


def moves(survey_id: int) -> list[Move]:
    """The survey's status moves, newest first."""
    rows = db.session.execute(
        select(SurveyMove, StaffUser.name)
        .outerjoin(StaffUser, StaffUser.id == SurveyMove.staff_id)
        .where(SurveyMove.survey_id == survey_id)
        .order_by(SurveyMove.id.desc())
    )
    return [Move(m.at, m.from_status, m.to_status, name or "") for m, name in rows]


@unit_of_work()
def save_translations(
    survey: Survey, language: str, texts: dict[str, str], still_fits: frozenset[str] = frozenset()
) -> None:
    """Store each translated piece; a blank one is removed, so it counts as still to do.

    A piece typed anew, or said to still fit (still_fits), is marked as made from today's
    main-language words; one sent back unchanged keeps its mark, since the whole page is sent.
    """
    main = dict(pieces(survey))
    wanted = {key: texts[key] for key in main.keys() & texts.keys()}
    translating.save_translations(
        SurveyText, {"survey_id": survey.id}, language, wanted, main, still_fits
    )
