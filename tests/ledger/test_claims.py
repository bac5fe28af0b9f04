"""Staff claim pages: make a claim for someone, approve, pay, refuse, and correct a mistake."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.extensions import db
from app.ledger import claims
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import ThresholdPeriod
from app.ledger.models import claim_total
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import events_to
from tests.ledger.claim_helpers import form_key
from tests.ledger.claim_helpers import pay
from tests.ledger.claim_helpers import status_of
from tests.ledger.claim_helpers import token

TODAY = date.today().isoformat()


def _as(app: Flask, role: Role, email: str) -> FlaskClient:
    client = app.test_client()
    staff = make_staff(app, role, email=email)
    assert sign_in(client, staff.email).status_code == 302
    return client


def _decide(client: FlaskClient, claim_id: int, action: str, **fields: str):
    page = f"/staff/claims/{claim_id}"
    data = {"csrf_token": token(client, "/language")}  # one token serves the whole session
    if action in ("reject", "changes", "pay"):
        data[f"{action}-csrf_token"] = data["csrf_token"]
    data.update(fields)
    return client.post(f"{page}/{action}", data=data)


def _line(**changes: str) -> dict[str, str]:
    fields = {
        "kind": "expense",
        "category": "travel",
        "spent_on": TODAY,
        "description": "Taxi home",
        "amount": "12.00",
        "miles": "",
        "offered": "",
    }
    fields.update(changes)
    return fields


def test_coordinator_makes_a_claim_with_expense_and_payment_lines(app, ledger) -> None:
    coordinator = _as(app, Role.COORDINATOR, "maker@example.org")
    data = {"csrf_token": token(coordinator, "/staff/claims/new")}
    data["form_key"] = form_key(coordinator, "/staff/claims/new")
    data.update(participant=str(ledger.other_participant), **_line())
    response = coordinator.post("/staff/claims/new", data=data)
    assert response.status_code == 302
    claim_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert (
        coordinator.post("/staff/claims/new", data=data)
        .headers["Location"]
        .endswith(f"/{claim_id}")
    )  # a double tap makes no second claim
    add = f"/staff/claims/{claim_id}/lines/new"
    payment = _line(kind="payment", description="Panel, 2 hours", offered="30.00")
    payment.update(choice="take_less", amount="20.00", category="")
    response = coordinator.post(add, data={"csrf_token": token(coordinator, add), **payment})
    assert response.status_code == 302
    assert _decide(coordinator, claim_id, "send").status_code == 302
    with app.app_context():
        claim = db.session.get(Claim, claim_id)
        assert claim.status == ClaimStatus.SUBMITTED
        assert [(x.kind, x.amount_pence, x.counts_as_income) for x in claim.lines] == [
            (LineKind.EXPENSE, 1200, False),
            (LineKind.PAYMENT, 2000, True),
        ]
        assert claim.lines[1].offered_pence == 3000
        assert claim.lines[1].choice == PaymentChoice.TAKE_LESS
        assert claim_total(claim) == 3200
    page = coordinator.get(f"/staff/claims/{claim_id}").get_data(as_text=True)
    assert "£32.00" in page


def test_payment_choices_set_the_amount_and_income(app, ledger) -> None:
    coordinator = _as(app, Role.COORDINATOR, "maker@example.org")
    made = []
    for choice, pence, income in (
        ("accept", 3000, True),
        ("decline", 0, False),
        ("charity", 3000, False),
    ):
        data = {"csrf_token": token(coordinator, "/staff/claims/new")}
        data["form_key"] = form_key(coordinator, "/staff/claims/new")
        data.update(_line(kind="payment", offered="30", choice=choice, amount="", category=""))
        data["participant"] = str(ledger.participant)
        assert coordinator.post("/staff/claims/new", data=data).status_code == 302
        made.append((pence, income))
    with app.app_context():
        lines = db.session.query(ClaimLine).filter(ClaimLine.claim_id != ledger.claim).all()
        assert [(x.amount_pence, x.counts_as_income) for x in lines] == made


def test_bad_staff_lines_get_plain_messages(app, ledger) -> None:
    coordinator = _as(app, Role.COORDINATOR, "maker@example.org")
    cases = [
        (_line(amount="-1"), "0 or more"),
        (_line(amount="0.001"), "part of a penny"),
        (_line(amount="1000000"), "£10,000 or less"),
        (_line(category="yacht"), "Choose what kind of cost it is"),
        (_line(spent_on="3026-01-01"), "cannot be in the future"),
        (_line(kind="payment", offered="30", choice="take_less", amount="40"), "less than"),
        (_line(kind="payment", offered="", choice="accept"), "Enter an amount"),
        (_line(kind="payment", offered="30", choice="everything"), "Choose what the person chose"),
        ({**_line(), "participant": "999999"}, "Choose who the claim is for"),
    ]
    for fields, words in cases:
        data = {
            "csrf_token": token(coordinator, "/staff/claims/new"),
            "participant": str(ledger.participant),
        }
        data["form_key"] = form_key(coordinator, "/staff/claims/new")
        data.update(fields)
        response = coordinator.post("/staff/claims/new", data=data)
        assert response.status_code == 400, fields
        assert words in response.get_data(as_text=True), fields
    with app.app_context():
        assert db.session.query(Claim).count() == 1


def test_nobody_approves_or_pays_a_claim_they_created(app, ledger) -> None:
    maker = _as(app, Role.FINANCE, "finance-maker@example.org")
    data = {
        "csrf_token": token(maker, "/staff/claims/new"),
        "form_key": form_key(maker, "/staff/claims/new"),
    }
    data.update(participant=str(ledger.participant), **_line())
    claim_id = int(maker.post("/staff/claims/new", data=data).headers["Location"].rsplit("/", 1)[1])
    _decide(maker, claim_id, "send")
    refused = _decide(maker, claim_id, "approve")
    assert refused.status_code == 400
    assert "someone else must approve" in refused.get_data(as_text=True)
    assert status_of(app, claim_id) == ClaimStatus.SUBMITTED
    approve(app, claim_id)
    refused = _decide(maker, claim_id, "pay", **{"pay-method": "cash", "pay-paid_on": TODAY})
    assert refused.status_code == 400 and "someone else must approve and pay" in refused.get_data(
        as_text=True
    )
    assert status_of(app, claim_id) == ClaimStatus.APPROVED


def test_coordinators_approve_only_up_to_the_limit(app, ledger) -> None:
    with app.app_context():
        claims.set_coordinator_limit(3000)  # the claim is £34.80
    coordinator = _as(app, Role.COORDINATOR, "approver@example.org")
    refused = _decide(coordinator, ledger.claim, "approve")
    assert refused.status_code == 400 and "over the amount coordinators" in refused.get_data(
        as_text=True
    )
    with app.app_context():
        claims.set_coordinator_limit(3480)
    assert _decide(coordinator, ledger.claim, "approve").status_code == 302
    assert status_of(app, ledger.claim) == ClaimStatus.APPROVED


def test_coordinator_cannot_mark_paid(app, ledger) -> None:
    approve(app, ledger.claim)
    coordinator = _as(app, Role.COORDINATOR, "approver@example.org")
    assert "Mark as paid" not in coordinator.get(f"/staff/claims/{ledger.claim}").get_data(
        as_text=True
    )
    refused = _decide(
        coordinator, ledger.claim, "pay", **{"pay-method": "cash", "pay-paid_on": TODAY}
    )
    assert refused.status_code == 400 and "Only finance" in refused.get_data(as_text=True)


def test_reject_and_changes_need_a_reason(app, ledger) -> None:
    finance = _as(app, Role.FINANCE, "decider@example.org")
    for action in ("reject", "changes"):
        response = _decide(finance, ledger.claim, action, **{f"{action}-reason": "  "})
        assert response.status_code == 400
        assert "Write a reason" in response.get_data(as_text=True)
    assert status_of(app, ledger.claim) == ClaimStatus.SUBMITTED
    response = _decide(finance, ledger.claim, "reject", **{"reject-reason": "Not our event"})
    assert response.status_code == 302
    assert status_of(app, ledger.claim) == ClaimStatus.REJECTED


def test_finance_approves_and_pays_and_a_second_press_is_already_done(app, ledger) -> None:
    approver = _as(app, Role.FINANCE, "approver@example.org")
    assert _decide(approver, ledger.claim, "approve").status_code == 302
    again = _decide(approver, ledger.claim, "approve")
    assert again.status_code == 200 and "This was already done" in again.get_data(as_text=True)
    finance = _as(app, Role.FINANCE, "payer@example.org")  # the payer is not the approver
    paid = {"pay-method": "bank_transfer", "pay-reference": "BACS 12", "pay-paid_on": TODAY}
    assert _decide(finance, ledger.claim, "pay", **paid).status_code == 302
    assert _decide(finance, ledger.claim, "pay", **paid).status_code == 200
    assert events_to(app, ledger.claim, ClaimStatus.PAID) == 1
    with app.app_context():
        claim = db.session.get(Claim, ledger.claim)
        # The day typed in is the day kept (a run across midnight must not fail it).
        assert claim.paid_reference == "BACS 12" and claim.paid_on.isoformat() == TODAY
    page = finance.get(f"/staff/claims/{ledger.claim}").get_data(as_text=True)
    assert "Approve the claim" not in page and "Correct a mistake" in page


def test_payment_needs_a_method_and_a_sensible_date(app, ledger) -> None:
    approve(app, ledger.claim)
    finance = _as(app, Role.FINANCE, "payer@example.org")
    far = (date.today() + timedelta(days=400)).isoformat()
    response = _decide(finance, ledger.claim, "pay", **{"pay-paid_on": far})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Choose how it was paid" in page and "cannot be in the future" in page
    assert status_of(app, ledger.claim) == ClaimStatus.APPROVED


def test_viewers_see_claims_but_no_buttons(app, ledger) -> None:
    viewer = _as(app, Role.VIEWER, "viewer@example.org")
    page = viewer.get(f"/staff/claims/{ledger.claim}").get_data(as_text=True)
    assert "Bus fare" in page and "Approve the claim" not in page
    listing = viewer.get("/staff/claims?status=submitted").get_data(as_text=True)
    assert f"Claim {ledger.claim}" in listing
    assert f"Claim {ledger.claim}" not in viewer.get("/staff/claims?status=paid").get_data(
        as_text=True
    )
    csrf = token(viewer, "/language")
    assert (
        viewer.post(f"/staff/claims/{ledger.claim}/approve", data={"csrf_token": csrf}).status_code
        == 403
    )


def test_list_is_newest_first(app, ledger) -> None:
    with app.app_context():
        newer = Claim(participant_id=ledger.other_participant, status=ClaimStatus.SUBMITTED)
        db.session.add(newer)
        db.session.commit()
        newer_id = newer.id
    page = _as(app, Role.VIEWER, "viewer@example.org").get("/staff/claims").get_data(as_text=True)
    assert page.index(f"Claim {newer_id}") < page.index(f"Claim {ledger.claim}")


def test_warning_before_approving_a_claim_over_a_benefit_threshold(app, ledger) -> None:
    with app.app_context():
        db.session.add(
            BenefitThreshold(
                name="Test weekly limit",
                period=ThresholdPeriod.WEEK,
                amount_pence=2000,
                effective_from=date(2020, 1, 1),
            )
        )
        db.session.commit()
    page = (
        _as(app, Role.FINANCE, "f@example.org")
        .get(f"/staff/claims/{ledger.claim}")
        .get_data(as_text=True)
    )
    assert "Check before you approve" in page and "Test weekly limit" in page
    assert "Approve the claim" in page  # a warning never blocks


def test_a_paid_mistake_is_corrected_by_a_new_reversal_claim(app, ledger) -> None:
    approve(app, ledger.claim)
    pay(app, ledger.claim)
    finance = _as(app, Role.FINANCE, "corrector@example.org")
    path = f"/staff/claims/{ledger.claim}/correct"
    with app.app_context():
        bus = db.session.get(Claim, ledger.claim).lines[0].id
    data = {
        "csrf_token": token(finance, path),
        "form_key": form_key(finance, path),
        "line": str(bus),
    }
    response = finance.post(path, data=data)
    assert response.status_code == 302
    new_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert finance.post(path, data=data).headers["Location"].endswith(f"/{new_id}")
    with app.app_context():
        original = db.session.get(Claim, ledger.claim)
        fix = db.session.get(Claim, new_id)
        assert original.status == ClaimStatus.PAID and claim_total(original) == 3480
        assert fix.participant_id == ledger.participant and fix.status == ClaimStatus.DRAFT
        [line] = fix.lines
        assert line.kind == LineKind.REVERSAL and line.amount_pence == -480
        assert line.reverses_line_id == bus
    # The corrector made it, so someone else approves it, then it is paid like any claim.
    _decide(finance, new_id, "send")
    assert _decide(finance, new_id, "approve").status_code == 400
    approve(app, new_id, email="other-finance@example.org")
    pay(app, new_id, email="other-payer@example.org")
    assert status_of(app, new_id) == ClaimStatus.PAID
    # The same line cannot be reversed twice.
    page = finance.get(path).get_data(as_text=True)
    assert f'value="{bus}"' not in page


def test_unpaid_claims_are_not_corrected_by_reversal(app, ledger) -> None:
    finance = _as(app, Role.FINANCE, "corrector@example.org")
    page = finance.get(f"/staff/claims/{ledger.claim}/correct").get_data(as_text=True)
    assert "Only a paid claim is corrected this way" in page
    with app.app_context():
        assert db.session.query(Claim).count() == 1


def test_the_database_refuses_to_change_or_delete_audit_rows(app, ledger) -> None:
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    approve(app, ledger.claim)
    assert events_to(app, ledger.claim, ClaimStatus.APPROVED) == 1
    for statement in (
        "UPDATE claim_events SET reason = 'rewritten'",
        "UPDATE claim_events SET to_status = 'paid'",
        "DELETE FROM claim_events",
    ):
        with app.app_context():
            with pytest.raises(DBAPIError, match="append-only"):
                db.session.execute(text(statement))
            db.session.rollback()
    with app.app_context():
        rows = db.session.execute(text("SELECT to_status, reason FROM claim_events")).all()
    assert [tuple(row) for row in rows] == [("approved", "")]


def test_a_paid_claim_says_when_and_how_in_words(app, ledger) -> None:
    from flask_babel import format_date

    approve(app, ledger.claim)
    pay(app, ledger.claim)
    client = _as(app, Role.VIEWER, "reader@example.org")
    page = client.get(f"/staff/claims/{ledger.claim}").get_data(as_text=True)
    with app.test_request_context():
        today = format_date(date.today(), "long")
    assert f"£34.80 on {today} by Bank transfer, reference REF1" in page
