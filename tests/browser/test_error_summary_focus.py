"""With JavaScript off on a 320 px phone: after a failed answer the error summary has the focus
(so a screen reader reads it first), its link shows the question with its error, and the page
after the corrected answer does not open scrolled down to a field."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import text

from app.extensions import db

pytestmark = pytest.mark.browser

IN_SUMMARY = "document.activeElement.closest('.error-summary') !== null"


def _required(app: Flask, question_id: int) -> None:
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE questions SET required = :yes WHERE id = :id"),
            {"yes": True, "id": question_id},
        )


def _start(page) -> None:
    page.goto("/s/cafe")
    page.locator("main form button[type=submit]").first.click()
    page.locator("#agree").check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/q/**")


def _in_view(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _fail_then_follow_the_error_link(page, path: str) -> None:
    page.goto(path)
    with page.expect_navigation():  # the page with the errors, not the one before it
        page.locator("main form button[type=submit]").first.click()
    # autofocus moves to the summary as the page is shown, a moment after it has loaded
    page.wait_for_function(IN_SUMMARY, polling=100, timeout=5000)
    page.locator(".error-summary a").first.click()


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
@pytest.mark.parametrize("key", ["visited", "welcome", "hard", "household"])
def test_error_link_shows_the_question_and_its_error_at_320px(
    app: Flask, phone, survey, lang: str, key: str
) -> None:
    _required(app, survey.questions[key])
    page = phone(lang, javascript=False).new_page()
    _start(page)
    if key != "visited":
        page.goto(f"/s/cafe/q/{survey.questions['visited']}")
        page.locator("#answer-0").check()
        page.locator("main form button[type=submit]").first.click()
    path = f"/s/cafe/q/{survey.questions[key]}"
    _fail_then_follow_the_error_link(page, path)
    assert page.url.endswith("#" + page.locator(".error-summary a").first.get_attribute("href")[1:])
    target = page.evaluate("document.activeElement.id")
    assert target in ("answer", "answer-0")
    assert _in_view(page, "main h1"), page.locator("main h1").bounding_box()
    assert _in_view(page, ".error-message")
    assert _in_view(page, f"#{target}")


def test_the_page_after_a_corrected_answer_opens_at_the_top(app: Flask, phone, survey) -> None:
    _required(app, survey.questions["visited"])
    page = phone("en", javascript=False).new_page()
    _start(page)
    _fail_then_follow_the_error_link(page, f"/s/cafe/q/{survey.questions['visited']}")
    page.locator("#answer-1").check()  # no: the next question is "how welcome"
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/q/{survey.questions['welcome']}")
    assert "#" not in page.url
    assert page.evaluate("window.scrollY") == 0


def test_error_summary_is_focused_on_the_language_page_without_javascript(phone) -> None:
    page = phone("en", javascript=False).new_page()
    page.goto("/language")
    page.locator("input[name=language]:checked").evaluate("radio => { radio.checked = false }")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.evaluate(IN_SUMMARY)
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
