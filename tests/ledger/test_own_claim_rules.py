"""Nobody approves or pays their own claim (issue 9, 4).

(a) Whoever made a claim, wrote a line of it or sent it may not approve or pay it, and the
approver and the payer are two people. (b) A member of staff's own participant record is linked
to them by email, so a claim made through /me as that person is theirs too, and nobody prints
their own sign-in card.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.ledger import claim_services
from app.ledger import claims
from app.ledger.claims import Actor
from app.ledger.claims import AlreadyDone
from app.ledger.claims import ClaimRefused
from app.ledger.claims import Payment
from app.ledger.models import Category
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentMethod
from app.people.models import Participant
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.ledger.claim_helpers import status_of
from tests.people.test_staff_people import FULL

BIG_LINE = claim_services.LineInput(
    kind=LineKind.EXPENSE,
    category=Category.OTHER,
    spent_on=date.today(),
    description="Equipment",
    amount_pence=90000,
)
PAID = Payment(PaymentMethod.BANK_TRANSFER, "BACS 9", date.today())


def _staff(app: Flask, role: Role, email: str) -> Actor:
    return Actor(staff_id=make_staff(app, role, email=email).id, role=role)


def _move(app: Flask, claim_id: int, to: ClaimStatus, actor: Actor) -> None:
    with app.test_request_context():
        try:
            claims.move(claim_id, to, actor, payment=PAID if to == ClaimStatus.PAID else None)
        finally:
            db.session.remove()


def _coordinator_draft_with_a_finance_line(app: Flask, ledger) -> tuple[int, Actor]:
    """A coordinator's draft to which finance adds a £900 line: the attack in the review."""
    finance = _staff(app, Role.FINANCE, "line-writer@example.org")
    with app.test_request_context():
        first = replace(BIG_LINE, amount_pence=500)
        claim_id = claim_services.start_staff_claim(
            ledger.participant, ledger.coordinator, first, "own-rules-key"
        )
        claim_services.add_line(claim_id, BIG_LINE, finance.staff_id)
        authors = set(
            db.session.scalars(
                select(ClaimLine.author_staff_id).where(ClaimLine.claim_id == claim_id)
            )
        )
        assert authors == {ledger.coordinator, finance.staff_id}
        db.session.remove()
    return claim_id, finance


def test_who_wrote_a_line_cannot_send_approve_and_pay_it_alone(app: Flask, ledger) -> None:
    claim_id, finance = _coordinator_draft_with_a_finance_line(app, ledger)
    _move(app, claim_id, ClaimStatus.SUBMITTED, finance)
    with pytest.raises(ClaimRefused, match="You sent this claim"):
        _move(app, claim_id, ClaimStatus.APPROVED, finance)
    assert status_of(app, claim_id) == ClaimStatus.SUBMITTED


def test_who_wrote_a_line_cannot_approve_or_pay_even_when_another_sent_it(
    app: Flask, ledger
) -> None:
    claim_id, finance = _coordinator_draft_with_a_finance_line(app, ledger)
    coordinator = Actor(staff_id=ledger.coordinator, role=Role.COORDINATOR)
    _move(app, claim_id, ClaimStatus.SUBMITTED, coordinator)
    with pytest.raises(ClaimRefused, match="You wrote a line of this claim"):
        _move(app, claim_id, ClaimStatus.APPROVED, finance)
    approver = _staff(app, Role.FINANCE, "second-finance@example.org")
    _move(app, claim_id, ClaimStatus.APPROVED, approver)
    with pytest.raises(ClaimRefused, match="You wrote a line of this claim"):
        _move(app, claim_id, ClaimStatus.PAID, finance)
    assert status_of(app, claim_id) == ClaimStatus.APPROVED


def test_the_approver_cannot_also_pay(app: Flask, ledger) -> None:
    approver = _staff(app, Role.FINANCE, "approver-payer@example.org")
    _move(app, ledger.claim, ClaimStatus.APPROVED, approver)
    with pytest.raises(ClaimRefused, match="You approved this claim, so someone else must pay it"):
        _move(app, ledger.claim, ClaimStatus.PAID, approver)
    _move(app, ledger.claim, ClaimStatus.PAID, _staff(app, Role.FINANCE, "payer2@example.org"))
    assert status_of(app, ledger.claim) == ClaimStatus.PAID


