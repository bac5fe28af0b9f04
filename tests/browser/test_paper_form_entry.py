"""A coordinator types a Welsh paper form in on a phone, as a new user would (issue 15, points 2
and 3): a comment beside a question the branching skips is not lost, and the form counts as
Welsh under the date written on it."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask

from app.auth.models import Role
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.factories import MadeSurvey
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser


def test_a_coordinator_types_in_a_welsh_paper_form_and_it_counts_as_welsh(
    app: Flask, phone, survey: MadeSurvey
) -> None:
    user = make_staff(app, Role.COORDINATOR, email="paper-forms@example.org")
    page = phone("en").new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    page.goto(f"/staff/surveys/{survey.id}/enter")
    page.get_by_label("On paper").check()
    page.get_by_label("Cymraeg").check()
    page.get_by_label("Date written on the form (optional)").fill("12/3/2026")
    page.get_by_label("They agreed to take part").check()
    visited, often = survey.questions["visited"], survey.questions["often"]
    page.check(f'input[name="q{visited}-answer"][value="no"]')
    page.check(f'input[name="q{often}-answer"][value="weekly"]')  # written beside a skipped one
    page.fill(f"#q{survey.questions['well']}-answer", "Y croeso cynnes")
    page.get_by_role("button", name="Save these answers").click()

    # Stopped: the summary says why and leads to the answer; nothing typed is lost.
    summary = page.locator(".error-summary")
    assert "only asked if question 1 is answered" in summary.inner_text()
    assert page.evaluate("document.activeElement.className").startswith("error-summary")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == f"q{often}-answer-0"
    assert page.input_value(f"#q{survey.questions['well']}-answer") == "Y croeso cynnes"
    assert page.get_by_label("Cymraeg").is_checked()
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert violations.response["violations"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.get_by_label("Keep them as a note on this response").check()
    page.get_by_role("button", name="Save these answers").click()
    assert "kept as a note" in page.locator(".notification").inner_text()

    page.goto(f"/staff/surveys/{survey.id}/results?language=cy")
    assert "1 sent response matches." in page.locator("main").inner_text()
    page.goto(f"/staff/surveys/{survey.id}/entered")
    row = page.locator("tbody tr").first
    assert "Cymraeg" in row.inner_text() and "12 March 2026" in row.inner_text()
    row.get_by_role("link").click()
    shown = page.locator("main").inner_text()
    assert "How often do you come?" in shown and "Every week" in shown
