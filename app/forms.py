"""The base every WithUs form builds on: plain words for a stale security token, and error
summary links that land on an element of the page."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from functools import wraps
from typing import Any

from babel import support
from flask import abort
from flask import render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field
from wtforms import RadioField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms.i18n import messages_path
from wtforms.validators import DataRequired
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional

# Control characters nobody types on purpose; a pasted NUL also breaks PostgreSQL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(raw: str) -> str:
    """Keep what people wrote, minus control characters, in one Unicode form, trimmed."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", raw))
    return text.replace("\r\n", "\n").strip()


def clean(value: Any) -> Any:
    """A WTForms filter: clean_text for strings, anything else as it came."""
    return clean_text(value) if isinstance(value, str) else value


def text_field(
    label: Any,
    *,
    most: int,
    too_long: Any = None,
    required: Any = None,
    optional: bool = False,
    also: Sequence[Any] = (),
    kind: type[Field] = StringField,
    filters: Sequence[Any] = (clean,),
    **options: Any,
) -> Any:
    """A box for words, checked the one usual way: filled in (`required` is the message when it
    is not), or `optional` (the later checks skip an empty box), at most `most` characters (the
    `too_long` message, or the usual one), then any `also` checks. `kind` is StringField,
    TextAreaField or EmailField; `options` go to it as they are (render_kw, default...)."""
    checks: list[Any] = [DataRequired(required)] if required else [Optional()] if optional else []
    too_long = too_long or _l("Use %(num)d characters or fewer", num=most)
    checks += [Length(max=most, message=too_long), *also]
    return kind(label, filters=list(filters), validators=checks, **options)


def choice_field(label: Any, choices: Any, missing: Any) -> Any:
    """Radios where one must be chosen: `missing` says so, for no choice and for one that was
    never offered (a tampered form) alike."""
    return RadioField(
        label,
        choices=choices,
        validators=[InputRequired(missing)],
        invalid_choice_message=missing,
    )


def code_field(label: Any, required: Any, most: int, **render_kw: str) -> Any:
    """A box for a code typed from a card, an email or a slip of paper: kept exactly as typed,
    never spell-checked, always left to right (codes are Latin letters and digits)."""
    return text_field(
        label,
        required=required,
        most=most,
        too_long=_l("That code is too long"),
        filters=(),
        render_kw={"spellcheck": "false", "dir": "ltr", **render_kw},
    )


@lru_cache(maxsize=16)
def wtforms_words(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """A form whose security-token failure reads as plain words and keeps what was typed, and
    whose error summary links each problem to its field."""

    class Meta:
        csrf_field_name = "csrf_token"

        def get_translations(self, form: Any) -> Any:  # noqa: ARG002
            """WTForms's own messages in the page's language, read from disk once per language.

            Flask-WTF would parse the catalogue afresh for every request that builds a form.
            """
            return wtforms_words(str(get_locale() or "en"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [str(CSRF_MESSAGE)]
        return valid

    @property
    def field_errors(self) -> list[tuple[str, str]]:
        """(element id, message) pairs for the error summary, in the order the fields appear."""
        return summary_errors(self)

    @property
    def http_status(self) -> int:
        """The status of a page that shows this form: 400 when it has problems to put right."""
        return 400 if self.errors else 200

    def error_target(self, field: Field) -> str:
        """The id of the element an error link goes to: one that is really on the page.

        A group of radios or tick boxes has no element of its own with the field's id, so the
        link goes to its first choice (the components render them as <id>-0, <id>-1, ...).
        """
        if field.type in ("CSRFTokenField", "HiddenField"):
            return "main-content"
        if isinstance(field, RadioField | SelectMultipleField):
            # With no choices the group is not drawn at all: the page's main content is there.
            return f"{field.id}-0" if field.choices else "main-content"
        return field.id


def summary_errors(*forms: Form) -> list[tuple[str, str]]:
    """The one rule for an error summary, over every form on a page: (element id, message)
    pairs in the order the fields appear, then the problems of each form as a whole."""
    found = [
        (form, field, str(message)) for form in forms for field in form for message in field.errors
    ]
    # The same words for two fields (a cost for each of two people, say) would not tell
    # which is which: then each says whose it is, by its label.
    said = Counter(message for _form, _field, message in found)
    pairs = [
        (
            form.error_target(field),
            _("%(field)s: %(problem)s", field=field.label.text, problem=message)
            if said[message] > 1 and field.label.text
            else message,
        )
        for form, field, message in found
    ]
    return pairs + [
        ("main-content", str(message)) for form in forms for message in form.form_errors
    ]


@dataclass(frozen=True)
class ErrorSummary:
    """The error summary of a page whose problems come from several forms: the templates' `form`."""

    field_errors: list[tuple[str, str]]

    @property
    def errors(self) -> bool:
        return bool(self.field_errors)

    @property
    def http_status(self) -> int:
        return 400 if self.errors else 200

    @classmethod
    def of(cls, *forms: Form, also: Iterable[tuple[str, str]] = ()) -> ErrorSummary:
        """The problems of these forms, then also those (link target, message) of the page's
        own: a target is an element id on the page, or a link elsewhere with its #fragment."""
        return cls(summary_errors(*forms) + list(also))


CSRF_MESSAGE = _l(
    "This page was open for a long time, or was sent from somewhere else. "
    "Check what you entered and press the button again."
)


def needs_token(view: Any) -> Any:
    """For a button that only posts its security token (remove, pause, turn off): a missing or
    stale token is a 400 before the view runs. Put it below the route's role check."""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not Form().validate_on_submit():
            abort(400)
        return view(*args, **kwargs)

    return checked


def form_page(template: str, form: Any, **context: Any) -> tuple[str, int]:
    """A page showing a form (or an ErrorSummary) as `form`: 400 while it has problems to put
    right, so a browser, a test or a log sees the refusal; 200 otherwise."""
    return render_template(template, form=form, **context), form.http_status
