"""Participant forms. Each question gets a form for its kind, so the field macros render it."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from app.forms import Form
from app.forms import code_field
from app.forms import text_field
from app.surveys.answering import other_label
from app.surveys.answering import text_limit
from app.surveys.content import QuestionView
from app.surveys.models import OTHER_VALUE
from app.surveys.models import QuestionKind


class StartForm(Form):
    form_key = HiddenField()


class ConsentForm(Form):
    agree = BooleanField(
        _l("I agree to take part"),
        validators=[DataRequired(_l("Tick the box to say you agree to take part"))],
    )


class NameForm(Form):
    name = text_field(
        _l("What name should we use for you?"),
        required=_l("Enter a name"),
        most=200,
        filters=(),
        render_kw={"autocomplete": "name"},
    )


class SubmitForm(Form):
    """Check your answers: only a button."""


class ResumeForm(Form):
    code = code_field(
        _l("Your code"), _l("Enter your code"), 40, autocomplete="off", autocapitalize="characters"
    )


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def ordinal(rank: int) -> str:
    names = {
        1: _("First choice"),
        2: _("Second choice"),
        3: _("Third choice"),
        4: _("Fourth choice"),
        5: _("Fifth choice"),
    }
    return names.get(rank, _("Choice %(number)d", number=rank))


def _choices(question: QuestionView) -> list[SelectChoice]:
    if question.kind == QuestionKind.YES_NO:
        return [SelectChoice("yes", _("Yes")), SelectChoice("no", _("No"))]
    choices = [SelectChoice(o.value, o.label) for o in question.options]
    if question.offers_other:
        # Before an answer that stands alone ("None of these"), which stays last.
        alone = next((n for n, o in enumerate(question.options) if o.exclusive), len(choices))
        choices.insert(alone, SelectChoice(OTHER_VALUE, other_label()))
    return choices


def other_field() -> StringField:
    """The box beside "Other": always shown, so it works without JavaScript; kept only when
    Other is chosen (answering.parse)."""
    return StringField(
        _("If you chose “Other”, please tell us"),
        render_kw={"autocomplete": "off"},
    )


def _answer_field(question: QuestionView) -> Field:
    label = question.text
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return StringField(label)
    if kind == QuestionKind.NUMBER:
        return StringField(label, render_kw={"inputmode": "numeric"})
    if kind == QuestionKind.LONG_TEXT:
        return TextAreaField(label)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        # Choices are checked by answering.parse, with our own plain, translated messages.
        return MultiCheckboxField(label, choices=_choices(question), validate_choice=False)
    return RadioField(label, choices=_choices(question), validate_choice=False)


def question_form(question: QuestionView, data: Any = None, other: str | None = None) -> Form:
    """A form for one question, filled with data (a stored answer, and the words written for
    "Other") when given."""

    class QuestionForm(Form):
        pass

    if question.kind == QuestionKind.PRIORITIES:
        blank = [SelectChoice("", _("Choose"))]
        for rank in range(1, (question.pick_count or 3) + 1):
            setattr(
                QuestionForm,
                f"answer-{rank}",
                SelectField(
                    ordinal(rank), choices=blank + _choices(question), validate_choice=False
                ),
            )
    else:
        QuestionForm.answer = _answer_field(question)
    if question.offers_other:
        QuestionForm.other = other_field()
    form = QuestionForm()
    if data is not None and not form.is_submitted():
        _fill(form, question, data)
        if question.offers_other:
            form.other.data = other or ""
    return form


def _fill(form: Form, question: QuestionView, data: Any) -> None:
    if question.kind == QuestionKind.PRIORITIES:
        for rank, value in enumerate(data or [], start=1):
            field = form._fields.get(f"answer-{rank}")
            if field is not None:
                field.data = value
        return
    form.answer.data = data


def limit_hint(question: QuestionView, current: str | None) -> str:
    limit = text_limit(question)
    used = len(current or "")
    return _(
        "You can write up to %(limit)d characters. You have used %(used)d.", limit=limit, used=used
    )
