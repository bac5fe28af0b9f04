"""Routes (for tests/test_access.py) and pages (for the browser checks) of this part of WithUs.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py
for the placeholders, including {update}, {draft_update}, {cant_do_update} and {theme}.
"""

from __future__ import annotations

from app.auth.guard import PUBLIC  # noqa: F401
from app.auth.models import Role  # noqa: F401
from app.people.guard import PARTICIPANT  # noqa: F401
from tests.pages import Page

ROUTES: dict = {}
PAGES: list[Page] = []