def test_the_database_refuses_a_line_writer_even_past_a_stale_check(
    app: Flask, ledger, monkeypatch
) -> None:
    """The rule is also in the conditional UPDATE: with the read-side check gone, no approval."""
    claim_id, finance = _coordinator_draft_with_a_finance_line(app, ledger)
    _move(
        app,
        claim_id,
        ClaimStatus.SUBMITTED,
        Actor(staff_id=ledger.coordinator, role=Role.COORDINATOR),
    )
    monkeypatch.setattr(claims, "_check_not_own", lambda *_args: None)
    with pytest.raises(AlreadyDone):
        _move(app, claim_id, ClaimStatus.APPROVED, finance)
    assert status_of(app, claim_id) == ClaimStatus.SUBMITTED


def test_line_writer_sees_why_there_is_no_approve_button(app: Flask, ledger) -> None:
    claim_id, _finance = _coordinator_draft_with_a_finance_line(app, ledger)
    _move(
        app,
        claim_id,
        ClaimStatus.SUBMITTED,
        Actor(staff_id=ledger.coordinator, role=Role.COORDINATOR),
    )
    client = app.test_client()
    assert sign_in(client, "line-writer@example.org").status_code == 302
    page = client.get(f"/staff/claims/{claim_id}").get_data(as_text=True)
    assert "Approve the claim" not in page
    assert "You wrote a line of this claim, so someone else must approve and pay it." in page
    response = client.post(
        f"/staff/claims/{claim_id}/approve", data={"csrf_token": csrf_token(client, "/language")}
    )
    assert response.status_code == 400
    assert status_of(app, claim_id) == ClaimStatus.SUBMITTED


def _coordinator_client(app: Flask, email: str) -> tuple[FlaskClient, int]:
    client = app.test_client()
    staff = make_staff(app, Role.COORDINATOR, email=email)
    assert sign_in(client, staff.email).status_code == 302
    return client, staff.id


def _add_person(client: FlaskClient, email: str) -> int:
    html = client.get("/staff/people/new").get_data(as_text=True)
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    data = {**FULL, "email": email, "csrf_token": csrf_token(client, "/staff/people/new")}
    response = client.post("/staff/people/new", data={**data, "form_key": key})
    assert response.status_code == 302
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def _own_claim_through_me(app: Flask, participant_id: int) -> int:
    with app.test_request_context():
        claim_id = claim_services.submit_own_claim(participant_id, BIG_LINE, None, "me-own-key")
        db.session.remove()
    return claim_id


def test_a_staff_members_own_record_is_linked_and_their_claim_is_refused(app: Flask) -> None:
    client, staff_id = _coordinator_client(app, "Dee.Coordinator@example.org")
    person_id = _add_person(client, " dee.coordinator@EXAMPLE.org")
    with app.app_context():
        assert db.session.get(Participant, person_id).staff_user_id == staff_id
    claim_id = _own_claim_through_me(app, person_id)
    with pytest.raises(ClaimRefused, match="This is your own claim"):
        _move(app, claim_id, ClaimStatus.APPROVED, Actor(staff_id=staff_id, role=Role.COORDINATOR))
    assert status_of(app, claim_id) == ClaimStatus.SUBMITTED


def test_staff_cannot_print_a_card_for_a_record_with_their_own_email(app: Flask) -> None:
    client, _staff_id = _coordinator_client(app, "eli@example.org")
    person_id = _add_person(client, "eli@example.org")
    path = f"/staff/people/{person_id}"
    response = client.post(f"{path}/card", data={"csrf_token": csrf_token(client, path)})
    assert response.status_code == 302
    page = client.get(path).get_data(as_text=True)
    assert "This record has your own email address. Ask someone else to print your card." in page
    with app.app_context():
        assert db.session.get(Participant, person_id).card_code_digest is None


def test_a_staff_account_made_after_the_record_is_still_refused_by_email(
    app: Flask, ledger
) -> None:
    late = _staff(app, Role.FINANCE, "ama@example.org")  # Ama's own email, a later staff account
    with pytest.raises(ClaimRefused, match="This is your own claim"):
        _move(app, ledger.claim, ClaimStatus.APPROVED, late)
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED
