"""With JavaScript off, "Send my answers" is pressed, the answers reach us, but the reply never
reaches the phone (it went out of signal). Pressing again shows "We have your answers", and the
answers are stored once."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey

pytestmark = pytest.mark.browser


def _press(page, index: int = 0) -> None:
    page.locator("main form button[type=submit]").nth(index).click()


def test_send_pressed_again_after_a_lost_reply_shows_done_and_stores_once(
    app: Flask,
    phone,
    survey: MadeSurvey,
) -> None:
    context = phone("en", javascript=False)
    page = context.new_page()
    page.goto("/s/cafe")
    _press(page)  # Start now
    page.locator("#agree").check()
    _press(page)
    while "/check" not in page.url:
        _press(page, 1)  # "I'd rather not say" to each question
    held = context.cookies()

    def lose_the_reply(route) -> None:
        route.fetch()  # the answers reach the server...
        route.abort()  # ...but its reply never reaches the phone
        context.clear_cookies()  # nor does the new cookie it carried
        context.add_cookies(held)

    page.route("**/s/cafe/check", lose_the_reply)
    _press(page)  # Send my answers
    page.wait_for_load_state()
    page.unroute("**/s/cafe/check")
    page.goto("/s/cafe/check")  # the person goes back to the page they pressed on
    if "/check" in page.url:
        _press(page)  # and presses "Send my answers" again
    assert page.url.endswith("/s/cafe/done")
    assert "We have your answers" in page.locator("main h1").inner_text()
    with app.app_context():
        sent = db.session.execute(select(Response.status, func.count()).group_by(Response.status))
        assert dict(sent.all()) == {ResponseStatus.SUBMITTED: 1}
