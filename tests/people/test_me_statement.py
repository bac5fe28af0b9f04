"""A participant's own payment statement and benefits letter at /me."""

from __future__ import annotations

from flask import Flask

from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from tests.conftest import LedgerData


def _approve(app: Flask, claim_id: int) -> None:
    with app.app_context():
        db.session.get(Claim, claim_id).status = ClaimStatus.APPROVED
        db.session.commit()


def test_participant_sees_their_own_statement_and_letter(
    app: Flask, ledger: LedgerData, participant_client
) -> None:
    _approve(app, ledger.claim)
    client = participant_client(ledger.participant)
    page = client.get("/me/statement", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Payment statement for Ama" in page
    assert "£30.00" in page and "£4.80" in page
    assert 'href="/me/letter?' in page
    letter = client.get("/me/letter", headers={"Accept-Language": "en"})
    assert letter.status_code == 200 and "Ama" in letter.get_data(as_text=True)


def test_statement_shows_only_the_signed_in_person(
    app: Flask, ledger: LedgerData, participant_client
) -> None:
    _approve(app, ledger.claim)
    page = participant_client(ledger.other_participant).get("/me/statement").get_data(as_text=True)
    assert "Ama" not in page and "£30.00" not in page


def test_a_signed_in_participant_can_reach_their_area_from_any_page(
    ledger: LedgerData,
    participant_client,
) -> None:
    client = participant_client(ledger.participant)
    for path in ("/", "/language", "/no-such-page"):
        page = client.get(path, headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert 'href="/me">Your area</a>' in page, path
