"""What every staff update page shares: who may change things, finding the update, the words."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from app.auth.guard import signed_in_staff
from app.auth.guard import staff_has
from app.auth.models import Role
from app.core.plain_words import check_pieces
from app.core.plain_words_notes import notes
from app.extensions import db
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.words import EVENT_WORDS
from app.feedback.words import STATUS_MEANINGS
from app.feedback.words import STATUS_WORDS
from app.i18n import BY_CODE
from app.outbox.models import MessageStatus

WRITERS = (Role.ADMIN, Role.COORDINATOR)

KIND_WORDS = LinkKind.labels()

# Messages grouped the way staff think of them; the rarer outcomes are shown only when present.
OUTBOX_GROUPS = (
    ((MessageStatus.PENDING, MessageStatus.SENDING), _l("Waiting to be sent"), True),
    ((MessageStatus.SENT,), _l("Sent"), True),
    ((MessageStatus.FAILED,), _l("Could not be sent"), True),
    ((MessageStatus.UNCERTAIN,), _l("Not sure if it was sent: the sending stopped"), False),
    ((MessageStatus.CANCELLED,), _l("Not sent: the person stopped messages"), False),
)


def update_or_404(update_id: int) -> Update:
    return db.get_or_404(Update, update_id)


def staff_id() -> int:
    return signed_in_staff().id


def may_write() -> bool:
    return staff_has(*WRITERS)


def is_admin() -> bool:
    return staff_has(Role.ADMIN)


def outbox_rows(counts: Counter[MessageStatus]) -> list[tuple[str, int]]:
    """(what happened, how many) for the messages about one update."""
    rows = []
    for statuses, words, always in OUTBOX_GROUPS:
        number = sum(counts[status] for status in statuses)
        if always or number:
            rows.append((str(words), number))
    return rows


def page_words() -> dict[str, Any]:
    return {
        "status_words": STATUS_WORDS,
        "status_meanings": STATUS_MEANINGS,
        "event_words": EVENT_WORDS,
        "kind_words": KIND_WORDS,
        "languages": BY_CODE,
    }


def plain_notes(update: Update) -> list[Markup]:
    """What the plain-words check suggests for the words people will read (suggestions only)."""
    pieces = [
        (_("What people said"), update.said),
        (_("What we did or will do"), update.body),
        (_("Why we can't do this"), update.reason),
    ]
    return notes(check_pieces(pieces, update.main_language))
