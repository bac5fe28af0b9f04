"""What the survey and update translate pages share: each box carries a fingerprint of the
main-language words its translator was shown, so words changed meanwhile are caught, not
marked as translated."""

from __future__ import annotations

import hashlib

from flask_babel import gettext as _
from wtforms import Field, HiddenField


def fingerprint(words: str) -> str:
    return hashlib.sha256(words.encode()).hexdigest()[:16]


def seen_field(words: str) -> Field:
    """A hidden field holding the fingerprint of the words shown beside a box."""
    return HiddenField(default=fingerprint(words))


def check_seen(box: Field, seen: Field, words: str, touched: bool) -> bool:
    """False, with a message on the box, when the translator changed or confirmed (touched) a
    translation made from words that have changed since the page was opened."""
    if not touched or seen.data == fingerprint(words):
        return True
    box.errors = [
        *box.errors,
        _("These words changed while you were translating. Check the words now, then save again."),
    ]
    seen.data = fingerprint(words)  # saving again, having seen them, is allowed
    return False
