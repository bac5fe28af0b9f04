"""Staff forms for building surveys and questions and translating them.

Validation only: nothing here writes. Numbers are typed as text so every message is our own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone
from wtforms import Field
from wtforms import HiddenField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import Regexp
from wtforms.validators import ValidationError as Invalid

from app.core.dates import PickedDateField
from app.core.translating import main_language_field
from app.db import utcnow
from app.forms import Form
from app.forms import choice_field
from app.forms import clean
from app.forms import text_field
from app.surveys.forms import MultiCheckboxField

SLUG_PATTERN = r"^[a-z0-9-]{2,60}$"
_WHOLE = re.compile(r"-?\d{1,10}")


class WholeNumber:
    """A whole number from low to high, typed as text; blank is allowed unless required."""

    def __init__(self, low: int, high: int, message: Any, required: bool = False) -> None:
        self.low, self.high, self.message, self.required = low, high, message, required

    def __call__(self, form: Form, field: Field) -> None:
        raw = (field.data or "").replace(",", "").strip()
        if not raw and not self.required:
            return
        if not _WHOLE.fullmatch(raw) or not self.low <= int(raw) <= self.high:
            raise Invalid(str(self.message))


def number(field: Field) -> int | None:
    raw = (field.data or "").replace(",", "").strip()
    return int(raw) if _WHOLE.fullmatch(raw) else None


YEARS_MESSAGE = _l("Enter a date from the year 2000 to 2200, like 31/3/2026")
LONG = 5000


def _slug_field() -> StringField:
    """The web address: left empty, it is made from the title when saved."""
    return StringField(
        _l("Web address (optional)"),
        validators=[
            Optional(),
            Regexp(
                SLUG_PATTERN,
                message=_l("Use 2 to 60 small letters, numbers and hyphens (-), like cafe-survey"),
            ),
        ],
        filters=[clean, lambda value: value.lower() if isinstance(value, str) else value],
        render_kw={"dir": "ltr", "spellcheck": "false", "autocapitalize": "none"},
    )


def too_long(limit: int) -> Any:
    """The message for words over a limit of characters (a box here, or its translation)."""
    return _l("This must be %(num)d characters or fewer", num=limit)


def _title_field(label: Any, missing: Any) -> StringField:
    title_long = _l("The title must be 200 characters or fewer")
    return text_field(label, required=missing, most=200, too_long=title_long)


def _words_field(label: Any, most: int = LONG) -> TextAreaField:
    """An optional box for words, at most `most` characters."""
    return text_field(label, most=most, too_long=too_long(most), kind=TextAreaField)


class SurveyForm(Form):
    title = _title_field(_l("Title"), _l("Enter a title"))
    slug = _slug_field()
    organiser = text_field(_l("Who is asking (optional)"), most=200, too_long=too_long(200))
    intro = _words_field(_l("Introduction (optional)"))
    what_happens = _words_field(_l("What happens to the answers (optional)"))
    minutes = StringField(
        _l("Minutes needed to answer (optional)"),
        validators=[WholeNumber(1, 240, _l("Enter a number of minutes from 1 to 240"))],
        render_kw={"inputmode": "numeric"},
    )
    consent_text = _words_field(_l("What people agree to (optional)"))
    anonymous = choice_field(
        _l("Do people give their name?"),
        [
            SelectChoice("yes", _l("No, it is anonymous")),
            SelectChoice("no", _l("Yes, we ask each person's name")),
        ],
        _l("Choose if people give their name"),
    )
    opens_on = PickedDateField(_l("First day for answers (optional)"), validators=[Optional()])
    last_day = PickedDateField(_l("Last day for answers (optional)"), validators=[Optional()])
    main_language = main_language_field()
    form_key = HiddenField()
    # The last day already saved, which may stay as it is once passed (a closed survey's edit).
    saved_last_day: date | None = None

    def validate_opens_on(self, field: Field) -> None:
        _check_year(field)

    def validate_last_day(self, field: Field) -> None:
        day = field.data
        if day and day != self.saved_last_day and day < to_user_timezone(utcnow()).date():
            raise Invalid(
                str(
                    _l(
                        "The last day, %(day)s, has already passed. Choose today or a later "
                        "day, or leave it empty.",
                        day=format_date(day, "long"),
                    )
                )
            )
        _check_year(field)
        if day and self.opens_on.data and day < self.opens_on.data:
            raise Invalid(str(_l("The last day must be on or after the first day")))


def _check_year(field: Field) -> None:
    # Dates like 9999-12-31 are real, but a day after them does not exist.
    if field.data and not 2000 <= field.data.year <= 2200:
        raise Invalid(str(YEARS_MESSAGE))


class DuplicateForm(Form):
    title = _title_field(_l("Title of the copy"), _l("Enter a title for the copy"))
    slug = _slug_field()
    form_key = HiddenField()


class StarterForm(Form):
    """Start a survey from a template: which one, and the language to write it in."""

    starter = choice_field(_l("Which template?"), (), _l("Choose a template"))
    main_language = main_language_field()
    form_key = HiddenField()


class CopyQuestionsForm(Form):
    """Which of another survey's questions to copy; its choices are that survey's questions."""

    questions = MultiCheckboxField(
        _l("Questions to copy"),
        validators=[InputRequired(_l("Choose at least one question to copy"))],
        validate_choice=False,
    )
    form_key = HiddenField()

    def validate_questions(self, field: Field) -> None:
        offered = {choice.value for choice in field.choices or []}
        if any(value not in offered for value in field.data or []):
            raise Invalid(str(_l("Choose from the questions shown")))
