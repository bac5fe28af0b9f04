"""Requests whose form fields and query values never carry control characters.

A control character typed or pasted into any field (or put in an address by someone probing the
site) would otherwise be stored, and echoed back into the page, where it makes the HTML invalid.
Taking them out once, where every value enters the app, means no form or view can forget to.
Tabs and line breaks stay: people write them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.datastructures import MultiDict

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; and the Unicode
# noncharacters, which HTML also forbids.
_NONCHARACTERS = "".join(
    chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF)
)
UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" + re.escape(_NONCHARACTERS) + "]"
)


def without_controls(value: Any) -> Any:
    """The value minus unwanted characters when it is text; anything else (a file) as it came."""
    return UNWANTED.sub("", value) if isinstance(value, str) else value


def _pairs(mapping: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(mapping, MultiDict):
        return mapping.items(multi=True)
    if isinstance(mapping, dict):
        return (
            (key, item)
            for key, value in mapping.items()
            for item in (value if isinstance(value, list | tuple) else [value])
        )
    return mapping


class CleanMultiDict(ImmutableMultiDict):
    """The request's form and query values, with unwanted characters taken out."""

    def __init__(self, mapping: Any = None) -> None:
        if mapping is None:
            super().__init__()
            return
        super().__init__([(key, without_controls(value)) for key, value in _pairs(mapping)])


class CleanRequest(Request):
    parameter_storage_class = CleanMultiDict
