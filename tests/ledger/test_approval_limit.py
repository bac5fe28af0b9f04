"""The admin sets how much a coordinator may approve; the rule follows it at once."""

from __future__ import annotations

import pytest
from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger.claims import Actor
from app.ledger.claims import ClaimRefused
from app.ledger.claims import coordinator_limit
from app.ledger.claims import move
from app.ledger.models import ClaimStatus
from tests.conftest import LedgerData
from tests.conftest import csrf_token
from tests.conftest import make_staff


def test_admin_sets_the_coordinator_limit_in_pounds(app: Flask, staff_client) -> None:
    client = staff_client(Role.ADMIN)
    token = csrf_token(client, "/staff/claims/approval-limit")
    response = client.post(
        "/staff/claims/approval-limit", data={"csrf_token": token, "amount": "£40.00"}
    )
    assert response.status_code == 302
    with app.app_context():
        assert coordinator_limit() == 4000


@pytest.mark.parametrize("typed", ["-5", "4.005", "lots", "99999999"])
def test_bad_limits_get_a_plain_message(staff_client, typed: str) -> None:
    client = staff_client(Role.ADMIN)
    token = csrf_token(client, "/staff/claims/approval-limit")
    response = client.post(
        "/staff/claims/approval-limit", data={"csrf_token": token, "amount": typed}
    )
    assert response.status_code == 400
    assert 'href="#amount"' in response.get_data(as_text=True)


def test_coordinator_approves_only_up_to_the_limit(app: Flask, ledger: LedgerData) -> None:
    other = make_staff(app, Role.COORDINATOR, email="second-coordinator@example.org")
    with app.app_context():
        from app.ledger.claims import set_coordinator_limit

        set_coordinator_limit(3000)  # the claim is £34.80
        with pytest.raises(ClaimRefused, match="over the amount coordinators can approve"):
            move(ledger.claim, ClaimStatus.APPROVED, Actor(other.id, Role.COORDINATOR))
        set_coordinator_limit(3480)
        claim = move(ledger.claim, ClaimStatus.APPROVED, Actor(other.id, Role.COORDINATOR))
        assert claim.status == ClaimStatus.APPROVED
        db.session.remove()
