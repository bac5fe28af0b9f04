"""What a paper form can say: the languages a survey is written in and every version of the
consent words it has used, so staff record the form a person really filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.i18n import LANGUAGES
from app.surveys.content import completeness
from app.surveys.content import view_of
from app.surveys.models import ConsentWording
from app.surveys.models import Survey


@dataclass(frozen=True)
class Wording:
    version: int
    text: str
    replaced_at: datetime | None  # None for the words used now (or when not known)
    current: bool


def languages(survey: Survey) -> list[str]:
    """The main language first, then every language the survey has any translation in."""
    translated = set(completeness(survey))
    return [survey.main_language] + [
        language.code
        for language in LANGUAGES
        if language.code in translated and language.code != survey.main_language
    ]


def wordings(survey: Survey) -> list[Wording]:
    """The consent words now, then older versions, newest first; none when it asks no consent."""
    if not survey.consent_text.strip():
        return []
    older = db.session.scalars(
        select(ConsentWording)
        .where(
            ConsentWording.survey_id == survey.id,
            ConsentWording.version < survey.consent_version,
        )
        .order_by(ConsentWording.version.desc())
    )
    now = Wording(survey.consent_version, survey.consent_text, None, True)
    return [now] + [Wording(w.version, w.text, w.replaced_at, False) for w in older]


def wording(survey: Survey, version: int, language: str) -> str:
    """The words of that version the person read: today's in their language when translated,
    an older version in the main language (older translations are not kept)."""
    if version == survey.consent_version:
        return view_of(survey, language).consent_text
    found = next((w for w in wordings(survey) if w.version == version), None)
    if found is None:
        raise LookupError(version)
    return found.text
