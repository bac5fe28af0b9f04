"""What you told us in a real browser: a closed survey's published summary at 320 px, in English,
Welsh and Arabic; axe finds nothing, nothing scrolls sideways, and it weighs at most 14 KB."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.surveys.content import load_survey_by_id
from app.surveys.models import SurveyStatus
from app.surveys.summary import services as summary_services
from tests.browser.test_pages_in_browser import MAX_PARTICIPANT_BYTES
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.browser.test_pages_in_browser import bytes_on_the_wire
from tests.conftest import PASSWORD
from tests.conftest import MadeSurvey
from tests.conftest import make_staff
from tests.feedback.test_summary import respond
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser
_axe = Axe()


@pytest.fixture
def closed_with_summary(app: Flask, survey: MadeSurvey) -> MadeSurvey:
    """The demo survey, answered, closed, with a published summary of every kind of chart."""
    quotes = [
        respond(app, survey, {"visited": "yes", "hard": ["travel"], "priorities": ["meals"]}),
        respond(app, survey, {"visited": "no", "welcome": "4", "priorities": ["quiet", "hours"]}),
    ]
    quotes.append(respond(app, survey, {"well": "Friendly people", "else": "Open on Saturdays."}))
    staff = make_staff(app, Role.COORDINATOR, email="summary-browser@example.org")
    keys = ("visited", "welcome", "hard", "priorities")
    choice = summary_services.SummaryChoice(
        intro="We read **every** answer.\n\n- Most people feel welcome.\n- Travel costs too much.",
        question_ids=[survey.questions[key] for key in keys],
        answer_ids=[quotes[2]["well"], quotes[2]["else"]],
    )
    with app.test_request_context():
        found = load_survey_by_id(survey.id)
        summary_services.save(found, choice, staff.id, publish=True)
        found.status = SurveyStatus.CLOSED
        db.session.commit()
    return survey


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_summary_page_has_no_axe_violations_and_reflows_at_320px(
    phone, closed_with_summary: MadeSurvey, lang: str
) -> None:
    page = phone(lang, javascript=False).new_page()
    response = page.goto(f"/s/{closed_with_summary.slug}")
    assert response is not None and response.status == 200
    assert page.locator("blockquote", has_text="Friendly people").count() == 1
    assert page.get_attribute("html", "lang") == lang
    javascript_page = phone(lang).new_page()  # axe itself needs script
    javascript_page.goto(f"/s/{closed_with_summary.slug}")
    results = _axe.run(javascript_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert violations == [], violations
    assert javascript_page.evaluate("document.documentElement.scrollWidth") <= 320


def test_summary_page_is_at_most_14_kb_on_the_wire(phone, closed_with_summary: MadeSurvey) -> None:
    context = phone("cy")
    total = bytes_on_the_wire(context, context.new_page(), f"/s/{closed_with_summary.slug}")
    print(f"summary page on the wire: {total:.0f} bytes")  # noqa: T201  reported in -s runs
    assert total <= MAX_PARTICIPANT_BYTES, f"{total:.0f} bytes"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_staff_page_with_charts_and_quotes_chosen_has_no_axe_violations(
    app: Flask, phone, closed_with_summary: MadeSurvey, lang: str
) -> None:
    user = make_staff(app, Role.ADMIN, email=f"summary-admin-{lang}@example.org")
    page = phone(lang).new_page()
    sign_in_in_browser(page, app, user.email, PASSWORD)
    for path, chosen in (("summary", 2), ("summary/preview", 0)):
        response = page.goto(f"/staff/surveys/{closed_with_summary.id}/{path}")
        assert response is not None and response.status == 200
        assert page.locator("input[name=quotes]:checked").count() == chosen
        results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert [v["id"] for v in results.response["violations"]] == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
