"""The staff form for one question: its type, words, answers to choose and branching.

The page draws only the fields the chosen type needs (KIND_FIELDS); whatever else is sent is
ignored, never checked, so a field nobody could see never stops a save.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms import Field
from wtforms import HiddenField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice

from app.forms import Form
from app.forms import choice_field
from app.forms import text_field
from app.surveys.builder.forms import WholeNumber
from app.surveys.builder.forms import clean
from app.surveys.builder.forms import number
from app.surveys.builder.words import KIND_NAMES
from app.surveys.builder.words import TEXT_LIMIT
from app.surveys.models import QuestionKind

MAX_OPTIONS = 30

# The fields each type of question needs, beside those every question has.
KIND_FIELDS: dict[QuestionKind, tuple[str, ...]] = {
    QuestionKind.SHORT_TEXT: ("max_length",),
    QuestionKind.LONG_TEXT: ("max_length",),
    QuestionKind.SINGLE_CHOICE: ("options", "offers_other"),
    QuestionKind.MULTIPLE_CHOICE: ("options", "last_alone", "offers_other"),
    QuestionKind.SCALE: ("options",),
    QuestionKind.YES_NO: (),
    QuestionKind.NUMBER: ("min_value", "max_value"),
    QuestionKind.PRIORITIES: ("options", "pick_count"),
}
EVERY_KIND = frozenset(name for names in KIND_FIELDS.values() for name in names)


def option_lines(text: str | None) -> list[str]:
    """The answers typed one per line, cleaned, blanks left out."""
    return [line for line in (clean(raw) for raw in (text or "").splitlines()) if line]


class QuestionForm(Form):
    kind = choice_field(
        _l("Type of question"),
        [SelectChoice(kind.value, name) for kind, name in KIND_NAMES.items()],
        _l("Choose a type of question"),
    )
    text = text_field(
        _l("Question"),
        required=_l("Enter the question"),
        most=500,
        too_long=_l("The question must be 500 characters or fewer"),
        kind=TextAreaField,
    )
    help_text = text_field(
        _l("What this means (optional)"),
        most=2000,
        too_long=_l("This must be 2000 characters or fewer"),
        kind=TextAreaField,
    )
    required = BooleanField(_l("People must answer this question"))
    options = text_field(
        _l("Answers to choose from"),
        most=20000,
        too_long=_l("There are too many words here"),
        kind=TextAreaField,
        filters=(),
    )
    last_alone = BooleanField(_l("The last answer stands alone"))
    offers_other = BooleanField(_l("Add “Other” with a box to write in"))
    max_length = StringField(
        _l("Longest answer in characters (optional)"),
        validators=[WholeNumber(1, TEXT_LIMIT, _l("Enter a number from 1 to 20000"))],
        render_kw={"inputmode": "numeric"},
    )
    min_value = StringField(
        _l("Smallest number allowed (optional)"),
        validators=[WholeNumber(-(10**9), 10**9, _l("Enter a whole number, like 0"))],
    )
    max_value = StringField(
        _l("Largest number allowed (optional)"),
        validators=[WholeNumber(-(10**9), 10**9, _l("Enter a whole number, like 10"))],
    )
    pick_count = StringField(
        _l("How many should people pick? (optional)"),
        validators=[WholeNumber(1, 10, _l("Enter a number from 1 to 10"))],
        render_kw={"inputmode": "numeric"},
    )
    show_if = SelectField(
        _l("Only ask this if"),
        default="",  # not drawn before there is an earlier question: always ask
        invalid_choice_message=_l("Choose an earlier question from the list"),
    )

    form_key = HiddenField()  # adding only: a double tap adds one question

    def __init__(self, *args: Any, branches: list[SelectChoice] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_if.choices = [SelectChoice("", _l("Always ask")), *branches]
        self.has_branches = bool(branches)

    @property
    def chosen_kind(self) -> QuestionKind | None:
        try:
            return QuestionKind(self.kind.data)
        except ValueError:
            return None

    @property
    def shown(self) -> frozenset[str]:
        """The names of the fields the page draws for the chosen type (none before a type is
        chosen). "Who is asked" only when there is an earlier question to depend on, or when
        what was sent for it needs a message."""
        kind = self.chosen_kind
        names = set(KIND_FIELDS[kind]) if kind else set()
        if self.has_branches or self.show_if.errors:
            names.add("show_if")
        return frozenset(names)

    def ignored(self, name: str) -> bool:
        """True for a field this type does not use: what was sent for it counts for nothing."""
        return name in EVERY_KIND and name not in self.shown

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        for name in EVERY_KIND:
            if self.ignored(name):
                self[name].errors = []
        valid = not self.errors
        kind = self.chosen_kind
        if kind is None:
            return False
        message = self._kind_problem(kind)
        if message is not None:
            field, text = message
            field.errors = [*field.errors, str(text)]
            return False
        return valid

    def _kind_problem(self, kind: QuestionKind) -> tuple[Field, Any] | None:
        labels = option_lines(self.options.data)
        if kind == QuestionKind.SCALE and not 2 <= len(labels) <= 7:
            return self.options, _l("A scale needs 2 to 7 points: write one word on each line")
        if kind.has_options and kind != QuestionKind.SCALE:
            if len(labels) < 2:
                return self.options, _l("Write at least 2 answers, one on each line")
            if len(labels) > MAX_OPTIONS:
                return self.options, _l("Write 30 answers or fewer")
        if kind.has_options:
            if any(len(label) > 300 for label in labels):
                return self.options, _l("Each answer must be 300 characters or fewer")
            if len({label.casefold() for label in labels}) != len(labels):
                return self.options, _l("Each answer must be different")
        if kind == QuestionKind.PRIORITIES and (number(self.pick_count) or 0) > len(labels):
            return self.pick_count, _l("This cannot be more than the number of answers")
        low, high = number(self.min_value), number(self.max_value)
        if kind == QuestionKind.NUMBER and low is not None and high is not None and low > high:
            return self.max_value, _l("The largest number must be more than the smallest")
        return None
