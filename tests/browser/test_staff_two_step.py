"""Two-step sign-in and staff accounts in a real browser with JavaScript off, and the second-step
pages (which need a half-finished sign-in, so they are not in the page registry) under axe."""

from __future__ import annotations

import io
from urllib.parse import parse_qs
from urllib.parse import urlparse

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from PIL import Image

from app.auth import services
from app.auth import totp
from app.auth.models import Role
from tests.browser.test_pages_in_browser import WCAG_TAGS
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.staff_helpers import finish_two_step_in_browser
from tests.staff_helpers import next_code

pytestmark = pytest.mark.browser
_axe = Axe()


def _new_admin(app: Flask, email: str) -> int:
    with app.app_context():
        return services.create_staff_user(email, "New Admin", Role.ADMIN, PASSWORD).id


def _password(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def _scan(page) -> str:
    """Read the QR code off the screen as a phone's camera would; the key inside it."""
    shot = Image.open(io.BytesIO(page.locator("svg.qr-code").screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1, "the QR code does not scan"
    uri = urlparse(found[0].text)
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    return parse_qs(uri.query)["secret"][0]


def test_admin_sets_up_two_step_by_scanning_the_qr_code_without_javascript(
    app: Flask, phone
) -> None:
    user_id = _new_admin(app, "scan@example.org")
    page = phone("en", javascript=False).new_page()
    _password(page, "scan@example.org")
    assert page.url.endswith("/login/two-step/set-up")
    secret = _scan(page)
    assert page.locator("main .code").first.inner_text().replace(" ", "") == secret
    page.get_by_label("Code", exact=True).fill(totp.code_at(secret, totp.current_step()))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    assert page.locator("ul.recovery-codes li").count() == 10
    page.get_by_role("link", name="I have kept my codes safe, continue").click()
    assert page.url.endswith("/staff/")
    page.get_by_role("button", name="Sign out").click()
    _password(page, "scan@example.org")
    assert page.url.endswith("/login/two-step")
    page.get_by_label("Code", exact=True).fill(next_code(app, user_id))
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/staff/")


def test_admin_adds_a_colleague_who_picks_their_own_password_without_javascript(
    app: Flask, phone
) -> None:
    admin = make_staff(app, Role.ADMIN, email="journey-admin@example.org")
    page = phone("en", javascript=False).new_page()
    _password(page, admin.email)
    finish_two_step_in_browser(page, app, admin.email)
    page.goto("/staff/accounts")
    page.get_by_role("link", name="Add a member of staff").click()
    page.get_by_label("Name").fill("Dee")
    page.get_by_label("Email address").fill("dee@example.org")
    page.get_by_label("Viewer").check()
    page.get_by_role("button", name="Add account").click()
    temporary = page.locator("main p.code").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "the password is too wide"

    colleague = phone("en", javascript=False).new_page()
    _password(colleague, "dee@example.org", temporary)
    assert colleague.url.endswith("/staff/account/password")
    colleague.get_by_label("Your current password").fill(temporary)
    colleague.get_by_label("New password").fill("dee's own long passphrase")
    colleague.get_by_role("button", name="Change password").click()
    assert colleague.url.endswith("/staff/")
    assert colleague.get_by_text("Your password has been changed.").is_visible()


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_second_step_pages_have_no_axe_violations_at_320px(app: Flask, phone, lang: str) -> None:
    _new_admin(app, f"axe-{lang}@example.org")
    page = phone(lang).new_page()
    _password_in_any_language(page, f"axe-{lang}@example.org")
    secret = _check(page, "set-up")
    page.locator("#code").fill("000000")
    page.locator("main button[type=submit]").click()
    _check(page, "set-up with an error")
    page.locator("#code").fill(totp.code_at(secret, totp.current_step()))
    page.locator("main button[type=submit]").click()
    _check(page, "recovery codes")
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "lang", "value": lang, "url": page.url}])
    _password_in_any_language(page, f"axe-{lang}@example.org")
    _check(page, "code")
    page.locator("#code").fill("000000")
    page.locator("main button[type=submit]").click()
    _check(page, "code with an error")


def _password_in_any_language(page, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/login/two-step**")


def _check(page, what: str) -> str:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [v["id"] for v in results.response["violations"]]
    assert violations == [], (what, violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, what
    key = page.locator("main span.code")
    return key.inner_text().replace(" ", "") if key.count() else ""
