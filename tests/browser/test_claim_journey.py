"""A participant claims their bus fare with a photo of the ticket on a phone with JavaScript
off, and watches the claim go through to paid."""

from __future__ import annotations

import io
from datetime import date
from datetime import timedelta

import pytest
from flask import Flask
from PIL import Image

from app.auth.models import Role
from app.extensions import db
from app.ledger.claims import Actor
from app.ledger.claims import Payment
from app.ledger.claims import move
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentMethod
from app.ledger.models import Receipt
from tests.browser.test_pages_in_browser import _sign_in_participant
from tests.conftest import LedgerData
from tests.conftest import make_staff

pytestmark = pytest.mark.browser


def _ticket_photo(tmp_path) -> str:
    path = tmp_path / "ticket.jpg"
    image = Image.new("RGB", (600, 400), (240, 240, 200))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 28.0, 0.0)}  # where the photo was taken
    image.save(path, format="JPEG", exif=exif)
    return str(path)


def test_bus_fare_with_a_photo_goes_all_the_way_to_paid(
    app: Flask,
    phone,
    live_server: str,
    ledger: LedgerData,
    tmp_path,
) -> None:
    context = phone("en", javascript=False)
    _sign_in_participant(app, context, live_server, ledger.participant)
    page = context.new_page()
    page.goto("/me/claims/new")
    page.get_by_label("Travel", exact=False).first.check()
    page.locator("#spent_on").fill((date.today() - timedelta(days=1)).isoformat())
    page.locator("#description").fill("Bus to the café workshop")
    page.locator("#amount").fill("£3.20")
    page.locator("#receipt").set_input_files(_ticket_photo(tmp_path))
    page.locator("main form button[type=submit]").first.click()
    assert "/me/claims/" in page.url and page.locator("h1").is_visible()
    assert "£3.20" in page.content()

    with app.app_context():
        claim = db.session.query(Claim).filter(Claim.id != ledger.claim).one()
        claim_id, status = claim.id, claim.status
        stored = db.session.query(Receipt).filter(Receipt.claim_id == claim_id).one().data
        db.session.remove()
    assert status == ClaimStatus.SUBMITTED
    assert not Image.open(io.BytesIO(stored)).getexif()  # no location, no metadata at all
    # The approver and the payer are always two different people.
    approver = make_staff(app, Role.FINANCE, email="journey-approver@example.org")
    payer = make_staff(app, Role.FINANCE, email="journey-payer@example.org")
    with app.app_context():
        move(claim_id, ClaimStatus.APPROVED, Actor(approver.id, Role.FINANCE))
        move(
            claim_id,
            ClaimStatus.PAID,
            Actor(payer.id, Role.FINANCE),
            payment=Payment(PaymentMethod.BANK_TRANSFER, "BACS-1", date.today()),
        )
        db.session.remove()

    page.goto(f"/me/claims/{claim_id}")
    assert "Paid" in page.locator("main").inner_text()
