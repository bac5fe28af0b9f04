"""Money at the edge: typed amounts to integer pence, and pence to words people read.

Everything inside the app is integer pence. Parsing uses Decimal so "4.80" is 480 exactly,
and anything that is not a whole number of pence is refused rather than rounded.
"""

from __future__ import annotations

import re
from decimal import Decimal
from decimal import InvalidOperation

from babel.numbers import format_currency as babel_currency
from flask_babel import format_currency
from flask_babel import get_locale
from flask_babel import gettext as _

from app.core.numbers import plain_digits

MAX_PENCE = 1_000_000  # £10,000: more than any one amount a small charity pays a person
_AMOUNT = re.compile(r"\d{1,7}(\.\d{1,10})?|\.\d{1,10}")


class MoneyError(ValueError):
    """The typed amount cannot be used; the message says why in plain words."""


_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def parse_pence(text: str | None) -> int:
    """'£4.80', '4.80' or '4' to pence (480, 480, 400); raise MoneyError otherwise."""
    raw = plain_digits(text or "").strip().replace("£", "").replace(" ", "")
    # "4,80" is how much of Europe writes £4.80; "1,000" is a thousand.
    raw = raw.replace(",", ".") if _DECIMAL_COMMA.fullmatch(raw) else raw.replace(",", "")
    if not raw:
        raise MoneyError(_("Enter an amount in pounds, like 4.80"))
    if raw.startswith("-"):
        raise MoneyError(_("Enter an amount of 0 or more. It cannot be less than nothing."))
    if len(raw) > 20 or not _AMOUNT.fullmatch(raw):
        raise MoneyError(_("Enter an amount in pounds and pence, like 4.80"))
    try:
        pence = Decimal(raw) * 100
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        raise MoneyError(_("Enter an amount in pounds and pence, like 4.80")) from None
    if pence != pence.to_integral_value():
        raise MoneyError(_("Enter pounds and pence only, like 4.80. There is no part of a penny."))
    if pence > MAX_PENCE:
        raise MoneyError(_("Enter an amount of £10,000 or less."))
    return int(pence)


RIGHT_TO_LEFT = frozenset({"ar", "ur"})


def format_pence(pence: int) -> str:
    """480 to '£4.80' in the reader's language; negative amounts keep their minus sign.

    In Arabic and Urdu the amount is written as in English ("£4.80", not "UK£ 4.80") and kept
    left to right inside the sentence (Unicode isolates), so a right-to-left line never turns it
    round: people compare it with their bank statement and receipts."""
    locale = get_locale()
    if locale is not None and locale.language in RIGHT_TO_LEFT:
        written = babel_currency(Decimal(pence) / 100, "GBP", locale="en_GB")
        return f"\u2066{written}\u2069"
    return format_currency(Decimal(pence) / 100, "GBP")


def pence_to_text(pence: int) -> str:
    """480 to '4.80', for putting an amount back into a form field."""
    return f"{Decimal(pence) / 100:.2f}"
