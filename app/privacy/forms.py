"""The retention periods form: whole numbers of days, each within its own limits."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms import StringField
from wtforms.validators import ValidationError

from app.core.numbers import plain_digits
from app.forms import Form
from app.forms import clean
from app.privacy.retention import PERIODS
from app.privacy.retention import Period


def days_of(raw: str | None) -> int | None:
    text = plain_digits(raw or "").replace(",", "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else None


class _InRange:
    def __init__(self, period: Period) -> None:
        self.period = period

    def __call__(self, _form: Form, field: Field) -> None:
        days = days_of(field.data)
        if days is None or not self.period.lowest() <= days <= self.period.most:
            raise ValidationError(
                _l(
                    "Enter a whole number of days from %(least)s to %(most)s",
                    least=self.period.lowest(),
                    most=self.period.most,
                )
            )


class RetentionForm(Form):
    def days(self) -> dict[str, int]:
        return {p.key: days_of(self[p.key].data) or p.default for p in PERIODS}


for _period in PERIODS:
    setattr(
        RetentionForm,
        _period.key,
        StringField(
            _period.label,
            validators=[_InRange(_period)],
            filters=[clean],
            render_kw={"inputmode": "numeric", "dir": "ltr"},
        ),
    )
