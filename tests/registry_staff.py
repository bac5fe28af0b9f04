"""Routes and pages of staff accounts, passwords and two-step sign-in.

The sign-in pages for the second step need a half-finished sign-in, so the browser checks for
them live in tests/browser/test_staff_two_step.py instead of PAGES.
"""

from __future__ import annotations

from app.auth.guard import PUBLIC
from app.auth.models import Role
from tests.pages import Page

A = frozenset({Role.ADMIN})
ALL = frozenset(Role)
BOTH = frozenset({"GET", "POST"})
POST = frozenset({"POST"})
# The first account made in an emptied table has id 1 on SQLite and PostgreSQL: in the access
# test and the browser checks, that is the admin looking at the page.
ACCOUNT = "/staff/accounts/1"

ROUTES: dict = {
    "two_step.verify": (PUBLIC, BOTH, "/login/two-step"),
    "two_step.setup": (PUBLIC, BOTH, "/login/two-step/set-up"),
    "account.password": (ALL, BOTH, "/staff/account/password"),
    "account.two_step_page": (ALL, BOTH, "/staff/account/two-step"),
    "staff.account_new": (A, BOTH, "/staff/accounts/new"),
    "staff.account": (A, frozenset({"GET"}), ACCOUNT),
    "staff.account_role": (A, POST, ACCOUNT + "/role"),
    "staff.account_pause": (A, POST, ACCOUNT + "/pause"),
    "staff.account_password": (A, POST, ACCOUNT + "/password"),
    "staff.account_two_step_off": (A, POST, ACCOUNT + "/two-step-off"),
}
_S = {"participant": False}
PAGES: list[Page] = [
    Page("account-password", "/staff/account/password", role=Role.COORDINATOR, **_S),
    Page(
        "account-password-errors",
        "/staff/account/password",
        role=Role.COORDINATOR,
        submit_empty=True,
        status=400,
        **_S,
    ),
    Page("account-two-step-set-up", "/staff/account/two-step", role=Role.COORDINATOR, **_S),
    Page("account-two-step-on", "/staff/account/two-step", role=Role.FINANCE, **_S),
    Page("staff-account-new", "/staff/accounts/new", role=Role.ADMIN, **_S),
    Page(
        "staff-account-new-errors",
        "/staff/accounts/new",
        role=Role.ADMIN,
        submit_empty=True,
        status=400,
        **_S,
    ),
    Page("staff-account", ACCOUNT, role=Role.ADMIN, **_S),
]
