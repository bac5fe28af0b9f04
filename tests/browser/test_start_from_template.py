"""A coordinator starts a survey from a template in a real browser with JavaScript off (issue
15, points 7 and 8): one press makes a draft with its questions, already in Welsh, and once
opened its Welsh start page says how long it takes and what may be skipped, as the builder
said it would."""

from __future__ import annotations

import pytest
from flask import Flask

from app.auth.models import Role
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser


def test_a_template_becomes_a_welsh_survey_in_one_press(app: Flask, phone) -> None:
    user = make_staff(app, Role.COORDINATOR, email="template@example.org")
    page = phone("en", javascript=False).new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    page.goto("/staff/surveys/")
    page.get_by_role("link", name="Start from a template").click()
    page.get_by_label("How was it for you?").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Make the survey").click()
    main = page.locator("main").inner_text()
    assert "You made a new survey from a template." in main
    assert "How was the session for you?" in main and "Cymraeg: 16 of 16 translated" in main
    said = page.locator("ul.facts").inner_text()
    assert "You can skip any question you do not want to answer." in said
    with page.expect_navigation():
        page.get_by_role("button", name="Open the survey").click()

    page.goto("/s/how-was-it-for-you?locale=cy")
    assert page.locator("h1").inner_text() == "Sut oedd hi i chi?"
    facts = page.locator("ul.facts").inner_text()
    assert facts.split("\n")[:3] == [
        "Mae'n cymryd tua 5 munud.",  # 30 + 20 + 15 + 10 + 10 + 90 + 90 + 10 seconds
        "Nid ydych chi'n rhoi eich enw. Ni fyddwn yn gwybod pwy ydych chi.",
        "Gallwch chi hepgor unrhyw gwestiwn nad ydych chi eisiau ei ateb.",
    ]
