"""Routes (for tests/test_access.py) and pages (for the browser checks) of co-production
projects: app/projects/views.py and the project page in app/project_pages/views.py.

{project} is the ledger fixture's project; ?x={update} also makes the updates fixture, whose
published update belongs to that project, so the page shows a session, people and an update.
"""

from __future__ import annotations

from app.auth.models import Role
from tests.pages import Page

_ALL = frozenset(Role)
_EDITORS = frozenset({Role.ADMIN, Role.COORDINATOR})
_GET, _BOTH = frozenset({"GET"}), frozenset({"GET", "POST"})

ROUTES: dict = {
    "projects.index": (_ALL, _GET, "/staff/projects/"),
    "projects.start": (_EDITORS, _BOTH, "/staff/projects/new"),
    "projects.plan": (_EDITORS, _BOTH, "/staff/projects/{project}/plan"),
    "projects.checklist": (_EDITORS, _BOTH, "/staff/projects/{project}/checklist"),
    "project_pages.show": (_ALL, _GET, "/staff/projects/{project}"),
    "project_review.readiness_page": (_ALL, _GET, "/staff/projects/{project}/readiness"),
    "project_review.check": (_EDITORS, _BOTH, "/staff/projects/{project}/readiness/new"),
    "project_review.learning_entry": (_EDITORS, _BOTH, "/staff/projects/{project}/learning/new"),
}

_C = {"role": Role.COORDINATOR, "participant": False}
_V = {"role": Role.VIEWER, "participant": False}
PAGES: list[Page] = [
    Page("projects-list", "/staff/projects/?x={project}", **_C),
    Page("projects-list-read-only", "/staff/projects/?x={project}", **_V),
    Page("project-start", "/staff/projects/new", **_C),
    Page("project-start-errors", "/staff/projects/new", submit_empty=True, status=400, **_C),
    Page("project-show", "/staff/projects/{project}?x={update}", **_C),
    Page("project-show-read-only", "/staff/projects/{project}?x={update}", **_V),
    Page("project-plan", "/staff/projects/{project}/plan", **_C),
    Page("project-checklist", "/staff/projects/{project}/checklist", **_C),
    Page("project-readiness", "/staff/projects/{project}/readiness", **_C),
    Page("project-readiness-read-only", "/staff/projects/{project}/readiness", **_V),
    Page("project-readiness-check", "/staff/projects/{project}/readiness/new", **_C),
    Page(
        "project-readiness-check-errors",
        "/staff/projects/{project}/readiness/new",
        submit_empty=True,
        status=400,
        **_C,
    ),
    Page("project-learning-entry", "/staff/projects/{project}/learning/new", **_C),
    Page(
        "project-learning-entry-errors",
        "/staff/projects/{project}/learning/new",
        submit_empty=True,
        status=400,
        **_C,
    ),
]
