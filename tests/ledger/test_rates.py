"""The rate card: dated rates, admin-only changes, and old lines that never move."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import ActivityType
from app.ledger.models import ClaimLine
from app.ledger.models import Rate
from app.ledger.models import RateBasis
from app.ledger.rates import amount_for
from app.ledger.rates import rate_in_force
from app.people.models import PaymentPreference as Pref
from tests.conftest import csrf_token
from tests.ledger.session_helpers import add_people
from tests.ledger.session_helpers import add_rate
from tests.ledger.session_helpers import session_data
from tests.ledger.session_helpers import session_form


def test_the_rate_in_force_is_the_latest_on_or_before_the_day(app: Flask) -> None:
    first = add_rate(app, 1500, date(2025, 1, 1))
    second = add_rate(app, 1800, date(2025, 6, 1))
    add_rate(app, 9900, date(2025, 3, 1), activity=ActivityType.MEETING)
    with app.app_context():
        assert rate_in_force(ActivityType.WORKSHOP, RateBasis.HOURLY, date(2024, 12, 31)) is None
        assert rate_in_force(ActivityType.WORKSHOP, RateBasis.HOURLY, date(2025, 5, 31)).id == first
        assert rate_in_force(ActivityType.WORKSHOP, RateBasis.HOURLY, date(2025, 6, 1)).id == second
        assert rate_in_force(ActivityType.WORKSHOP, RateBasis.SESSION, date(2026, 1, 1)) is None


def test_hourly_amounts_are_rounded_once_to_the_nearest_penny() -> None:
    rate = Rate(basis=RateBasis.HOURLY, amount_pence=1001)
    assert amount_for(rate, 60) == 1001
    assert amount_for(rate, 90) == 1502  # 1501.5 rounds up, once
    assert amount_for(rate, 20) == 334  # 333.67
    assert amount_for(Rate(basis=RateBasis.HALF_DAY, amount_pence=5000), 30) == 5000


def test_a_new_rate_never_changes_old_payment_lines(app: Flask, staff_client) -> None:
    old = add_rate(app, 1500, date(2025, 1, 1))
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    coordinator = staff_client(Role.COORDINATOR)
    data = session_data(session_form(coordinator), [person], held_on="2025-07-01", hours="2")
    assert coordinator.post("/staff/sessions/new", data=data).status_code == 302
    add_rate(app, 2500, date(2025, 7, 1))  # a new rate from the very day of that session
    with app.app_context():
        line = db.session.scalar(select(ClaimLine))
        assert (line.amount_pence, line.offered_pence, line.rate_id) == (3000, 3000, old)


def test_admin_adds_a_rate_and_everyone_can_read_the_card(app: Flask, client, staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    data = {
        "csrf_token": csrf_token(admin, "/staff/rates/new"),
        "activity": "focus_group",
        "basis": "session",
        "amount": "£40",
        "effective_from": "2025-04-06",
    }
    assert admin.post("/staff/rates/new", data=data).status_code == 302
    again = admin.post("/staff/rates/new", data=data)
    assert again.status_code == 400 and "already a rate" in again.get_data(as_text=True)
    page = admin.get("/staff/rates").get_data(as_text=True)
    assert "Focus group" in page and "£40.00" in page and "Remove" in page


def test_viewer_can_read_the_card_but_not_change_it(app: Flask, staff_client) -> None:
    rate = add_rate(app, 1500, date(2025, 1, 1))
    viewer = staff_client(Role.VIEWER)
    page = viewer.get("/staff/rates").get_data(as_text=True)
    assert "£15.00" in page and "Add a rate" not in page and "Remove" not in page
    token = csrf_token(viewer, "/language")
    assert viewer.post("/staff/rates/new", data={"csrf_token": token}).status_code == 403
    assert viewer.post(f"/staff/rates/{rate}/remove", data={"csrf_token": token}).status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count(Rate.id))) == 1


def test_a_rate_already_used_cannot_be_removed(app: Flask, staff_client, ledger) -> None:
    used = add_rate(app, 1500, date(2025, 1, 1))
    unused = add_rate(app, 1700, date(2025, 2, 1))
    with app.app_context():
        db.session.scalar(
            select(ClaimLine).where(ClaimLine.offered_pence.is_not(None))
        ).rate_id = used
        db.session.commit()
    admin = staff_client(Role.ADMIN)
    token = csrf_token(admin, "/staff/rates")
    refused = admin.post(
        f"/staff/rates/{used}/remove", data={"csrf_token": token}, follow_redirects=True
    )
    assert "Payments were made at this rate" in refused.get_data(as_text=True)
    admin.post(f"/staff/rates/{unused}/remove", data={"csrf_token": token})
    with app.app_context():
        assert db.session.scalars(select(Rate.id)).all() == [used]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "1.005"}, "part of a penny"),
        ({"amount": "-5"}, "0 or more"),
        ({"amount": "20000"}, "£10,000 or less"),
        ({"amount": ""}, "Enter an amount"),
        ({"activity": "spaceflight"}, "Choose what kind of session"),
        ({"basis": "yearly"}, "Choose how it is paid"),
        ({"effective_from": "1900-01-01"}, "2000 or later"),
        ({"effective_from": "2999-01-01"}, "no later than"),
    ],
)
def test_hostile_rate_input_gets_a_plain_message(staff_client, fields: dict, message: str) -> None:
    admin = staff_client(Role.ADMIN)
    data = {
        "csrf_token": csrf_token(admin, "/staff/rates/new"),
        "activity": "workshop",
        "basis": "hourly",
        "amount": "15",
        "effective_from": "2025-04-06",
        **fields,
    }
    response = admin.post("/staff/rates/new", data=data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_a_rate_over_the_card_limit_is_refused_plainly(staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    data = {
        "csrf_token": csrf_token(admin, "/staff/rates/new"),
        "activity": "workshop",
        "basis": "hourly",
        "amount": "5000",
        "effective_from": "2025-04-06",
    }
    response = admin.post("/staff/rates/new", data=data)
    assert response.status_code == 400 and "£1,000 or less" in response.get_data(as_text=True)
