"""Forms for the rate card, thresholds and logging a session. Validation only: nothing writes.

Numbers, money and dates are typed as text so that every message is our own plain words.
"""

from __future__ import annotations

import re
from datetime import date
from datetime import timedelta
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import Optional
from wtforms.validators import ValidationError as Invalid

from app.core.dates import DATE_MESSAGE
from app.core.dates import as_iso
from app.core.numbers import plain_digits
from app.core.numbers import positive_ints
from app.forms import Form
from app.forms import clean
from app.forms import text_field
from app.ledger.models import ROLE_NAMES
from app.ledger.models import AttendanceRole
from app.ledger.models import RateBasis
from app.ledger.money import MoneyError
from app.ledger.money import parse_pence
from app.ledger.rates import ACTIVITY_NAMES
from app.ledger.rates import BASIS_NAMES
from app.ledger.rates import HALF_DAY_MINUTES
from app.ledger.thresholds import PERIOD_NAMES
from app.people.forms import BENEFIT_WORDS
from app.people.models import Participant

EARLIEST = date(2000, 1, 1)
MAX_RATE_PENCE = 100_000  # the database's own limit on one rate
_HOURS = re.compile(r"\d{1,6}(\.\d{1,2})?|\.\d{1,2}")
_CLOCK = re.compile(r"(\d{1,2}):([0-5]\d)")


def parse_day(text: str | None, latest: date) -> date:
    """An ISO date from 2000 up to `latest` (see as_iso), or ValueError with a plain message."""
    try:
        day = date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValueError(str(DATE_MESSAGE)) from None
    if day < EARLIEST:
        raise ValueError(str(_l("Enter a date in the year 2000 or later.")))
    if day > latest:
        raise ValueError(str(_l("Enter a date no later than %(day)s.", day=latest.isoformat())))
    return day


def parse_minutes(text: str | None) -> int:
    """'2', '1.5' or '1:30' hours to whole minutes, from 1 minute to 24 hours."""
    raw = plain_digits(text or "").strip().replace(",", ".")
    clock = _CLOCK.fullmatch(raw)
    if raw.startswith("-"):
        raise ValueError(str(_l("Enter how long it was as a number of hours more than 0.")))
    if clock:
        minutes = Decimal(int(clock.group(1)) * 60 + int(clock.group(2)))
    elif _HOURS.fullmatch(raw):
        minutes = Decimal(raw) * 60
    else:
        raise ValueError(str(_l("Enter how long it was in hours, like 2 or 1.5")))
    if minutes != minutes.to_integral_value():
        raise ValueError(str(_l("Enter hours that make whole minutes, like 1.5 or 1.25")))
    if minutes < 1:
        raise ValueError(str(_l("Enter how long it was as a number of hours more than 0.")))
    if minutes > 24 * 60:
        raise ValueError(str(_l("A session cannot be longer than 24 hours.")))
    return int(minutes)


class Money:
    """A money field: blank allowed unless required."""

    def __init__(self, required: bool = False) -> None:
        self.required = required

    def __call__(self, form: Form, field: Field) -> None:
        if not (field.data or "").strip() and not self.required:
            return
        try:
            parse_pence(field.data)
        except MoneyError as problem:
            raise Invalid(str(problem)) from None


class Day:
    def __init__(self, years_ahead: int = 2) -> None:
        self.years_ahead = years_ahead

    def __call__(self, form: Form, field: Field) -> None:
        try:
            parse_day(field.data, date.today() + timedelta(days=366 * self.years_ahead))
        except ValueError as problem:
            raise Invalid(str(problem)) from None


def one_of(choices: dict, message: Any) -> Any:
    def check(form: Form, field: Field) -> None:
        if field.data not in {str(key) for key in choices}:
            raise Invalid(str(message))

    return check


def _options(names: dict) -> list[SelectChoice]:
    return [SelectChoice(key.value, label) for key, label in names.items()]


ACTIVITY_MESSAGE = _l("Choose what kind of session it is.")


