"""Running a survey in a real browser at 320 px (issue 15, point 11): "Other – please tell us"
answered with JavaScript off, its pages light and clean in English, Welsh and Arabic; several
answers tagged at once without JavaScript; the target's progress on the overview and results."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Theme
from tests.browser.test_pages_in_browser import LANGS
from tests.browser.test_pages_in_browser import MAX_PARTICIPANT_BYTES
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.browser.test_pages_in_browser import bytes_on_the_wire
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.factories import MadeSurvey
from tests.staff_helpers import sign_in_in_browser
from tests.surveys.test_results import respond

pytestmark = pytest.mark.browser


@pytest.fixture
def with_other(app: Flask, survey: MadeSurvey) -> MadeSurvey:
    with app.app_context():
        ids = [survey.questions["often"], survey.questions["hard"]]
        db.session.execute(update(Question).where(Question.id.in_(ids)).values(offers_other=True))
        db.session.commit()
    return survey


def _clean(page) -> None:
    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert [v["id"] for v in found.response["violations"]] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def _start(page) -> None:
    page.goto("/s/cafe")
    page.locator("main button[type=submit]").first.click()
    page.locator("#agree").check()
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/q/**")


@pytest.mark.parametrize("lang", LANGS)
def test_other_pages_pass_axe_reflow_and_weigh_at_most_14_kb(
    phone, with_other: MadeSurvey, lang: str
) -> None:
    context = phone(lang)
    page = context.new_page()
    _start(page)
    page.goto(f"/s/cafe/q/{with_other.questions['visited']}")
    page.locator('input[value="yes"]').check()
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(f"**/q/{with_other.questions['often']}")
    for key in ("often", "hard"):
        page.goto(f"/s/cafe/q/{with_other.questions[key]}")
        _clean(page)
    # With the error shown: Other chosen, nothing written.
    page.locator('input[value="_other"]').check()
    page.locator("main button[type=submit]").first.click()
    assert page.locator("#other-error").is_visible()
    _clean(page)
    # The weight of the page with the box, stylesheet included, from an empty cache.
    fresh = phone(lang, storage_state=context.storage_state())
    path = f"/s/cafe/q/{with_other.questions['hard']}"
    assert bytes_on_the_wire(fresh, fresh.new_page(), path) <= MAX_PARTICIPANT_BYTES


def test_other_is_answered_and_checked_with_javascript_off(phone, with_other: MadeSurvey) -> None:
    page = phone("en", javascript=False).new_page()
    _start(page)
    page.goto(f"/s/cafe/q/{with_other.questions['hard']}")
    page.get_by_label("The cost of travel").check()
    page.get_by_label("Other", exact=True).check()
    page.get_by_label("If you chose “Other”, please tell us").fill("The steps at the door")
    page.get_by_role("button", name="Continue").click()
    page.goto("/s/cafe/check")
    assert "The cost of travel, Other: The steps at the door" in page.locator("main").inner_text()


def test_a_coordinator_tags_several_answers_at_once_without_javascript(
    app: Flask, phone, survey: MadeSurvey
) -> None:
    for words in ("Warm soup", "Cold room", "Kind staff"):
        respond(app, survey, {"well": words})
    with app.app_context():
        db.session.add(Theme(survey_id=survey.id, name="Food"))
        db.session.commit()
    user = make_staff(app, Role.COORDINATOR, email="tag-many@example.org")
    for lang in LANGS:
        page = phone(lang).new_page()
        sign_in_in_browser(page, app, user.email, PASSWORD)
        page.goto(f"/staff/surveys/{survey.id}/results/{survey.questions['well']}")
        _clean(page)
    page = phone("en", javascript=False).new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    page.goto(f"/staff/surveys/{survey.id}/results/{survey.questions['well']}?untagged=1")
    page.locator("#pick-1").check()
    page.locator("#pick-3").check()
    page.get_by_label("Theme to add to the ticked answers").select_option(label="Food")
    page.get_by_role("button", name="Add the theme to the ticked answers").click()
    assert "2 more answers now have the theme “Food”." in page.locator("main").inner_text()
    with app.app_context():
        assert len(db.session.scalars(select(AnswerTheme)).all()) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_target_progress_pages_pass_axe_and_reflow(
    app: Flask, phone, survey: MadeSurvey, lang: str
) -> None:
    with app.app_context():
        db.session.execute(update(Survey).where(Survey.id == survey.id).values(response_target=40))
        db.session.commit()
    respond(app, survey, {"well": "Tea"})
    user = make_staff(app, Role.COORDINATOR, email=f"target-{lang}@example.org")
    page = phone(lang).new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    for path in (f"/staff/surveys/{survey.id}", f"/staff/surveys/{survey.id}/results"):
        page.goto(path)
        assert page.locator(".target-progress svg[aria-hidden=true]").count() == 1
        _clean(page)
