"""Cancelling a claim gives up its money, payment for time included, so the person is asked first."""

from __future__ import annotations

from flask import Flask

from app.ledger.models import ClaimStatus
from tests.ledger.claim_helpers import events_to
from tests.ledger.claim_helpers import status_of
from tests.ledger.claim_helpers import token


def test_cancel_asks_first_and_says_what_the_person_will_lose(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant)
    show = f"/me/claims/{ledger.claim}"
    assert f'href="{show}/cancel"' in ama.get(show).get_data(as_text=True)
    question = ama.get(f"{show}/cancel").get_data(as_text=True)
    # The bus fare (£4.80) and the payment for two hours (£30.00) in the ledger fixture.
    assert "you will not be paid the £34.80 in this claim" in question
    assert "That includes £30.00 payment for your time." in question
    assert (
        "Yes, cancel this claim" in question
        and 'name="confirm" type="hidden" value="yes"' in question
    )
    assert f'href="{show}"' in question  # the way back
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED


def test_a_cancel_press_without_the_answer_only_asks(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant)
    show = f"/me/claims/{ledger.claim}"
    unconfirmed = ama.post(f"{show}/cancel", data={"csrf_token": token(ama, f"{show}/cancel")})
    assert unconfirmed.status_code == 302
    assert unconfirmed.headers["Location"] == f"{show}/cancel"
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED
    assert events_to(app, ledger.claim, ClaimStatus.CANCELLED) == 0


def test_going_back_from_the_question_keeps_the_claim(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant)
    show = f"/me/claims/{ledger.claim}"
    ama.get(f"{show}/cancel")
    page = ama.get(show).get_data(as_text=True)  # the "No, keep this claim" link
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED
    assert "Cancel this claim" in page and "Your claim is cancelled." not in page


def test_yes_cancels_and_a_double_press_cancels_once(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant)
    show = f"/me/claims/{ledger.claim}"
    confirmed = {"csrf_token": token(ama, f"{show}/cancel"), "confirm": "yes"}
    first = ama.post(f"{show}/cancel", data=confirmed)
    second = ama.post(f"{show}/cancel", data=confirmed)
    assert first.status_code == 302 and first.headers["Location"] == show
    assert second.status_code == 200
    assert "Nothing was done twice" in second.get_data(as_text=True)
    assert status_of(app, ledger.claim) == ClaimStatus.CANCELLED
    assert events_to(app, ledger.claim, ClaimStatus.CANCELLED) == 1
    # Once cancelled there is nothing left to ask about.
    assert ama.get(f"{show}/cancel").headers["Location"] == show


def test_the_confirmed_cancel_still_needs_the_security_token(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant)
    response = ama.post(f"/me/claims/{ledger.claim}/cancel", data={"confirm": "yes"})
    assert response.status_code == 400
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED
