"""Forms for participants' details and preferences, and for signing in. Validation only."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import Email
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Regexp
from wtforms.validators import ValidationError as Invalid

from app.forms import Form
from app.forms import clean
from app.forms import code_field
from app.forms import text_field
from app.i18n import LANGUAGES
from app.people.models import ACCESS_NEEDS
from app.people.models import BENEFITS
from app.people.models import CONTACT_WAYS
from app.people.models import PaymentPreference

CONTACT_WAY_WORDS = {
    "email": _l("Email"),
    "text": _l("Text message"),
    "phone": _l("Phone call"),
    "post": _l("Letter by post"),
}
ACCESS_NEED_WORDS = {
    "interpreter": _l("An interpreter"),
    "bsl": _l("A British Sign Language (BSL) interpreter"),
    "step_free": _l("Step-free access, with no stairs"),
    "large_print": _l("Large print"),
    "hearing_loop": _l("A hearing loop"),
    "childcare": _l("Childcare"),
    "companion": _l("Someone to come with me"),
    "other": _l("Something else"),
}
# The same needs in the words a participant reads on their own pages: no "interpreter".
MY_ACCESS_NEED_WORDS = {
    **ACCESS_NEED_WORDS,
    "interpreter": _l("Someone to say what people say in my language"),
    "bsl": _l("Someone to sign what people say in British Sign Language (BSL)"),
}
PAYMENT_WORDS = {
    PaymentPreference.BANK_TRANSFER: _l("Bank transfer"),
    PaymentPreference.VOUCHER: _l("Voucher"),
    PaymentPreference.CASH: _l("Cash"),
    PaymentPreference.EXPENSES_ONLY: _l("Only pay back my costs, not my time"),
    PaymentPreference.DECLINE: _l("I do not want to be paid"),
    PaymentPreference.CHARITY: _l("Give my payment to a charity"),
}
BENEFIT_WORDS = {
    "universal_credit": _l("Universal Credit"),
    "pip": _l("Personal Independence Payment (PIP)"),
    "esa": _l("Employment and Support Allowance (ESA)"),
    "carers_allowance": _l("Carer's Allowance"),
    "housing_benefit": _l("Housing Benefit"),
    "pension_credit": _l("Pension Credit"),
    "other": _l("Another benefit"),
}
YES_NO = {"yes": _l("Yes"), "no": _l("No")}


def _choices(words: dict[str, Any]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in words.items()]


class MultiCheckboxField(SelectMultipleField):
    """Choose all that apply; a value that is not one of the choices gets a plain message."""

    def pre_validate(self, form: Any) -> None:
        allowed = {choice.value for choice in self.choices}
        if any(value not in allowed for value in self.data or []):
            raise Invalid(_l("Choose from the list"))


def _needs_field(words: dict[str, Any]) -> MultiCheckboxField:
    return MultiCheckboxField(_l("What do you need to take part?"), choices=_choices(words))


def _language_field(label: Any) -> StringField:
    too_long = Length(max=60, message=_l("Use 60 characters or fewer"))
    return StringField(label, filters=[clean], validators=[too_long])


class PreferencesForm(Form):
    """What a participant may change about themselves at /me/preferences."""

    preferred_language = RadioField(
        _l("Which language do you want us to use?"),
        choices=[SelectChoice(language.code, language.name) for language in LANGUAGES],
        validators=[InputRequired(_l("Choose a language"))],
    )
    contact_ways = MultiCheckboxField(
        _l("How can we contact you?"), choices=_choices(CONTACT_WAY_WORDS)
    )
    hear_back = RadioField(
        _l("Do you want us to tell you what changed because of what you said?"),
        choices=_choices(YES_NO),
        validators=[InputRequired(_l("Choose yes or no"))],
    )
    access_needs = _needs_field(ACCESS_NEED_WORDS)
    interpreter_language = _language_field(_l("Which language should the interpreter speak?"))
    need_language = _l("Say which language the interpreter should speak")
    access_other = text_field(_l("Tell us anything else you need"), most=1000, kind=TextAreaField)
    payment_preference = RadioField(
        _l("How do you want to be paid?"),
        choices=_choices({kind.value: words for kind, words in PAYMENT_WORDS.items()}),
        validators=[InputRequired(_l("Choose how you want to be paid"))],
    )

    def validate_interpreter_language(self, field: Field) -> None:
        if "interpreter" in (self.access_needs.data or []) and not field.data:
            raise Invalid(self.need_language)

    def details(self) -> dict[str, Any]:
        """The answers as the participant's fields, keeping only what goes with each choice."""
        needs = [need for need in ACCESS_NEEDS if need in (self.access_needs.data or [])]
        return {
            "preferred_language": self.preferred_language.data,
            "contact_ways": [way for way in CONTACT_WAYS if way in (self.contact_ways.data or [])],
            "hear_back": self.hear_back.data == "yes",
            "access_needs": needs,
            "interpreter_language": self.interpreter_language.data
            if "interpreter" in needs
            else "",
            "access_other": self.access_other.data if "other" in needs else "",
            "payment_preference": PaymentPreference(self.payment_preference.data),
        }


