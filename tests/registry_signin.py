"""Pages (for the browser checks) added by the participant sign-in and links work.

No new routes: both pages are states of routes already in the registry.
"""

from __future__ import annotations

from itsdangerous import URLSafeSerializer

from app.config import TestingConfig
from app.feedback.update_messages import UNSUBSCRIBE_SALT
from tests.pages import Page

# An unsubscribe link for Ama (id 1, see registry_outbox.py) from before links carried a date:
# too old to act on, so the page explains the other ways to stop messages.
UNDATED_TOKEN = URLSafeSerializer(TestingConfig().SECRET_KEY, salt=UNSUBSCRIBE_SALT).dumps(1)

ROUTES: dict = {}
PAGES: list[Page] = [
    Page("unsubscribe-expired", f"/unsubscribe/{UNDATED_TOKEN}?x={{participant}}", status=410),
    # The emailed link's page after pressing the button with no code typed.
    Page("me-email-link-errors", "/me/sign-in/email?c=1", submit_empty=True, status=400),
]
