"""Logging a session for a real group stays short on a phone: one tick box a person, roles and
costs folded away (issue 11, point 9). Eight people made a 5,000 px page before."""

from __future__ import annotations

import pytest
from flask import Flask

from app.auth.models import Role
from app.people.models import PaymentPreference
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.ledger.session_helpers import add_people

pytestmark = pytest.mark.browser


def test_eight_people_fit_a_short_page_and_finding_works_without_javascript(
    app: Flask, phone
) -> None:
    add_people(app, *[PaymentPreference.BANK_TRANSFER] * 8)
    user = make_staff(app, Role.COORDINATOR, email="sessions@example.org")
    page = phone("en", javascript=True).new_page()
    page.goto("/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/staff/")
    page.goto("/staff/sessions/new")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 3200, height  # 5,934 px before roles and costs were folded away
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    quiet = phone("en", javascript=False)
    quiet.add_cookies(page.context.cookies())
    plain = quiet.new_page()
    plain.goto("/staff/sessions/new")
    plain.fill("#title", "Menu tasting")
    plain.check("#attendees-1")
    plain.fill("#find", "Person 3")
    plain.get_by_role("button", name="Find").click()
    assert plain.locator("input[name=attendees]").count() == 2  # Person 3, and Person 1 ticked
    assert plain.input_value("#title") == "Menu tasting"
