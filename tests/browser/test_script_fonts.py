"""Urdu reads in Nastaliq and Bengali in a Bengali face where the phone has them: system fonts
only, nothing downloaded (issue 11, point 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CSS = Path(__file__).resolve().parents[2] / "static/site.css"


@pytest.mark.parametrize(
    ("lang", "first_font"), [("ur", '"Noto Nastaliq Urdu"'), ("bn", '"Noto Sans Bengali"')]
)
def test_each_script_asks_for_its_own_system_font(phone, lang: str, first_font: str) -> None:
    page = phone(lang, javascript=False).new_page()
    page.goto("/")
    for selector in ("body", "main h1", "main p"):
        family = page.eval_on_selector(selector, "e => getComputedStyle(e).fontFamily")
        assert family.startswith(first_font), (selector, family)
    assert page.eval_on_selector("html", "e => e.lang") == lang


def test_fonts_are_the_phones_own_never_downloaded() -> None:
    css = CSS.read_text()
    assert "@font-face" not in css and "url(" not in css
