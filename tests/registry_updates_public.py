"""Routes (for tests/test_access.py) and pages (for the browser checks) of this part of WithUs.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py
for the placeholders, including {update}, {draft_update}, {cant_do_update} and {theme}.
"""

from __future__ import annotations

from app.auth.guard import PUBLIC
from tests.pages import Page

GET = frozenset({"GET"})

# The public You said, we did log (app/feedback/views.py).
ROUTES: dict = {
    "updates.index": (PUBLIC, GET, "/updates"),
    "updates.show": (PUBLIC, GET, "/updates/{update}"),
    "updates.feed": (PUBLIC, GET, "/updates.atom"),
}

# A path that names {update} makes the updates fixture, so the page has something to show;
# an unused ?x= argument is how the home pages ask for it.
PAGES: list[Page] = [
    Page("updates-list", "/updates?x={update}"),
    Page("updates-list-empty", "/updates"),
    Page("updates-list-filtered", "/updates?status=doing&x={update}"),
    Page("update", "/updates/{update}"),
    Page("update-cant-do", "/updates/{cant_do_update}"),
    Page("home-with-updates", "/?x={update}"),
    Page("me-home-with-updates", "/me?x={update}", as_participant=True),
]
