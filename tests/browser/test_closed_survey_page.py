"""The "this survey has closed" page, met half way through with JavaScript off: axe finds
nothing at 320 px in English, Welsh and Arabic, nothing scrolls sideways, and a press of the
question's button after the close stores nothing."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.extensions import db
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from tests.conftest import MadeSurvey

pytestmark = pytest.mark.browser
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _close(app: Flask, survey: MadeSurvey) -> None:
    with app.app_context():
        db.session.execute(
            update(Survey).where(Survey.id == survey.id).values(status=SurveyStatus.CLOSED)
        )
        db.session.commit()


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_closed_page_met_half_way_is_plain_accessible_and_stores_nothing(
    app: Flask,
    phone,
    survey: MadeSurvey,
    lang: str,
) -> None:
    page = phone(lang, javascript=False).new_page()
    page.goto("/s/cafe")
    page.locator("main form button[type=submit]").first.click()
    page.locator("#agree").check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/q/**")
    page.locator("main input[value='yes']").check()
    _close(app, survey)  # staff close it while the person is on the question
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert page.locator("main h1").count() == 1
    assert "/q/" in page.url  # the same address, now saying it has closed
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0

    axe_page = phone(lang, storage_state=page.context.storage_state()).new_page()
    response = axe_page.goto(page.url)
    assert response is not None and response.status == 409
    assert axe_page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    results = Axe().run(axe_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.response["violations"] == [], results.response["violations"]
    assert axe_page.evaluate("document.documentElement.scrollWidth") <= 320
