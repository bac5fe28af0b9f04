"""Privacy journeys in a phone-sized browser with JavaScript off: a person downloads what we hold
and asks to be erased; an admin erases them and sets how long data is kept."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.staff_helpers import finish_two_step_in_browser

pytestmark = pytest.mark.browser


def _card_code(app: Flask, participant_id: int) -> str:
    from app.people import signin

    with app.test_request_context():
        return signin.new_card_code(participant_id)


def _staff_page(app: Flask, phone):
    user = make_staff(app, Role.ADMIN, email="privacy-admin@example.org")
    page = phone("en", javascript=False).new_page()
    page.goto("/login")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    finish_two_step_in_browser(page, app, user.email)
    page.wait_for_url("**/staff/")
    return page


def test_person_asks_to_be_erased_and_an_admin_erases_them_without_javascript(
    app: Flask, phone, ledger
) -> None:
    person = phone("en", javascript=False).new_page()
    person.goto("/me/sign-in")
    person.get_by_label("The code on your card").fill(_card_code(app, ledger.participant))
    person.locator("main button[type=submit]").click()
    person.goto("/me/data")
    with person.expect_download() as download:
        person.get_by_role("link", name="a photo of each receipt").click()
    assert download.value.suggested_filename == "my-data.zip"
    person.get_by_role("link", name="Ask us to erase what we hold about you").click()
    person.get_by_role("button", name="Ask us to erase my details").click()
    assert person.get_by_text("We have your request.").is_visible()

    admin = _staff_page(app, phone)
    admin.get_by_role("link", name="Privacy").click()
    admin.get_by_role("link", name="Ama").click()
    admin.get_by_role("button", name="Erase their details").click()
    assert admin.get_by_text("open claims must be paid, rejected or cancelled").first.is_visible()
    with app.app_context():
        db.session.execute(update(Claim).values(status=ClaimStatus.PAID, paid_on=date.today()))
        db.session.commit()
    # The refusal page keeps the button: once the claim is paid, pressing it again works.
    admin.get_by_role("button", name="Erase their details").click()
    kept_as = f"Person {ledger.participant:04d}"
    assert admin.get_by_role("heading", name=kept_as).is_visible()
    person.goto("/me")
    assert "/me/sign-in" in person.url  # signed out everywhere


def test_admin_sets_how_long_data_is_kept_without_javascript(app: Flask, phone) -> None:
    page = _staff_page(app, phone)
    page.goto("/staff/privacy/retention")
    field = page.get_by_label("Receipt photos of finished claims")
    field.fill("30")
    page.get_by_role("button", name="Save the periods").click()
    summary = page.locator(".error-summary")
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#receipts")
    page.get_by_label("Receipt photos of finished claims").fill("2500")
    page.get_by_role("button", name="Save the periods").click()
    assert page.get_by_text("The periods are saved.").is_visible()
    assert page.get_by_label("Receipt photos of finished claims").input_value() == "2500"