def _activity_field() -> SelectField:
    """The kind of session, as both the rate card and a session ask for it."""
    return SelectField(
        _l("Kind of session"),
        choices=_options(ACTIVITY_NAMES),
        validate_choice=False,
        validators=[one_of(ACTIVITY_NAMES, ACTIVITY_MESSAGE)],
    )


def _basis_field(label: str, message: str) -> RadioField:
    """How a session is paid (per hour, per session…), worded for the page that asks."""
    return RadioField(
        label,
        choices=_options(BASIS_NAMES),
        validate_choice=False,
        validators=[one_of(BASIS_NAMES, message)],
    )


class RateForm(Form):
    activity = _activity_field()
    basis = _basis_field(_l("How it is paid"), _l("Choose how it is paid."))
    amount = StringField(_l("Amount in pounds"), validators=[Money(required=True)])
    effective_from = StringField(_l("Paid at this rate from"), filters=[as_iso], validators=[Day()])

    def validate_amount(self, field: Field) -> None:
        if not field.errors and amount_of(field) > MAX_RATE_PENCE:
            raise Invalid(str(_l("Enter a rate of £1,000 or less.")))


class ThresholdForm(Form):
    name = text_field(
        _l("Name of the limit"), required=_l("Enter the name of the limit."), most=120
    )
    period = RadioField(
        _l("The limit is for"),
        choices=_options(PERIOD_NAMES),
        validate_choice=False,
        validators=[one_of(PERIOD_NAMES, _l("Choose the period the limit is for."))],
    )
    benefit = RadioField(
        _l("Which benefit is this limit for?"),
        choices=[SelectChoice("", _l("Any benefit"))]
        + [SelectChoice(key, words) for key, words in BENEFIT_WORDS.items()],
        default="",
        validate_choice=False,
        validators=[Optional()],
    )
    amount = StringField(_l("Amount in pounds"), validators=[Money(required=True)])
    effective_from = StringField(_l("The limit applies from"), filters=[as_iso], validators=[Day()])
    source = text_field(
        _l("Where the figure comes from"),
        required=_l("Say where the figure comes from, so others can check it."),
        most=2000,
        kind=TextAreaField,
    )

    def validate_amount(self, field: Field) -> None:
        if not field.errors and amount_of(field) == 0:
            raise Invalid(str(_l("Enter a limit of more than £0.")))

    def validate_benefit(self, field: Field) -> None:
        if field.data and field.data not in BENEFIT_WORDS:
            raise Invalid(str(_l("Choose one of the benefits shown.")))


class PeriodForm(Form):
    """The dates a statement covers, sent in the address (no token: it changes nothing)."""

    class Meta:
        csrf = False

    start = StringField(_l("From"), filters=[as_iso], validators=[Day(years_ahead=1)])
    end = StringField(_l("To"), filters=[as_iso], validators=[Day(years_ahead=1)])

    def validate_end(self, field: Field) -> None:
        if self.start.errors or field.errors:
            return
        if date.fromisoformat(field.data.strip()) < date.fromisoformat(self.start.data.strip()):
            raise Invalid(str(_l("The end date must be on or after the start date.")))


def amount_of(field: Field) -> int:
    """Pence from a money field that has passed validation; 0 when left blank."""
    return parse_pence(field.data) if (field.data or "").strip() else 0


def half_day_too_long(basis: str, minutes: int) -> bool:
    return basis == RateBasis.HALF_DAY.value and minutes > HALF_DAY_MINUTES


UNTICKED_COSTS = _l(
    "You entered costs for someone who is not ticked. Tick them, or clear the costs."
)


