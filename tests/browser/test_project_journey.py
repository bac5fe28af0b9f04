"""A coordinator new to co-production, in a real browser with JavaScript off: starts a project
from a template, changes a part of its plan, ticks a checklist item, puts a survey in the
project, and sees all of it on the project's page."""

from __future__ import annotations

import pytest
from flask import Flask

from app.auth.models import Role
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.factories import MadeSurvey
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser


def _press(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_a_coordinator_starts_plans_and_links_a_project(
    app: Flask, phone, survey: MadeSurvey
) -> None:
    user = make_staff(app, Role.COORDINATOR, email="journey@example.org")
    page = phone("en", javascript=False).new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    page.goto("/staff/")
    page.get_by_role("link", name="Projects").click()
    page.get_by_role("link", name="Start a project").click()
    _press(page, "Start the project")  # nothing filled in: the problems are listed
    summary = page.locator(".error-summary").inner_text()
    assert "Enter a name for the project" in summary and "Choose a template" in summary
    page.get_by_label("Project name").fill("Make the café feel welcoming")
    page.get_by_label("Ask people what should change").check()
    _press(page, "Start the project")
    main = page.locator("main").inner_text()
    assert "Project started." in main and "Ask people what should change" in main
    assert "Hear from at least 20 people" in main and "0 of 8 done" in main

    page.get_by_role("link", name="Change the plan").first.click()
    page.get_by_label("Who could we work with?").fill("The food bank next door")
    page.get_by_label("Under way").check()
    _press(page, "Save the plan")
    main = page.locator("main").inner_text()
    assert "The food bank next door" in main and "Under way" in main

    page.get_by_role("link", name="Change the checklist").click()
    page.locator("#interpreters_done-0").check()
    page.get_by_label("Interpreters: note (optional)").fill("Arabic interpreter booked")
    _press(page, "Save the checklist")
    main = page.locator("main").inner_text()
    assert "1 of 8 done" in main and "Arabic interpreter booked" in main

    page.goto(f"/staff/surveys/{survey.id}/edit")
    page.get_by_label("Project (optional)").select_option(label="Make the café feel welcoming")
    _press(page, "Save the survey details")
    page.goto("/staff/projects/")
    page.get_by_role("link", name="Make the café feel welcoming").click()
    surveys = page.get_by_role("region", name="Surveys in this project").inner_text()
    assert "Our drop-in café: what should change?" in surveys and "Open" in surveys