class MyPreferencesForm(PreferencesForm):
    """The participant's own choices at /me/preferences, in words a child would know."""

    access_needs = _needs_field(MY_ACCESS_NEED_WORDS)
    interpreter_language = _language_field(_l("Which language do you need?"))
    need_language = _l("Say which language you need")
    paused = RadioField(
        _l("Do you want to take a break from taking part?"),
        choices=_choices(
            {"no": _l("No, I am taking part"), "yes": _l("Yes, do not contact me for now")}
        ),
        validators=[InputRequired(_l("Choose if you want to take a break"))],
    )


class ParticipantForm(PreferencesForm):
    """Everything staff record about a participant."""

    name = text_field(_l("Name"), required=_l("Enter the name they want us to use"), most=120)
    email = text_field(
        _l("Email address (optional)"),
        optional=True,
        most=254,
        also=[Email(_l("Enter an email address like name@example.com"))],
        kind=EmailField,
        render_kw={"spellcheck": "false", "dir": "ltr", "autocomplete": "off"},
    )
    phone = text_field(
        _l("Phone number (optional)"),
        optional=True,
        most=40,
        also=[Regexp("^[0-9 +()-]+$", message=_l("Use only numbers, spaces and + ( ) -"))],
        render_kw={"dir": "ltr", "autocomplete": "off"},
    )
    receives_benefits = RadioField(
        _l("Do they get any benefits?"),
        choices=_choices(YES_NO),
        validators=[InputRequired(_l("Choose yes or no"))],
    )
    benefits = MultiCheckboxField(_l("Which benefits?"), choices=_choices(BENEFIT_WORDS))
    form_key = HiddenField()

    def validate_contact_ways(self, field: Field) -> None:
        ways = field.data or []
        if "email" in ways and not self.email.data:
            raise Invalid(_l("Add an email address, or untick email"))
        if ("text" in ways or "phone" in ways) and not self.phone.data:
            raise Invalid(_l("Add a phone number, or untick text message and phone call"))

    def details(self) -> dict[str, Any]:
        benefits = self.receives_benefits.data == "yes"
        chosen = self.benefits.data or []
        return {
            **super().details(),
            "name": self.name.data,
            "email": (self.email.data or "").lower() or None,
            "phone": self.phone.data or None,
            "receives_benefits": benefits,
            # Nothing about benefits is kept unless the person said they get them.
            "benefits": [kind for kind in BENEFITS if kind in chosen] if benefits else [],
        }


class PauseForm(Form):
    paused = HiddenField(validators=[InputRequired(), Regexp(r"^(yes|no)$")])


class ButtonForm(Form):
    """Only a button and its token."""


class CardCodeForm(Form):
    code = code_field(
        _l("The code on your card"), _l("Enter the code from your card"), 100, autocomplete="off"
    )


class EmailForm(Form):
    email = text_field(
        _l("Email address"),
        required=_l("Enter your email address"),
        most=254,
        also=[Email(_l("Enter an email address like name@example.com"))],
        kind=EmailField,
        render_kw={"autocomplete": "email", "spellcheck": "false", "dir": "ltr"},
    )


def _email_code_field() -> StringField:
    return code_field(
        _l("The 6-digit code from the email"),
        _l("Enter the 6-digit code"),
        100,
        autocomplete="one-time-code",
        inputmode="numeric",
    )


class EmailCodeForm(EmailForm):
    code = _email_code_field()


class LinkForm(Form):
    """The emailed link's page: the link names which code (c), the person types the code."""

    c = HiddenField()
    code = _email_code_field()


def _words(values: list[str], words: dict) -> str:
    """The chosen values in words; empty when none was chosen, for the caller to say so."""
    return ", ".join(str(words[value]) for value in values if value in words)


def describe_person(person: Any, staff: bool) -> list[tuple[str, str]]:
    """(question, answer) pairs in words, for the staff view and the participant's own pages.

    The participant's own page uses plainer words, and never shows "None"."""
    none = _l("Not given") if staff else _l("Nothing yet")
    needs = _words(person.access_needs or [], ACCESS_NEED_WORDS if staff else MY_ACCESS_NEED_WORDS)
    rows = [
        (_l("Name"), person.name),
        (_l("Reference"), person.reference),
        (_l("Email address"), person.email or none),
        (_l("Phone number"), person.phone or none),
        (_l("Language"), _language_name(person.preferred_language)),
        (
            _l("How we contact them") if staff else _l("How we contact you"),
            _words(person.contact_ways or [], CONTACT_WAY_WORDS) or none,
        ),
        (
            _l("Tell them what changed") if staff else _l("Tell me what changed"),
            _l("Yes") if person.hear_back else _l("No"),
        ),
        (_l("Access needs") if staff else _l("What you need to take part"), needs or none),
    ]
    if "interpreter" in (person.access_needs or []):
        language = _l("Interpreter language") if staff else _l("Language you need")
        rows.append((language, person.interpreter_language or none))
    if "other" in (person.access_needs or []):
        rows.append((_l("Other needs"), person.access_other or none))
    rows.append((_l("Payment"), PAYMENT_WORDS[person.payment_preference]))
    rows.append((_l("Gets benefits"), _l("Yes") if person.receives_benefits else _l("No")))
    if person.receives_benefits:
        rows.append((_l("Benefits"), _words(person.benefits or [], BENEFIT_WORDS) or none))
    rows.append((_l("Taking a break"), _l("Yes") if person.paused else _l("No")))
    return [(str(key), str(value)) for key, value in rows]


def _language_name(code: str) -> str:
    return next((language.name for language in LANGUAGES if language.code == code), code)
