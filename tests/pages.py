"""The registry of pages that the browser checks (axe, reflow, page weight).

A change that adds a page adds one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.auth.models import Role


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    role: Role | None = None  # sign in with this role first
    participant: bool = True  # held to the 14 KB limit
    submit_empty: bool = False  # press the main button first, to check the page with its errors
    status: int = 200


PAGES: tuple[Page, ...] = (
    Page("home", "/"),
    Page("language", "/language"),
    Page("language-errors", "/language", submit_empty=True, status=400),
    Page("sign-in", "/login"),
    Page("sign-in-errors", "/login", submit_empty=True, status=400),
    Page("not-found", "/no-such-page", status=404),
    Page("staff-home", "/staff/", role=Role.ADMIN, participant=False),
    Page("staff-accounts", "/staff/accounts", role=Role.ADMIN, participant=False),
    Page("forbidden", "/staff/accounts", role=Role.VIEWER, participant=False, status=403),
)
