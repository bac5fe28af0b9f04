"""Words made into the hyphenated small letters a web address or a stored value can carry."""

from __future__ import annotations

import re
import unicodedata

_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def hyphenated(words: str, limit: int) -> str:
    """'Beth ddylai newid? ☕' -> 'beth-ddylai-newid', cut to at most limit characters. Letters
    lose their accents; letters outside the Latin alphabet (Arabic, Bengali) and emoji are
    dropped, so the result may be empty."""
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return _NOT_LETTERS.sub("-", ascii_words.lower()).strip("-")[:limit]
