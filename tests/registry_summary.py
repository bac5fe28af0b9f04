"""Routes (for tests/test_access.py) and pages (for the browser checks) of this part of WithUs.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py
for the placeholders, including {update}, {draft_update}, {cant_do_update} and {theme}.

The public summary lives at the survey's own address (surveys.start), which needs a closed
survey: tests/browser/test_summary_page.py checks it in a real browser and weighs it.
"""

from __future__ import annotations

from app.auth.guard import PUBLIC  # noqa: F401
from app.auth.models import Role
from app.people.guard import PARTICIPANT  # noqa: F401
from tests.pages import Page

EDITORS = frozenset({Role.ADMIN, Role.COORDINATOR})
GET, BOTH, POST = frozenset({"GET"}), frozenset({"GET", "POST"}), frozenset({"POST"})
_S = "/staff/surveys/{survey}/summary"

ROUTES: dict = {
    "summary_admin.edit": (EDITORS, BOTH, _S),
    "summary_admin.publish": (EDITORS, POST, f"{_S}/publish"),
    "summary_admin.unpublish": (EDITORS, POST, f"{_S}/unpublish"),
    "summary_admin.preview": (EDITORS, GET, f"{_S}/preview"),
}

_A = {"role": Role.COORDINATOR, "participant": False, "needs_survey": True}
PAGES: list[Page] = [
    Page("summary-edit", _S, **_A),
    # Pressing "Save and publish" with nothing chosen: there is nothing to publish.
    Page("summary-edit-errors", _S, submit_empty=True, status=400, **_A),
    Page("summary-preview", f"{_S}/preview", **_A),
]
