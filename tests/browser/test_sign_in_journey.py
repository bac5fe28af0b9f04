"""Signing in from the emailed link on a 320 px phone with JavaScript off, then signing out."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.people.conftest import mailbox  # noqa: F401  the real SMTP server fixture

pytestmark = pytest.mark.browser
AMA = "ama@example.org"


def test_the_emailed_link_then_the_typed_code_signs_in_without_javascript(
    phone,
    mailbox,  # noqa: F811
    ledger,
) -> None:
    page = phone("en", javascript=False).new_page()
    page.goto("/me/sign-in/by-email")
    page.get_by_label("Email address").fill(AMA)
    page.get_by_role("button", name="Send me a code").click()
    assert page.url.endswith("/me/sign-in/code")
    link = urlsplit(mailbox.last_link(AMA))
    assert "code=" not in link.query
    page.goto(f"{link.path}?{link.query}")  # the link names the public address; same site
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".error-summary").is_visible()  # nothing typed: a plain message
    field = page.get_by_label("The 6-digit code from the email")
    field.fill(mailbox.last_code(AMA))
    box = field.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320
    page.get_by_role("button", name="Sign in").click()
    assert urlsplit(page.url).path == "/me"
    assert page.get_by_text("You are signed in.").is_visible()
    page.get_by_role("button", name="Sign out").click()
    page.goto("/me")
    assert urlsplit(page.url).path == "/me/sign-in"
