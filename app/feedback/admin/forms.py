"""Staff forms for writing, changing, taking down and translating updates. Validation only."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired
from wtforms.validators import Length
from wtforms.validators import ValidationError as Invalid
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from app.core.translating import main_language_field
from app.feedback.admin.reading import LinkChoices
from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from app.feedback.services import UpdateDraft
from app.feedback.words import STATUS_WORDS
from app.forms import Form
from app.forms import choice_field
from app.forms import clean

SAID_LIMIT, BODY_LIMIT, REASON_LIMIT = 300, 10000, 5000
MOST_PEOPLE = 1_000_000
_WHOLE = re.compile(r"\d{1,7}")
NEEDS_REASON = _l("Say why we can't do this")
CHOOSE_FROM_LIST = _l("Choose from the list")


def too_long(limit: int) -> Any:
    """The message for words over a limit of characters."""
    return _l("Use %(num)d characters or fewer", num=limit)


def _too_long(limit: int) -> Length:
    return Length(max=limit, message=too_long(limit))


class LinkField(SelectMultipleField):
    """Tick boxes of ids; anything that is not one of the choices gets a plain message."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, coerce=int, choices=[], **kwargs)
        self.unreadable = False

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = [int(value) for value in valuelist if _WHOLE.fullmatch(value)]
        self.unreadable = len(self.data) != len(valuelist)

    def pre_validate(self, form: Any) -> None:
        allowed = {choice.value for choice in self.choices}
        if self.unreadable or any(value not in allowed for value in self.data or []):
            raise Invalid(str(CHOOSE_FROM_LIST))


def _status_field() -> RadioField:
    return choice_field(
        _l("Status"),
        [SelectChoice(status.value, STATUS_WORDS[status]) for status in UpdateStatus],
        _l("Choose a status"),
    )


def _reason_field() -> TextAreaField:
    return TextAreaField(
        _l("Why we can't do this"), validators=[_too_long(REASON_LIMIT)], filters=[clean]
    )


def _check_reason(form: Any, field: Field) -> None:
    if form.status.data == UpdateStatus.CANT_DO.value and not (field.data or "").strip():
        raise Invalid(str(NEEDS_REASON))


class UpdateForm(Form):
    said = StringField(
        _l("What people said"),
        validators=[DataRequired(_l("Say what people told us")), _too_long(SAID_LIMIT)],
        filters=[clean],
    )
    body = TextAreaField(
        _l("What we did or will do"), validators=[_too_long(BODY_LIMIT)], filters=[clean]
    )
    status = _status_field()
    reason = _reason_field()
    people_count = StringField(
        _l("How many people said this (optional)"), render_kw={"inputmode": "numeric"}
    )
    project = SelectField(_l("Project (optional)"), invalid_choice_message=CHOOSE_FROM_LIST)
    themes = LinkField(_l("Themes from survey answers"))
    surveys = LinkField(_l("Surveys"))
    sessions = LinkField(_l("Sessions"))
    questions = LinkField(_l("Questions"))

    def validate_reason(self, field: Field) -> None:
        _check_reason(self, field)

    def validate_people_count(self, field: Field) -> None:
        raw = (field.data or "").replace(",", "").strip()
        if raw and not (_WHOLE.fullmatch(raw) and int(raw) <= MOST_PEOPLE):
            raise Invalid(str(_l("Enter a whole number, like 12, or leave it empty")))

    def offer(self, choices: LinkChoices, projects: list[tuple[int, str]]) -> None:
        """Fill in what can be chosen: links with their counts, and projects."""
        self.link_choices = choices
        self.themes.choices = [
            SelectChoice(c.id, theme_label(c.name, c.survey_title, c.people))
            for c in choices.themes
        ]
        self.surveys.choices = [
            SelectChoice(c.id, survey_label(c.name, c.people)) for c in choices.surveys
        ]
        self.sessions.choices = [
            SelectChoice(c.id, session_label(c.name, c.held_on, c.people)) for c in choices.sessions
        ]
        self.questions.choices = [
            SelectChoice(c.id, question_label(c.name, c.survey_title, c.people))
            for c in choices.questions
        ]
        self.project.choices = [SelectChoice("", str(_l("No project")))] + [
            SelectChoice(str(i), name) for i, name in projects
        ]

    def draft(self, main_language: str = "en") -> UpdateDraft:
        """What was typed, as the services take it."""
        links = [(LinkKind.THEME, i) for i in self.themes.data or []]
        links += [(LinkKind.SURVEY, i) for i in self.surveys.data or []]
        links += [(LinkKind.SESSION, i) for i in self.sessions.data or []]
        links += [(LinkKind.QUESTION, i) for i in self.questions.data or []]
        raw_count = (self.people_count.data or "").replace(",", "").strip()
        return UpdateDraft(
            said=self.said.data or "",
            body=self.body.data or "",
            status=UpdateStatus(self.status.data),
            reason=self.reason.data or "",
            people_count=int(raw_count) if raw_count else None,
            project_id=int(self.project.data) if self.project.data else None,
            main_language=main_language,
            links=links,
        )


class NewUpdateForm(UpdateForm):
    main_language = main_language_field()
    form_key = HiddenField()


class EditUpdateForm(UpdateForm):
    version = HiddenField()


def theme_label(name: str, survey: str, people: int) -> str:
    return ngettext(
        "%(theme)s, from “%(survey)s”: %(num)d person",
        "%(theme)s, from “%(survey)s”: %(num)d people",
        people,
        theme=name,
        survey=survey,
    )


def question_label(text: str, survey: str, people: int) -> str:
    return ngettext(
        "“%(question)s”, from “%(survey)s”: %(num)d person answered",
        "“%(question)s”, from “%(survey)s”: %(num)d people answered",
        people,
        question=text,
        survey=survey,
    )


def survey_label(title: str, people: int) -> str:
    return ngettext(
        "“%(survey)s”: %(num)d person answered",
        "“%(survey)s”: %(num)d people answered",
        people,
        survey=title,
    )


def session_label(title: str, held_on: Any, people: int) -> str:
    return ngettext(
        "%(session)s, %(date)s: %(num)d person came",
        "%(session)s, %(date)s: %(num)d people came",
        people,
        session=title,
        date=format_date(held_on, "d MMMM y") if held_on else "",
    )


class StatusForm(Form):
    status = _status_field()
    reason = _reason_field()

    def validate_reason(self, field: Field) -> None:
        _check_reason(self, field)


class UnpublishForm(Form):
    reason = TextAreaField(
        _l("Why are you taking it down?"),
        validators=[
            DataRequired(_l("Say why this update is being taken down")),
            _too_long(REASON_LIMIT),
        ],
        filters=[clean],
    )


class ButtonForm(Form):
    """A form that is only a button (publish): its security token is all it carries."""


PIECE_LIMITS = {"said": SAID_LIMIT, "body": BODY_LIMIT, "reason": REASON_LIMIT}
