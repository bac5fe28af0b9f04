"""Routes (for tests/test_access.py) and pages (for the browser checks) of this part of WithUs.

ROUTES maps endpoint -> (who may use it, methods, a path with {placeholders}); see tests/pages.py
for the placeholders, including {update}, {draft_update}, {cant_do_update} and {theme}.
"""

from __future__ import annotations

from app.auth.guard import PUBLIC  # noqa: F401
from app.auth.models import Role
from app.people.guard import PARTICIPANT  # noqa: F401
from tests.pages import Page

_ALL = frozenset(Role)
_WRITERS = frozenset({Role.ADMIN, Role.COORDINATOR})
_GET, _POST, _BOTH = frozenset({"GET"}), frozenset({"POST"}), frozenset({"GET", "POST"})

ROUTES: dict = {
    "update_admin.index": (_ALL, _GET, "/staff/updates/"),
    "update_admin.new": (_WRITERS, _BOTH, "/staff/updates/new?theme={theme}"),
    "update_admin.show": (_ALL, _GET, "/staff/updates/{update}"),
    "update_admin.edit": (_WRITERS, _BOTH, "/staff/updates/{update}/edit"),
    "update_admin.status": (_WRITERS, _POST, "/staff/updates/{update}/status"),
    "update_admin.preview": (_WRITERS, _GET, "/staff/updates/{draft_update}/preview"),
    "update_admin.publish": (_WRITERS, _POST, "/staff/updates/{draft_update}/publish"),
    "update_admin.unpublish": (frozenset({Role.ADMIN}), _BOTH, "/staff/updates/{update}/unpublish"),
    "update_admin.translate": (_WRITERS, _BOTH, "/staff/updates/{update}/translate/cy"),
}

_C = {"role": Role.COORDINATOR, "participant": False}
_A = {"role": Role.ADMIN, "participant": False}
PAGES: list[Page] = [
    Page("update-admin-list", "/staff/updates/?x={update}", **_C),
    Page(
        "update-admin-list-read-only", "/staff/updates/?x={update}", **{**_C, "role": Role.VIEWER}
    ),
    Page("update-new", "/staff/updates/new", **_C),
    Page("update-new-from-theme", "/staff/updates/new?theme={theme}", **_C),
    Page("update-new-from-question", "/staff/updates/new?question={q_else}", **_C),
    Page("update-new-errors", "/staff/updates/new", submit_empty=True, status=400, **_C),
    Page("update-show", "/staff/updates/{update}", **_C),
    Page("update-preview", "/staff/updates/{draft_update}/preview", **_C),
    Page("update-preview-plain-words", "/staff/updates/{wordy_update}/preview", **_C),
    Page("update-show-plain-words", "/staff/updates/{wordy_update}", **_C),
    Page("update-show-draft", "/staff/updates/{draft_update}", **_A),
    Page("update-show-cant-do-admin", "/staff/updates/{cant_do_update}", **_A),
    Page("update-show-read-only", "/staff/updates/{update}", **{**_C, "role": Role.VIEWER}),
    Page("update-edit", "/staff/updates/{update}/edit", **_C),
    Page("update-unpublish", "/staff/updates/{update}/unpublish", **_A),
    Page(
        "update-unpublish-errors",
        "/staff/updates/{update}/unpublish",
        submit_empty=True,
        status=400,
        **_A,
    ),
    Page("update-translate", "/staff/updates/{update}/translate/cy", **_C),
    Page("update-translate-rtl", "/staff/updates/{cant_do_update}/translate/ar", **_C),
    # The answers page with a theme, so its "Write an update about this theme" links show.
    Page("update-from-theme-answers", "/staff/surveys/{survey}/results/{q_else}?x={theme}", **_C),
]