class SessionForm(Form):
    """Logging a session. Each person gets role, travel and care fields from `session_form`."""

    form_key = HiddenField()
    title = text_field(
        _l("Name of the session"), required=_l("Enter a name for the session."), most=200
    )
    held_on = StringField(
        _l("Date of the session"), filters=[as_iso], validators=[Day(years_ahead=1)]
    )
    hours = StringField(_l("How long it was, in hours"))
    activity = _activity_field()
    basis = RadioField(
        _l("How people are paid for it"),
        choices=[SelectChoice("", _l("As the rate card says")), *_options(BASIS_NAMES)],
        default="",
        validate_choice=False,
        validators=[one_of({"": "", **BASIS_NAMES}, _l("Choose how people are paid for it."))],
    )
    project = SelectField(_l("Project"), validate_choice=False)
    new_project = text_field(_l("Or start a new project with this name"), most=120)
    find = StringField(_l("Find people by name"), filters=[clean])
    people: list[Participant] = []
    project_ids: set[str] = set()

    def shown_people(self) -> list[Participant]:
        """The people the page lists: those whose name or reference has the words typed in
        "Find", and everyone already ticked, so finding never loses a tick."""
        wanted = (self.find.data or "").casefold().strip()
        if not wanted:
            return self.people
        ticked = set(self.chosen_ids())
        return [
            person
            for person in self.people
            if person.id in ticked
            or wanted in person.name.casefold()
            or wanted in person.reference.casefold()
        ]

    def differs(self) -> bool:
        """Whether any role or cost was changed from "taking part, no costs", or is wrong."""
        for person in self.people:
            role, travel, care = (self[f"{k}_{person.id}"] for k in ("role", "travel", "care"))
            if role.errors or travel.errors or care.errors:
                return True
            if role.data != AttendanceRole.TAKING_PART.value or travel.data or care.data:
                return True
        return False

    def validate_hours(self, field: Field) -> None:
        try:
            minutes = parse_minutes(field.data)
        except ValueError as problem:
            raise Invalid(str(problem)) from None
        if half_day_too_long(self.basis.data or "", minutes):
            raise Invalid(str(_l("A half day is up to 4 hours. Choose another way to pay.")))

    def validate_project(self, field: Field) -> None:
        if field.data not in {"", *self.project_ids}:
            raise Invalid(str(_l("Choose a project from the list.")))

    attendees = SelectMultipleField(_l("Who came"), coerce=str, validate_choice=False)

    def chosen_ids(self) -> list[int]:
        """The ticked people, ignoring anything that is not one of them."""
        known = {person.id for person in self.people}
        picked = set(positive_ints(self.attendees.data or []))
        return sorted(picked & known)

    def validate_attendees(self, field: Field) -> None:
        if not self.chosen_ids():
            raise Invalid(str(_l("Tick each person who came. Tick at least one.")))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        chosen = set(self.chosen_ids())
        for person in self.people:
            if person.id in chosen:
                continue
            for kind in ("travel", "care"):
                field = self[f"{kind}_{person.id}"]
                if (field.data or "").strip() and not field.errors:
                    field.errors = [*field.errors, str(UNTICKED_COSTS)]
                    valid = False
        return valid

    def error_target(self, field: Field) -> str:
        if field.name == "attendees":
            shown = self.shown_people()
            return f"attendees-{shown[0].id}" if shown else "find"
        return super().error_target(field)


def session_form(
    people: list[Participant], projects: list[tuple[int, str]], **kwargs: Any
) -> SessionForm:
    """A SessionForm with role, travel and care fields for each person who could attend."""
    extra: dict[str, Field] = {"people": people}
    for person in people:
        extra[f"role_{person.id}"] = SelectField(
            _l("Role of %(name)s", name=person.name),
            choices=_options(ROLE_NAMES),
            default=AttendanceRole.TAKING_PART.value,
            validate_choice=False,
            validators=[one_of(ROLE_NAMES, _l("Choose a role from the list."))],
        )
        extra[f"travel_{person.id}"] = StringField(
            _l("Travel costs for %(name)s, in pounds", name=person.name), validators=[Money()]
        )
        extra[f"care_{person.id}"] = StringField(
            _l("Care costs for %(name)s, in pounds", name=person.name), validators=[Money()]
        )
    form = type("PeopleSessionForm", (SessionForm,), extra)(**kwargs)
    form.project.choices = [
        SelectChoice("", _l("No project")),
        *(SelectChoice(str(i), name) for i, name in projects),
    ]
    form.project_ids = {str(i) for i, _name in projects}
    return form
