"""Copying questions, with their answers to choose and translations: for a copy of a whole
survey, and for one question duplicated in its own survey."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import SurveyText

# Everything about a question that its copy keeps, beside its answers to choose.
QUESTION_FIELDS = (
    *("kind", "text", "help_text", "required", "max_length"),
    *("min_value", "max_value", "pick_count", "show_if_value"),
)


def live_options(question: Question) -> list[Option]:
    """The answers new people see, in order: what a copy takes."""
    return [o for o in question.options if not o.retired]


def copy_of(question: Question, position: int) -> Question:
    """A new question with the same words, settings and live answers (stored values kept, so a
    branch on an answer means the same in the copy). Its branch is set by the caller."""
    return Question(
        position=position,
        options=[
            Option(position=n, value=o.value, label=o.label, exclusive=o.exclusive)
            for n, o in enumerate(live_options(question), 1)
        ],
        **{name: getattr(question, name) for name in QUESTION_FIELDS},
    )


def translation_keys(original: Question, copy: Question) -> dict[str, str]:
    """Old translation key -> the copy's key, for the question's words and each answer's.
    Both must have ids (flushed)."""
    keys = {
        f"q:{original.id}:text": f"q:{copy.id}:text",
        f"q:{original.id}:help": f"q:{copy.id}:help",
    }
    pairs = zip(live_options(original), copy.options, strict=True)
    keys.update({f"o:{old.id}:label": f"o:{new.id}:label" for old, new in pairs})
    return keys


def copy_translations(from_survey: int, to_survey: int, keys: dict[str, str]) -> None:
    """Copy each translated piece under its new key, marks of needing an update and all."""
    rows = db.session.scalars(
        select(SurveyText).where(SurveyText.survey_id == from_survey, SurveyText.key.in_(keys))
    )
    for row in rows.all():
        db.session.add(
            SurveyText(
                survey_id=to_survey,
                language=row.language,
                key=keys[row.key],
                text=row.text,
                source=row.source,
            )
        )
