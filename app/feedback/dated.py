"""An update's status with the date it began, in the reader's language and the charity's time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import ngettext

from app.feedback.models import UpdateStatus

# One whole sentence per status, so each language can word it its own way.
_SINCE: dict[UpdateStatus, Callable[[str], str]] = {
    UpdateStatus.CONSIDERING: lambda day: _("Considering since %(date)s", date=day),
    UpdateStatus.DOING: lambda day: _("Doing since %(date)s", date=day),
    UpdateStatus.DONE: lambda day: _("Done on %(date)s", date=day),
    UpdateStatus.CANT_DO: lambda day: _("Can't do: we decided on %(date)s", date=day),
}


def day(moment: datetime) -> str:
    """A date such as 2 May 2026, in the charity's time zone (times are stored in UTC)."""
    return format_date(moment, "d MMMM y")


def status_line(status: UpdateStatus | str, since: datetime) -> str:
    """For example "Doing since 2 May 2026"."""
    return _SINCE[UpdateStatus(status)](day(since))


def people_said(count: int) -> str:
    return ngettext("%(num)d person said this", "%(num)d people said this", count)


def changed_count(count: int) -> str:
    """The honest count of public updates that are done."""
    return ngettext(
        "%(num)d thing changed because of what you told us",
        "%(num)d things changed because of what you told us",
        count,
    )
