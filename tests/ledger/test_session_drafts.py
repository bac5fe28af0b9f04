"""A coordinator sends every draft claim a session made in one press (issue 11, point 9)."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimStatus
from app.people.models import PaymentPreference
from tests.ledger.session_helpers import add_people
from tests.ledger.session_helpers import add_rate
from tests.ledger.session_helpers import session_data
from tests.ledger.session_helpers import session_form

BANK = PaymentPreference.BANK_TRANSFER


def _statuses(app: Flask) -> list[ClaimStatus]:
    with app.app_context():
        return list(db.session.scalars(select(Claim.status).order_by(Claim.id)))


def test_all_drafts_of_a_session_are_sent_in_one_press_and_only_once(
    app: Flask, staff_client
) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    people = add_people(app, BANK, BANK, BANK)
    client = staff_client(Role.COORDINATOR)
    logged = client.post("/staff/sessions/new", data=session_data(session_form(client), people))
    session_page = logged.headers["Location"]
    assert _statuses(app) == [ClaimStatus.DRAFT] * 3
    page = client.get(session_page).get_data(as_text=True)
    assert "3 claims from this session have not been sent for a decision yet." in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    first = client.post(f"{session_page}/send-drafts", data={"csrf_token": token})
    again = client.post(f"{session_page}/send-drafts", data={"csrf_token": token})
    assert first.status_code == again.status_code == 302
    assert _statuses(app) == [ClaimStatus.SUBMITTED] * 3
    with app.app_context():
        events = db.session.scalars(select(ClaimEvent).where(ClaimEvent.to_status == "submitted"))
        assert len(list(events)) == 3  # the second press sent nothing twice
    shown = client.get(session_page).get_data(as_text=True)
    assert "3 claims were sent for a decision." in shown
    assert "There were no draft claims left to send." in shown
    assert "send-drafts" not in shown  # nothing left: no button


def test_sending_drafts_needs_the_form_token(app: Flask, staff_client) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    people = add_people(app, BANK)
    client = staff_client(Role.COORDINATOR)
    logged = client.post("/staff/sessions/new", data=session_data(session_form(client), people))
    response = client.post(f"{logged.headers['Location']}/send-drafts", data={})
    assert response.status_code == 400
    assert _statuses(app) == [ClaimStatus.DRAFT]
