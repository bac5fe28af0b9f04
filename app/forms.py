"""The base every WithUs form builds on: plain messages for a stale or missing security token."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm


class Form(FlaskForm):
    """A form whose security-token failure reads as plain words and keeps what was typed."""

    class Meta:
        csrf_field_name = "csrf_token"

    def validate(self, extra_validators=None) -> bool:  # type: ignore[no-untyped-def]
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [str(CSRF_MESSAGE)]
        return valid

    @property
    def field_errors(self) -> list[tuple[str, str]]:
        """(field id, message) pairs for the error summary, in the order the fields appear."""
        pairs: list[tuple[str, str]] = []
        for field in self:
            for message in field.errors:
                target = "main-content" if field.type == "CSRFTokenField" else field.id
                pairs.append((target, str(message)))
        return pairs


CSRF_MESSAGE = _l(
    "This page was open for a long time, or was sent from somewhere else. "
    "Check what you entered and press the button again."
)
