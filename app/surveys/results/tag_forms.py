"""The forms on a question's answers page: tagging one answer, and several at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms import Field
from wtforms import IntegerField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from app.core.numbers import id_value
from app.core.numbers import positive_int
from app.forms import ErrorSummary
from app.forms import Form
from app.forms import text_field
from app.surveys.response_models import Theme
from app.surveys.results import themes


class IdField(IntegerField):
    """A whole number 1 and up in plain digits; a huge or strange one is a form error."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist and valuelist[0]:
            self.data = positive_int(valuelist[0])
            if self.data is None:
                raise ValueError(_l("Choose from the list."))


class TagForm(Form):
    answer_id = IdField(validators=[InputRequired()])
    chosen = SelectMultipleField(coerce=id_value, validate_choice=False)
    shown = SelectMultipleField(coerce=id_value, validate_choice=False)
    new_theme = text_field(
        _l("New theme"),
        most=themes.THEME_NAME_LIMIT,
        too_long=_l("The theme name must be 80 characters or fewer"),
        filters=[themes.clean_name],
    )
    page = IdField(validators=[Optional()])
    theme = IdField(validators=[Optional()])
    untagged = BooleanField()

    def error_target(self, field: Field) -> str:
        """Each answer on the page has a tagging form of its own: link to this one's theme box."""
        if field.name == "new_theme":
            return f"new-theme-{self.answer_id.data or 0}"
        return super().error_target(field)


@dataclass(frozen=True)
class TagProblem(ErrorSummary):
    """A tagging form that could not be saved, shaped for the error summary, answers kept."""

    answer_id: int = 0
    typed: str = ""
    chosen: frozenset[int] = frozenset()

    @property
    def theme_errors(self) -> list[str]:
        return [message for target, message in self.field_errors if target != "main-content"]

    @classmethod
    def of_tagging(cls, form: TagForm) -> TagProblem:
        typed = (form.new_theme.raw_data or [""])[0]
        chosen = frozenset(form.chosen.data or [])
        return cls(form.field_errors, form.answer_id.data or 0, typed, chosen)


FIRST_PICK = "pick-1"  # the tick box of the first answer on the page


class TagManyForm(Form):
    """Tick boxes beside the answers, one theme and one button: the theme goes on every ticked
    answer. Adding a theme an answer already has changes nothing, so a second press is safe."""

    picked = SelectMultipleField(coerce=id_value, validate_choice=False)
    add_theme = SelectField(
        _l("Theme to add to the ticked answers"),
        coerce=str,
        validate_choice=False,
    )
    page = IdField(validators=[Optional()])
    theme = IdField(validators=[Optional()])
    untagged = BooleanField()

    def __init__(self, *args: Any, survey_themes: list[Theme] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_theme.choices = [("", _l("Choose a theme"))] + [
            (str(theme.id), theme.name) for theme in survey_themes
        ]
        self.known = {theme.id for theme in survey_themes}
        # Whether the page shows the tick boxes and the theme list, for the error summary.
        self.drawn = True

    @property
    def chosen_theme(self) -> int | None:
        chosen = positive_int(self.add_theme.data)
        return chosen if chosen in self.known else None

    def validate_picked(self, field: Field) -> None:
        if not field.data:
            raise ValidationError(_l("Tick at least one answer to add the theme to"))
        if len(field.data) > themes.PER_PAGE:
            raise ValidationError(_l("Tick the answers on this page only"))

    def validate_add_theme(self, field: Field) -> None:
        if self.chosen_theme is None:
            raise ValidationError(_l("Choose a theme to add"))

    def error_target(self, field: Field) -> str:
        if not self.drawn:
            return "main-content"  # nothing left to tick: the answers were withdrawn since
        if field.name == "picked":
            return FIRST_PICK
        return super().error_target(field)
