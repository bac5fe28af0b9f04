"""Dates typed the British way, day first, as phones and receipts show them; and dates shown
the British way in English."""

from __future__ import annotations

import re
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from flask import Flask
from flask_babel import format_date

from app.auth.models import Role
from app.core.dates import DATE_MESSAGE
from app.core.dates import day_first
from app.core.dates import parse_typed_date
from app.extensions import db
from app.i18n import format_moment
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import form_key
from tests.ledger.claim_helpers import status_of
from tests.ledger.claim_helpers import token
from tests.ledger.test_claims import _as
from tests.ledger.test_claims import _decide
from tests.ledger.test_thresholds import _form as limit_form

NEW = "/me/claims/new"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2/12/2026", date(2026, 12, 2)),  # 2 December, never 12 February
        ("02/12/2026", date(2026, 12, 2)),
        ("31/3/2026", date(2026, 3, 31)),
        ("31-3-2026", date(2026, 3, 31)),
        ("31.03.2026", date(2026, 3, 31)),
        (" 31 / 3 / 2026 ", date(2026, 3, 31)),
        ("2026-03-31", date(2026, 3, 31)),
        ("2026-3-1", date(2026, 3, 1)),
        ("٣١/٣/٢٠٢٦", date(2026, 3, 31)),  # Arabic-Indic digits
        ("۳۱/۳/۲۰۲۶", date(2026, 3, 31)),  # Urdu (Extended Arabic-Indic) digits
        ("৩১/৩/২০২৬", date(2026, 3, 31)),  # Bengali digits
        ("\u200f31/\u200f3/\u200f2026", date(2026, 3, 31)),  # direction marks from a copied date
        ("29/2/2028", date(2028, 2, 29)),
    ],
)
def test_dates_typed_day_first_in_any_digits_are_read(typed: str, day: date) -> None:
    assert parse_typed_date(typed) == day


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "31/02/2026",  # no such day
        "29/2/2027",
        "12/31/2026",  # the US way round: there is no month 31
        "2/13/2026",
        "31/3/26",  # a two-figure year could be any century
        "31/3-2026",  # mixed separators
        "2026/03/31",
        "31 March 2026",
        "tomorrow",
        "²/3/2026",  # superscript two is not a digit anyone typed as a date
        "0/3/2026",
        "31/3/2026/1",
    ],
)
def test_anything_else_is_not_a_date(typed: str) -> None:
    assert parse_typed_date(typed) is None


def test_a_date_is_written_back_the_way_people_type_it() -> None:
    assert day_first(date(2026, 3, 1)) == "1/3/2026"


def _claim(client, spent_on: str) -> dict[str, str]:
    return {
        "csrf_token": token(client, NEW),
        "form_key": form_key(client, NEW),
        "category": "travel",
        "spent_on": spent_on,
        "description": "Bus to the workshop",
        "amount": "4.80",
        "miles": "",
    }


def test_the_claim_form_hint_shows_the_day_first(ledger, participant_client) -> None:
    page = participant_client(ledger.other_participant).get(NEW).get_data(as_text=True)
    assert "For example, 31/3/2026." in page
    assert "2026-03-31" not in page


@pytest.mark.parametrize("way", ["{d}/{m}/{y}", "{d:02}/{m:02}/{y}", "{d}-{m}-{y}", "{d}.{m}.{y}"])
def test_a_participant_can_type_the_date_as_their_phone_shows_it(
    app: Flask, ledger, participant_client, way: str
) -> None:
    day = date.today() - timedelta(days=40)
    client = participant_client(ledger.other_participant)
    typed = way.format(d=day.day, m=day.month, y=day.year)
    response = client.post(NEW, data=_claim(client, typed))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        claim = db.session.query(Claim).filter_by(participant_id=ledger.other_participant).one()
        assert claim.lines[0].spent_on == day
        db.session.remove()


def test_a_wrong_date_gets_a_plain_message_and_stays_in_the_box(
    app: Flask, ledger, participant_client
) -> None:
    client = participant_client(ledger.other_participant)
    response = client.post(NEW, data=_claim(client, "12/31/2026"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert str(DATE_MESSAGE) == "Enter a real date with the day first, like 31/3/2026"
    assert 'href="#spent_on">Enter a real date with the day first, like 31/3/2026' in page
    assert 'value="12/31/2026"' in page


def test_staff_type_the_payment_date_day_first(app: Flask, ledger) -> None:
    approve(app, ledger.claim)
    finance = _as(app, Role.FINANCE, "payer@example.org")
    today = date.today()
    typed = f"{today.day}/{today.month}/{today.year}"
    response = _decide(finance, ledger.claim, "pay", **{"pay-method": "cash", "pay-paid_on": typed})
    assert response.status_code == 302
    assert status_of(app, ledger.claim) == ClaimStatus.PAID
    with app.app_context():
        assert db.session.get(Claim, ledger.claim).paid_on == today
        db.session.remove()


def test_english_dates_and_times_are_british_and_to_the_minute(app: Flask) -> None:
    with app.test_request_context("/?locale=en"):
        assert format_date(date(2026, 5, 17), "medium") == "17 May 2026"
        assert format_moment(datetime(2026, 12, 3, 7, 0, 28)) == "3 Dec 2026, 07:00"
    with app.test_request_context("/?locale=cy"):
        assert format_moment(datetime(2026, 12, 3, 7, 0, 28)) == "3 Rhag 2026 07:00"


def test_the_claim_page_shows_british_dates_and_no_seconds(
    app: Flask, ledger, participant_client
) -> None:
    with app.app_context():
        spent_on = db.session.get(Claim, ledger.claim).lines[0].spent_on
        db.session.remove()
    page = participant_client(ledger.participant).get(f"/me/claims/{ledger.claim}")
    text = page.get_data(as_text=True)
    assert re.search(rf"\b{spent_on.day} [A-Z][a-z]+ {spent_on.year}\b", text)  # 17 May 2026
    assert not re.search(r"\d:\d\d:\d\d", text)  # no seconds
    assert not re.search(r"\b(AM|PM)\b", text)


def test_staff_date_boxes_take_a_date_typed_day_first(app: Flask, staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    data = limit_form(admin, effective_from="7/4/2025")
    assert admin.post("/staff/thresholds/new", data=data).status_code == 302
    with app.app_context():
        assert db.session.query(BenefitThreshold.effective_from).scalar() == date(2025, 4, 7)
        db.session.remove()
    wrong = admin.post("/staff/thresholds/new", data={**data, "effective_from": "4/31/2025"})
    assert wrong.status_code == 400 and str(DATE_MESSAGE) in wrong.get_data(as_text=True)


def test_a_statement_period_typed_day_first_is_read(ledger, participant_client) -> None:
    client = participant_client(ledger.participant)
    page = client.get("/me/statement?start=6/4/2026&end=5.4.2027").get_data(as_text=True)
    assert "From 6 April 2026 to 5 April 2027." in page
