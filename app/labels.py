"""Stored values that carry their words for people: one label per member, declared beside it.

    class Channel(LabelledEnum):
        ONLINE = "online", _l("Online")

`Channel.ONLINE == "online"` as before (it is still a StrEnum and stored as its value), and
`Channel.ONLINE.label` is "Online" in the page's language. A page can never show words that
drifted apart from another page's, because there is only one place to write them.
"""

from __future__ import annotations

import enum
from typing import Any


class LabelledEnum(enum.StrEnum):
    _label: Any

    def __new__(cls, value: str, label: Any) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return str(self._label)

    @classmethod
    def labels(cls) -> dict[Any, Any]:
        """Member → lazy label, for templates and code that look words up. Not a form's
        `choices` as it is: WTForms reads a dict there as option groups; build
        `[SelectChoice(m.value, m.label) for m in Enum]` instead."""
        return {member: member._label for member in cls}
