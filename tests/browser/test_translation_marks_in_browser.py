"""Translate pages with a part marked "Needs updating", in a real browser at 320 px, in English,
Welsh and Arabic: axe finds nothing, nothing scrolls sideways, and ticking "still fits" works."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask

from app.auth.models import Role
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.conftest import PASSWORD
from tests.conftest import MadeSurvey
from tests.conftest import make_staff
from tests.feedback.test_update_translation_marks import NEW_SAID
from tests.feedback.test_update_translation_marks import edit
from tests.surveys.test_translation_updates import NEW_TEXT
from tests.surveys.test_translation_updates import change_question

pytestmark = pytest.mark.browser
_axe = Axe()


@pytest.fixture
def stale_pages(staff_client, survey: MadeSurvey, updates) -> list[str]:
    """A survey question and an update whose English changed after they were translated."""
    client = staff_client(Role.COORDINATOR)
    assert change_question(client, survey, "often", text=NEW_TEXT).status_code == 302
    assert edit(client, updates.published, said=NEW_SAID).status_code == 302
    return [
        f"/staff/surveys/{survey.id}/translate/",
        f"/staff/updates/{updates.published}/translate/",
    ]


def _signed_in_page(app: Flask, phone, lang: str):
    user = make_staff(app, Role.COORDINATOR, email=f"marks-{lang}@example.org")
    page = phone(lang).new_page()
    page.goto("/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/staff/")
    return page


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_needs_updating_parts_have_no_axe_violations_and_reflow_at_320px(
    app: Flask, phone, stale_pages: list[str], lang: str
) -> None:
    page = _signed_in_page(app, phone, lang)
    for path in stale_pages:
        response = page.goto(path + "cy")  # the page in lang, translating into Welsh
        assert response is not None and response.status == 200
        assert page.locator(".tag-stale").count() == 1, path
        results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = [
            f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]
        assert violations == [], (path, violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_ticking_still_fits_in_the_browser_clears_the_mark(
    app: Flask, phone, stale_pages: list[str]
) -> None:
    page = _signed_in_page(app, phone, "en")
    for path in stale_pages:
        page.goto(path + "cy")
        page.get_by_label("The translation still fits the new words").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save the translations").click()
        page.goto(path + "cy")
        assert page.locator(".tag-stale").count() == 0, path
