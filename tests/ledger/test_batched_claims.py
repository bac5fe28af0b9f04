"""Once finance puts a line of a claim in a payment batch, nobody can cancel it (issue 9, 3).

The batch CSV pays it, so cancelling would show "cancelled" for money that is paid and take the
income off the person's statement. Only a reversal, once it is paid, may undo it.
"""

from __future__ import annotations

from collections import Counter

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.ledger import claims
from app.ledger import export
from app.ledger.claims import Actor
from app.ledger.claims import AlreadyDone
from app.ledger.claims import ClaimRefused
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import events_to
from tests.ledger.claim_helpers import pay
from tests.ledger.claim_helpers import status_of
from tests.ledger.claim_helpers import token
from tests.ledger.test_claim_races import LOST
from tests.ledger.test_claim_races import ROUNDS
from tests.ledger.test_claim_races import THREADS
from tests.ledger.test_claim_races import WON
from tests.ledger.test_claim_races import _claim
from tests.ledger.test_claim_races import race

BEING_PAID = "This claim is already being paid, so it cannot be cancelled."


def _batch(app: Flask, claim_id: int) -> None:
    exporter = make_staff(app, Role.FINANCE, email="batch-exporter@example.org")
    with app.app_context():
        ids = list(db.session.scalars(select(ClaimLine.id).where(ClaimLine.claim_id == claim_id)))
        export.export_batch(ids, exporter.id)
        db.session.remove()


def _coordinator(app: Flask) -> FlaskClient:
    client = app.test_client()
    user = make_staff(app, Role.COORDINATOR, email="other-coordinator@example.org")
    assert sign_in(client, user.email).status_code == 302
    return client


def test_participant_cannot_cancel_a_claim_in_a_payment_batch(
    app: Flask, ledger, participant_client
) -> None:
    approve(app, ledger.claim)
    _batch(app, ledger.claim)
    client = participant_client(ledger.participant)
    path = f"/me/claims/{ledger.claim}"
    page = client.get(path).get_data(as_text=True)
    assert "Cancel this claim" not in page and BEING_PAID in page
    assert client.get(f"{path}/cancel").headers["Location"] == path  # no question to answer
    confirmed = {"csrf_token": token(client, "/language"), "confirm": "yes"}
    response = client.post(f"{path}/cancel", data=confirmed)
    assert response.status_code == 400 and BEING_PAID in response.get_data(as_text=True)
    assert status_of(app, ledger.claim) == ClaimStatus.APPROVED
    assert events_to(app, ledger.claim, ClaimStatus.CANCELLED) == 0


def test_coordinator_cannot_cancel_a_claim_in_a_payment_batch(app: Flask, ledger) -> None:
    approve(app, ledger.claim)
    _batch(app, ledger.claim)
    client = _coordinator(app)
    path = f"/staff/claims/{ledger.claim}"
    page = client.get(path).get_data(as_text=True)
    assert "Cancel the claim" not in page and "staff can undo it with a reversal" in page
    response = client.post(f"{path}/cancel", data={"csrf_token": token(client, "/language")})
    assert response.status_code == 400 and BEING_PAID in response.get_data(as_text=True)
    assert status_of(app, ledger.claim) == ClaimStatus.APPROVED
    # Paying it is still possible, and a reversal then undoes it.
    pay(app, ledger.claim)
    assert status_of(app, ledger.claim) == ClaimStatus.PAID


def test_an_approved_claim_not_yet_in_a_batch_can_still_be_cancelled(app: Flask, ledger) -> None:
    approve(app, ledger.claim)
    coordinator = make_staff(app, Role.COORDINATOR, email="canceller@example.org")
    with app.app_context():
        claims.move(
            ledger.claim,
            ClaimStatus.CANCELLED,
            Actor(staff_id=coordinator.id, role=Role.COORDINATOR),
        )
    assert status_of(app, ledger.claim) == ClaimStatus.CANCELLED


def test_the_database_refuses_the_cancel_even_when_the_check_read_too_early(
    app: Flask, ledger, monkeypatch
) -> None:
    """The batch lands between the check and the UPDATE: the conditional UPDATE still refuses."""
    approve(app, ledger.claim)
    _batch(app, ledger.claim)
    monkeypatch.setattr(claims, "in_batch", lambda _claim_id: False)  # the check's stale read
    with app.app_context(), pytest.raises(AlreadyDone):
        claims.move(ledger.claim, ClaimStatus.CANCELLED, Actor(participant_id=ledger.participant))
    assert status_of(app, ledger.claim) == ClaimStatus.APPROVED


def test_exports_and_cancels_at_once_never_leave_a_cancelled_claim_in_a_batch(
    app: Flask, ledger
) -> None:
    finance = make_staff(app, Role.FINANCE, email="race-exporter@example.org").id
    total: Counter = Counter()
    for _round in range(ROUNDS):
        claim_id = _claim(app, ledger.participant, ledger.coordinator, ClaimStatus.APPROVED)
        with app.app_context():
            line_ids = list(
                db.session.scalars(select(ClaimLine.id).where(ClaimLine.claim_id == claim_id))
            )

        def work(i: int, claim_id: int = claim_id, line_ids: list[int] = line_ids) -> None:
            if i % 2:
                export.export_batch(line_ids, finance)
            else:
                claims.move(
                    claim_id, ClaimStatus.CANCELLED, Actor(participant_id=ledger.participant)
                )

        losing = (AlreadyDone, ClaimRefused, export.NothingToExport)
        tally = race(app, work, losing)
        assert set(tally) <= {WON, LOST}, tally
        with app.app_context():
            status = db.session.get(Claim, claim_id).status
            batched = claims.in_batch(claim_id)
        assert (status, batched) in ((ClaimStatus.CANCELLED, False), (ClaimStatus.APPROVED, True))
        total += tally
    assert total[WON] == ROUNDS and total[LOST] == ROUNDS * (THREADS - 1)
