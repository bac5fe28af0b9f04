"""A participant completes the demo survey on a phone-sized browser, with JavaScript off and on,
in English and Arabic: start, consent, every question type, a branch, Back, Change, stop half way,
carry on the next day on another phone with the code, and send."""

from __future__ import annotations

import pytest

from tests.conftest import MadeSurvey

pytestmark = pytest.mark.browser


def _press(page, index: int = 0) -> None:
    page.locator("main form button[type=submit]").nth(index).click()


def _choose(page, value: str) -> None:
    page.locator(f"main input[value='{value}']").check()
    _press(page)


def _no_sideways_scroll(page, javascript: bool) -> None:
    if javascript:  # page.evaluate needs JavaScript; the axe tests check reflow for every page
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_participant_completes_the_survey_across_two_days(
    phone,
    survey: MadeSurvey,
    lang: str,
    javascript: bool,
) -> None:
    page = phone(lang, javascript=javascript).new_page()
    page.goto("/")
    page.locator("main a[href='/s/cafe']").click()
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    _press(page)  # Start now
    page.locator("#agree").check()
    _press(page)
    code = page.locator(".code").inner_text().strip()
    assert len(code.replace(" ", "")) == 8

    _choose(page, "yes")  # visited -> the branch question follows
    assert f"/q/{survey.questions['often']}" in page.url
    page.locator(".back-link").click()  # Back to the first question, answer kept
    assert page.locator("main input[value='yes']").is_checked()
    _press(page)
    _choose(page, "weekly")
    _choose(page, "4")  # scale
    page.locator("main input[value='travel']").check()
    _press(page)  # multiple choice
    # Stop half way: the next day, on another phone, carry on with the code.
    later = phone(lang, javascript=javascript).new_page()
    later.goto("/resume")
    later.locator("#code").fill(code.lower())
    _press(later)  # welcomed back, straight to the next question in one step
    assert f"/q/{survey.questions['priorities']}" in later.url
    assert later.locator("main .notification").is_visible()
    later.locator("#answer-1").select_option("meals")
    later.locator("#answer-2").select_option("quiet")
    _press(later)
    later.locator("#answer").fill("3")
    _press(later)
    later.locator("#answer").fill("Kind staff <b>and</b> tea")
    _press(later)
    _press(later, 1)  # I'd rather not say to the last question
    assert later.url.endswith("/s/cafe/check")
    _no_sideways_scroll(later, javascript)
    # Change "visited" to No: the branch answer disappears from the check page.
    later.locator(f"main a[href*='/q/{survey.questions['visited']}']").click()
    _choose(later, "no")
    assert later.url.endswith("/s/cafe/check")
    summary = later.locator(".summary-list").inner_text()
    assert "Kind staff <b>and</b> tea" in summary
    # What people typed keeps its own direction: on an Arabic page an English answer's full
    # stop stays at its end.
    assert later.locator(".summary-value bdi", has_text="Kind staff").count() == 1
    _press(later)  # Send my answers
    assert later.url.endswith("/s/cafe/done")
    assert later.locator(".panel h1").is_visible()


@pytest.mark.parametrize("lang", ["en", "cy", "ar", "ur", "bn"])
def test_the_code_never_wraps_and_the_address_reads_left_to_right(phone, survey, lang) -> None:
    page = phone(lang, javascript=False).new_page()
    page.goto("/s/cafe")
    _press(page)  # Start now
    page.locator("#agree").check()
    _press(page)
    code = page.locator(".break .code")
    box = code.bounding_box()
    line = float(code.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert box and box["height"] < 1.5 * line and box["x"] >= 0 and box["x"] + box["width"] <= 320
    address = page.locator(".break bdi.address")
    assert address.get_attribute("dir") == "ltr"
    assert address.inner_text().endswith("/resume")
    page.goto("/resume")
    assert page.locator("bdi.code-inline[dir=ltr]").inner_text() == "ABCD 2345"
