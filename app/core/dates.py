"""Reading a date typed the British way: 31/3/2026, 31-03-2026, 31.3.2026 or 2026-03-31.

People copy the date off a receipt or from their phone, which shows dd/mm/yyyy; digits may come
from an Arabic, Urdu or Bengali keyboard. The day always comes first: 2/12/2026 is 2 December.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.widgets import DateInput

from app.core.numbers import plain_digits

DATE_MESSAGE = _l("Enter a real date with the day first, like 31/3/2026")
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
# Direction marks an Arabic keyboard or a copied Arabic date can carry between the numbers.
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))


def parse_typed_date(text: str | None) -> date | None:
    """The day typed, day first (or year first with dashes), else None."""
    raw = plain_digits((text or "").translate(_MARKS)).strip()
    if match := _YEAR_FIRST.fullmatch(raw):
        year, month, day = match.groups()
    elif match := _DAY_FIRST.fullmatch(raw):
        day, _separator, month, year = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def as_iso(text: str | None) -> str | None:
    """A WTForms filter: a date typed day first becomes 2026-03-31; anything else stays as typed.

    For forms whose date boxes are date pickers sending 2026-03-31, where a phone without a
    picker lets people type the date as they write it.
    """
    day = parse_typed_date(text)
    return day.isoformat() if day else text


def day_first(day: date) -> str:
    """A date written as people here type it: 31/3/2026."""
    return f"{day.day}/{day.month}/{day.year}"


class TypedDateField(StringField):
    """A text box for a date read by parse_typed_date; a wrong date is a plain message."""

    def __init__(self, label: Any = None, validators: Any = None, **kwargs: Any) -> None:
        super().__init__(label, validators, **kwargs)
        self.data: date | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = None
        typed = str(valuelist[0]) if valuelist else ""
        if not typed.strip():
            return
        self.data = parse_typed_date(typed)
        if self.data is None:
            raise ValueError(str(DATE_MESSAGE))

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return day_first(self.data) if isinstance(self.data, date) else ""


class PickedDateField(TypedDateField):
    """A date picker's box: it sends 2026-03-31, shown the reader's way by the browser; where a
    phone has no picker, a date typed day first is read as well."""

    widget = DateInput()

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return self.data.isoformat() if isinstance(self.data, date) else ""
