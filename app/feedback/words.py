"""The words for an update's status and history, in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.feedback.models import EventKind
from app.feedback.models import UpdateStatus

STATUS_WORDS = UpdateStatus.labels()

# What each status means, for people reading the log for the first time.
STATUS_MEANINGS = {
    UpdateStatus.CONSIDERING: _l("We are thinking about what to do."),
    UpdateStatus.DOING: _l("We are working on it now."),
    UpdateStatus.DONE: _l("We have made this change."),
    UpdateStatus.CANT_DO: _l("We can't do this. We say why."),
}

EVENT_WORDS = {
    EventKind.PUBLISHED: _l("Made public"),
    EventKind.UNPUBLISHED: _l("Taken down"),
}
