"""The finance export: approved, unpaid lines go into one numbered batch, never two."""

from __future__ import annotations

import csv
import io

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.core.spreadsheets import neutralise
from app.extensions import db
from app.ledger.export import pounds
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentBatch
from app.people.models import Participant
from app.people.models import PaymentPreference
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import token

EXPORT = "/staff/claims/export"


def _finance(app: Flask, email: str = "exporter@example.org") -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, make_staff(app, Role.FINANCE, email=email).email).status_code == 302
    return client


def _export(client: FlaskClient):
    page = client.get(EXPORT).get_data(as_text=True)
    ids = (
        page.split('name="line_ids" type="hidden" value="', 1)[1].split('"', 1)[0]
        if "line_ids" in page
        else ""
    )
    return client.post(EXPORT, data={"csrf_token": token(client, "/language"), "line_ids": ids})


def _next_number(app: Flask) -> int:
    """The number the next batch gets (the ledger fixture may already hold a batch)."""
    with app.app_context():
        numbers = [batch.number for batch in db.session.query(PaymentBatch)]
    return max(numbers, default=0) + 1


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_export_puts_approved_lines_in_batch_1_and_downloads_them(app, ledger) -> None:
    approve(app, ledger.claim)
    number = _next_number(app)
    client = _finance(app)
    page = client.get(EXPORT).get_data(as_text=True)
    assert "£4.80" in page and "£30.00" in page
    response = _export(client)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert f'filename="batch-{number}.csv"' in response.headers["Content-Disposition"]
    header, *rows = _rows(response)
    assert header == [
        "Participant reference",
        "Claim",
        "Category",
        "What for",
        "Amount (£)",
        "Counts as income",
        "Payment method",
    ]
    reference = f"P{ledger.participant:05d}"
    assert rows == [
        [reference, str(ledger.claim), "travel", "Travel", "4.80", "no", "Bank transfer"],
        [reference, str(ledger.claim), "time", "Time", "30.00", "yes", "Bank transfer"],
    ]
    # Exported lines are gone from the page and cannot be exported again.
    assert "There is nothing to export now" in client.get(EXPORT).get_data(as_text=True)
    again = client.get(f"/staff/claims/batches/{number}.csv")
    assert _rows(again) == [header, *rows]
    assert client.get(f"/staff/claims/batches/{number + 1}.csv").status_code == 404
    assert client.get("/staff/claims/batches/99999999999999.csv").status_code == 404


def test_unapproved_and_zero_lines_are_not_exported(app, ledger) -> None:
    client = _finance(app)
    assert "There is nothing to export now" in client.get(EXPORT).get_data(as_text=True)
    with app.app_context():
        db.session.get(Claim, ledger.claim).lines[0].amount_pence = 0
        db.session.commit()
    approve(app, ledger.claim)
    header, *rows = _rows(_export(client))
    assert [row[2] for row in rows] == ["time"]


def test_posting_lines_already_in_a_batch_is_already_done(app, ledger) -> None:
    approve(app, ledger.claim)
    before = _next_number(app)
    client = _finance(app)
    page = client.get(EXPORT).get_data(as_text=True)
    ids = page.split('name="line_ids" type="hidden" value="', 1)[1].split('"', 1)[0]
    data = {"csrf_token": token(client, "/language"), "line_ids": ids}
    assert client.post(EXPORT, data=data).status_code == 200
    second = client.post(EXPORT, data=data)
    assert second.status_code == 200 and "This was already done" in second.get_data(as_text=True)
    assert _next_number(app) == before + 1


def test_csv_cells_cannot_start_a_formula(app, ledger) -> None:
    for dangerous in ('=HYPERLINK("x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("P00001") == "P00001"
    assert pounds(480) == "4.80" and pounds(-5) == "-0.05" and pounds(100000) == "1000.00"
    with app.app_context():
        person = db.session.get(Participant, ledger.participant)
        person.payment_preference = PaymentPreference.CHARITY
        db.session.commit()
    approve(app, ledger.claim)
    _header, *rows = _rows(_export(_finance(app)))
    assert {row[-1] for row in rows} == {"Give to a charity"}


def test_batch_numbers_count_up(app, ledger) -> None:
    approve(app, ledger.claim)
    number = _next_number(app)
    client = _finance(app)
    assert f"batch-{number}.csv" in _export(client).headers["Content-Disposition"]
    with app.app_context():
        claim = Claim(participant_id=ledger.other_participant, status=ClaimStatus.APPROVED)
        claim.lines = [
            ClaimLine(
                kind="expense",
                category="care",
                spent_on=db.session.get(Claim, ledger.claim).lines[0].spent_on,
                description="Carer",
                amount_pence=2500,
            )
        ]
        db.session.add(claim)
        db.session.commit()
    assert f"batch-{number + 1}.csv" in _export(client).headers["Content-Disposition"]
    assert f"Download batch {number} again" in client.get(EXPORT).get_data(as_text=True)
