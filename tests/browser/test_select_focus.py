"""A drop-down list shows the same strong focus as a text box: a black inner line inside the
yellow ring, not the yellow ring alone, which is 1.35:1 on white (issue 11, point 23)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BLACK_INSET = "rgb(11, 12, 12) 0px 0px 0px 2px inset"


def test_selects_and_inputs_focus_alike(phone, survey) -> None:
    page = phone("en", javascript=True).new_page()
    page.goto("/s/cafe")
    page.locator("main form button[type=submit]").first.click()
    page.locator("#agree").check()
    page.locator("main form button[type=submit]").first.click()
    page.goto(f"/s/cafe/q/{survey.questions['priorities']}")
    page.locator("#answer-1").focus()
    select_shadow = page.eval_on_selector("#answer-1", "e => getComputedStyle(e).boxShadow")
    page.goto(f"/s/cafe/q/{survey.questions['household']}")
    page.locator("#answer").focus()
    input_shadow = page.eval_on_selector("#answer", "e => getComputedStyle(e).boxShadow")
    assert select_shadow == input_shadow == BLACK_INSET
