"""Forms for typing in a paper form, and for correcting or withdrawing one typed in by mistake.

Validation only: nothing here writes. The language and consent-words choices depend on the
survey, so the views fill them in with `offer` before validating.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone
from wtforms import BooleanField
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import ValidationError as Invalid

from app.core.dates import DATE_MESSAGE
from app.core.dates import TypedDateField
from app.db import utcnow
from app.forms import Form
from app.forms import choice_field
from app.forms import text_field
from app.i18n import BY_CODE
from app.surveys.builder.wordings import Wording
from app.surveys.models import CHANNEL_NAMES
from app.surveys.models import Channel

FIRST_YEAR = 2000
REASON_LIMIT = 500


def charity_today() -> date:
    return to_user_timezone(utcnow()).date()


def written_date(_form: Form, field: Field) -> None:
    """A date a real form could carry: not after today, not before the year 2000."""
    if field.data is None:
        return
    today = charity_today()
    if field.data > today:
        raise Invalid(
            _(
                "The date on the form cannot be after today, %(today)s. Check the date and type "
                "it again, or leave it empty if the form has no date.",
                today=format_date(today, "long"),
            )
        )
    if field.data.year < FIRST_YEAR:
        raise Invalid(str(DATE_MESSAGE))


CHANNELS = [
    SelectChoice(channel.value, CHANNEL_NAMES[channel])
    for channel in (Channel.PAPER, Channel.PHONE, Channel.INTERVIEW)
]


class FormFacts(Form):
    """What the form itself says: how it came, its language, its date and its consent words."""

    channel = choice_field(
        _l("How did you get these answers?"), CHANNELS, _l("Choose how you got these answers")
    )
    language = RadioField(
        _l("Which language is the form in?"),
        invalid_choice_message=_l("Choose one of the survey's languages"),
    )
    answered_on = TypedDateField(
        _l("Date written on the form (optional)"),
        validators=[written_date],
    )
    consent_version = RadioField(
        _l("Which words did they agree to?"),
        invalid_choice_message=_l("Choose one of the versions shown"),
    )

    def offer(self, languages: Sequence[str], wordings: Sequence[Wording]) -> None:
        """Only the survey's own languages and consent versions can be chosen."""
        self.language.choices = [
            SelectChoice(code, BY_CODE[code].name if code in BY_CODE else code)
            for code in languages
        ]
        self.consent_version.choices = [
            SelectChoice(str(w.version), version_label(w)) for w in wordings
        ]
        # A survey that asks no consent has no words to choose: whatever comes is ignored.
        self.consent_version.validate_choice = bool(wordings)


def version_label(wording: Wording) -> str:
    if wording.current:
        return _("Version %(version)d: the words used now", version=wording.version)
    if wording.replaced_at:
        return _(
            "Version %(version)d: used until %(date)s",
            version=wording.version,
            date=format_date(to_user_timezone(wording.replaced_at), "long"),
        )
    return _("Version %(version)d: older words", version=wording.version)


class PaperEntryForm(FormFacts):
    respondent_name = text_field(
        _l("Their name (optional)"),
        most=200,
        too_long=_l("The name must be 200 characters or fewer"),
    )
    agreed = BooleanField(_l("They agreed to take part"))
    skipped = RadioField(
        _l("What should happen to the answers to skipped questions?"),
        choices=[
            SelectChoice("keep", _l("Keep them as a note on this response")),
            SelectChoice("drop", _l("Leave them out: they are not saved")),
        ],
        validate_choice=False,  # checked by the view, and only when something was skipped
    )
    form_key = HiddenField()


def reason_field(label: str, missing: str) -> TextAreaField:
    return text_field(
        label,
        required=missing,
        most=REASON_LIMIT,
        too_long=_l("This must be %(num)d characters or fewer", num=REASON_LIMIT),
        kind=TextAreaField,
    )


class CorrectionForm(FormFacts):
    reason = reason_field(
        _l("Why are you changing it?"),
        _l("Say why you are changing it, like “the form is in Welsh”"),
    )
    form_key = HiddenField()


class WithdrawalForm(Form):
    reason = reason_field(
        _l("Why are you withdrawing it?"),
        _l("Say why you are withdrawing it, like “typed in twice”"),
    )
    form_key = HiddenField()
