"""Routes (for tests/test_access.py) and pages (for the browser checks) of the privacy work:
the complete download, erasure and its requests, and how long personal data is kept.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py.
"""

from __future__ import annotations

from app.auth.models import Role
from app.people.guard import PARTICIPANT
from tests.pages import Page

ADMIN = frozenset({Role.ADMIN})
GET, BOTH = frozenset({"GET"}), frozenset({"GET", "POST"})

ROUTES: dict = {
    "me.data_zip": (PARTICIPANT, GET, "/me/data.zip"),
    "privacy_me.ask": (PARTICIPANT, BOTH, "/me/erase"),
    "erasure.erase": (ADMIN, BOTH, "/staff/people/{participant}/erase"),
    "privacy.index": (ADMIN, GET, "/staff/privacy/"),
    "privacy.retention_periods": (ADMIN, BOTH, "/staff/privacy/retention"),
}

_A = {"role": Role.ADMIN, "participant": False}
PAGES: list[Page] = [
    Page("me-erase", "/me/erase", as_participant=True),
    # Pressing the button shows the same page, saying when they asked.
    Page("me-erase-asked", "/me/erase", as_participant=True, submit_empty=True),
    Page("person-erase", "/staff/people/{participant}/erase", **_A),
    # The ledger fixture's person has a claim waiting, so pressing the button explains why not.
    Page("person-erase-refused", "/staff/people/{participant}/erase", submit_empty=True, **_A),
    Page("privacy", "/staff/privacy/", **_A),
    Page("retention", "/staff/privacy/retention", **_A),
]
