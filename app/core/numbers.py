"""Reading whole numbers people (or anything else) put in addresses and forms.

`str.isdigit()` and `int()` accept far more than 0-9: "²" passes isdigit() but int() refuses it,
"٣" is 3 to int(), and a 30-digit id overflows the database's integer. Only ASCII digits, within
the range the database can hold, are numbers here; anything else is "not given".
"""

from __future__ import annotations

import unicodedata

LARGEST_ID = 2**31 - 1  # PostgreSQL's INTEGER, and far below SQLite's 64-bit limit


# The Arabic decimal and thousands separators, as Arabic and Urdu keyboards type them.
_SEPARATORS = {"\u066b": ".", "\u066c": ","}


def plain_digits(typed: str) -> str:
    """What a person typed, with every decimal digit as its ASCII digit.

    Phones with Arabic, Urdu or Bengali keyboards type "٣", "۳" or "৩" for 3; a code or number
    typed that way is the same code or number. Only true decimal digits change: "²" is not one,
    so it stays, and is refused wherever a number is read.
    """
    out = []
    for ch in typed:
        if ch.isascii():
            out.append(ch)
            continue
        value = unicodedata.decimal(ch, None)
        out.append(str(value) if value is not None else _SEPARATORS.get(ch, ch))
    return "".join(out)


def positive_int(raw: object, largest: int = LARGEST_ID) -> int | None:
    """The whole number 1..largest that raw spells in ASCII digits, else None."""
    if not isinstance(raw, str) or not raw or len(raw) > len(str(largest)):
        return None
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 0 < value <= largest else None


def positive_ints(values: list[str], largest: int = LARGEST_ID) -> list[int]:
    """Each value that is a whole number 1..largest, in order, others dropped."""
    found = (positive_int(value, largest) for value in values)
    return [number for number in found if number is not None]


def id_value(raw: object) -> int:
    """A coerce= for form fields of ids: a plain id, or ValueError (which WTForms reports)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= LARGEST_ID:
        return raw
    number = positive_int(raw)
    if number is None:
        raise ValueError("not an id")
    return number


def page_number(raw: object, last_page: int = 10**6) -> int:
    """The page asked for: 1 unless plain digits; a huge number means the last page there is."""
    if not isinstance(raw, str) or not (raw.isascii() and raw.isdigit()):
        return 1
    digits = raw.lstrip("0")
    if len(digits) > len(str(last_page)):
        return last_page
    return max(1, min(int(digits or "0"), last_page))
