"""What a person does, done in a phone-sized browser with JavaScript switched off."""

from __future__ import annotations

import pytest
from flask import Flask

from app.auth.models import Role
from tests.conftest import PASSWORD
from tests.conftest import make_staff

pytestmark = pytest.mark.browser


def test_choosing_welsh_then_arabic_without_javascript(phone) -> None:
    page = phone("en", javascript=False).new_page()
    page.goto("/login")
    page.get_by_role("link", name="Language").click()
    page.get_by_label("Cymraeg").check()
    page.locator("main button[type=submit]").click()
    assert page.url.endswith("/login")
    assert page.get_attribute("html", "lang") == "cy"
    page.goto("/language")
    page.get_by_label("العربية").check()
    page.locator("main button[type=submit]").click()
    assert page.get_attribute("html", "dir") == "rtl"
    box = page.locator("h1").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320


def test_staff_sign_in_and_sign_out_without_javascript(app: Flask, phone) -> None:
    user = make_staff(app, Role.COORDINATOR, email="nojs@example.org")
    page = phone("en", javascript=False).new_page()
    page.goto("/staff/")
    assert "/login" in page.url
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#password")
    assert page.get_by_label("Email address").input_value() == user.email
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.url.split("#")[0].endswith("/staff/")
    assert page.get_by_text("Coordinator", exact=True).is_visible()
    page.get_by_role("button", name="Sign out").click()
    assert "/login" in page.url
    assert page.get_by_text("You have signed out.").is_visible()
    page.goto("/staff/")
    assert "/login" in page.url
