"""Keeps the English catalogue whole: English text is its own translation.

Run as `python -m app.catalogues` after extraction; `make translations` does this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

ENGLISH = Path(__file__).resolve().parent.parent / "translations/en/LC_MESSAGES/messages.po"


def fill_source_catalogue(path: Path = ENGLISH) -> int:
    """Copy each English msgid into its empty msgstr; return how many were filled."""
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="en")
    filled = 0
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or all(strings):
            continue
        message.string = message.id if isinstance(message.id, str) else tuple(message.id)
        filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalogue, omit_header=False, no_location=True, width=76)
    return filled


if __name__ == "__main__":
    print(f"Filled {fill_source_catalogue()} English messages.", file=sys.stderr)
