"""A coordinator previews the survey as an Arabic reader meets it, on a 320 px phone (issue 15,
point 5): the page is Arabic and right to left, the preview bar above stays in English, every
page from the start to the thank-you is reached, axe finds nothing, and nothing is saved."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.factories import MadeSurvey
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser


def _as_an_arabic_reader_sees_it(page, words: str) -> None:
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    assert words in page.locator(".preview-frame").inner_text()
    bar = page.locator(".preview-bar")
    assert bar.get_attribute("lang") == "en" and bar.get_attribute("dir") == "ltr"
    assert "Preview: nothing you enter is saved" in bar.inner_text()
    assert bar.evaluate("e => getComputedStyle(e).direction") == "ltr"
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert violations.response["violations"] == [], page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url


def test_the_arabic_preview_walks_every_page_right_to_left_under_an_english_bar(
    app: Flask, phone, survey: MadeSurvey
) -> None:
    user = make_staff(app, Role.COORDINATOR, email="preview-arabic@example.org")
    page = phone("en").new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    page.goto(f"/staff/surveys/{survey.id}/preview")
    page.locator(".preview-bar").get_by_role("link", name="العربية").click()
    _as_an_arabic_reader_sees_it(page, "ابدأ الآن")

    page.get_by_role("link", name="ابدأ الآن").click()
    page.locator("main button[type=submit]").first.click()  # agreeing was left out
    _as_an_arabic_reader_sees_it(page, "قبل أن تبدأ")
    assert page.locator(".error-summary").count() == 1
    page.locator("#agree").check()
    page.locator("main button[type=submit]").first.click()

    page.wait_for_url(f"**/preview/{survey.first_question}?lang=ar")
    _as_an_arabic_reader_sees_it(page, "السؤال 1 من")
    page.locator("input[name=answer]").first.check()
    page.locator("main button[type=submit]").first.click()
    while "/check" not in page.url:  # every other question, as someone who skips them would
        page.locator("main button[name=decline]").click()
    _as_an_arabic_reader_sees_it(page, "راجع إجاباتك")
    page.get_by_role("button", name="أرسل إجاباتي").click()
    page.wait_for_url("**/preview/done?lang=ar")
    _as_an_arabic_reader_sees_it(page, "شكرًا لك. وصلتنا إجاباتك")

    with app.app_context():
        for table in (Response, Answer):
            assert db.session.scalar(select(func.count()).select_from(table)) == 0
