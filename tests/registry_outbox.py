"""Routes (for tests/test_access.py) and pages (for the browser checks) of this part of WithUs.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py
for the placeholders, including {update}, {draft_update}, {cant_do_update} and {theme}.
"""

from __future__ import annotations

from itsdangerous import URLSafeTimedSerializer

from app.auth.guard import PUBLIC
from app.config import TestingConfig
from app.feedback.update_messages import UNSUBSCRIBE_SALT
from tests.pages import Page

BOTH = frozenset({"GET", "POST"})

# A real unsubscribe link for Ama: the ledger fixture (asked for by ?x={participant}) makes her
# the first participant of a freshly emptied table, so her id is 1 on SQLite and PostgreSQL.
AMA_TOKEN = URLSafeTimedSerializer(TestingConfig().SECRET_KEY, salt=UNSUBSCRIBE_SALT).dumps(1)
UNSUBSCRIBE = f"/unsubscribe/{AMA_TOKEN}?x={{participant}}"

ROUTES: dict = {
    "unsubscribe.confirm": (PUBLIC, BOTH, UNSUBSCRIBE),
    # GET only redirects to the page above; POST is RFC 8058's one-click, exempt from CSRF.
    "unsubscribe.one_click": (PUBLIC, BOTH, f"/unsubscribe/{AMA_TOKEN}/one-click"),
}
PAGES: list[Page] = [
    Page("unsubscribe", UNSUBSCRIBE),
    # Pressing the button shows the page that says the messages have stopped.
    Page("unsubscribe-done", UNSUBSCRIBE, submit_empty=True),
]
