"""Logging a session: attendances, draft claims and payment lines at the rate of the day."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import Project
from app.ledger.models import RateBasis
from app.people.models import PaymentPreference as Pref
from tests.ledger.session_helpers import add_people
from tests.ledger.session_helpers import add_rate
from tests.ledger.session_helpers import session_data
from tests.ledger.session_helpers import session_form

SIX = (Pref.BANK_TRANSFER, Pref.VOUCHER, Pref.EXPENSES_ONLY, Pref.DECLINE, Pref.CHARITY, Pref.CASH)


def _lines_of(app: Flask, person: int) -> list[ClaimLine]:
    with app.app_context():
        lines = db.session.scalars(
            select(ClaimLine)
            .join(Claim)
            .where(Claim.participant_id == person)
            .order_by(ClaimLine.id)
        ).all()
        db.session.expunge_all()
        return list(lines)


def _log(client, people, **kwargs):
    return client.post(
        "/staff/sessions/new", data=session_data(session_form(client), people, **kwargs)
    )


def test_six_attendee_workshop_gives_the_right_lines_at_the_rate_of_the_day(
    app: Flask, staff_client
) -> None:
    old = add_rate(app, 1500, date(2025, 1, 1))
    new = add_rate(app, 1800, date(2025, 6, 1))  # a rate change between the two sessions
    people = add_people(app, *SIX)
    client = staff_client(Role.COORDINATOR)
    costs = {people[2]: ("£4.80", ""), people[5]: ("", "10")}
    before = _log(client, people, held_on="2025-05-20", hours="2")
    after = _log(client, people, held_on="2025-07-01", hours="1.5", costs=costs)
    assert before.status_code == after.status_code == 302

    payments = {
        p: [line for line in _lines_of(app, p) if line.kind == LineKind.PAYMENT] for p in people
    }
    accept, voucher, expenses_only, decline, charity, cash = people
    for person in (accept, voucher, cash):
        assert [(x.amount_pence, x.offered_pence, x.rate_id) for x in payments[person]] == [
            (3000, 3000, old),  # 2 hours at £15
            (2700, 2700, new),  # 1.5 hours at £18
        ]
        assert all(
            x.choice == PaymentChoice.ACCEPT and x.counts_as_income for x in payments[person]
        )
    assert payments[expenses_only] == []
    assert [(x.amount_pence, x.offered_pence, x.choice) for x in payments[decline]] == [
        (0, 3000, PaymentChoice.DECLINE),
        (0, 2700, PaymentChoice.DECLINE),
    ]
    assert [(x.amount_pence, x.choice) for x in payments[charity]] == [
        (3000, PaymentChoice.CHARITY),
        (2700, PaymentChoice.CHARITY),
    ]
    travel = [x for x in _lines_of(app, expenses_only) if x.kind == LineKind.EXPENSE]
    care = [x for x in _lines_of(app, cash) if x.kind == LineKind.EXPENSE]
    assert [(x.category, x.amount_pence, x.counts_as_income) for x in travel] == [
        (Category.TRAVEL, 480, False)
    ]
    assert [(x.category, x.amount_pence) for x in care] == [(Category.CARE, 1000)]

    with app.app_context():
        assert db.session.scalar(select(func.count(Attendance.id))) == 12
        statuses = set(db.session.scalars(select(Claim.status)))
        assert statuses == {ClaimStatus.DRAFT}  # nothing is owed until someone approves it
        # Whoever logged the session wrote its lines, so they may not approve or pay them.
        makers = set(db.session.scalars(select(Claim.created_by_staff_id)))
        assert len(makers) == 1 and None not in makers
        authors = set(db.session.scalars(select(ClaimLine.author_staff_id)))
        assert authors == makers
    page = client.get(after.headers["Location"]).get_data(as_text=True)
    assert page.count("£27.00") >= 5 and "£4.80" in page and "£10.00" in page
    assert "Said no to the payment" in page and "Gave it to a charity" in page


def test_half_day_and_session_rates_pay_their_fixed_amount(app: Flask, staff_client) -> None:
    add_rate(app, 5000, date(2025, 1, 1), RateBasis.HALF_DAY)
    add_rate(app, 4000, date(2025, 1, 1), RateBasis.SESSION)
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    client = staff_client(Role.ADMIN)
    assert _log(client, [person], hours="3.5", basis="half_day").status_code == 302
    assert _log(client, [person], hours="6", basis="session").status_code == 302
    assert [x.amount_pence for x in _lines_of(app, person)] == [5000, 4000]
    too_long = _log(client, [person], hours="5", basis="half_day")
    assert too_long.status_code == 400
    assert "A half day is up to 4 hours" in too_long.get_data(as_text=True)


def test_no_rate_on_the_card_means_expenses_only(app: Flask, staff_client) -> None:
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    client = staff_client()
    assert _log(client, [person], costs={person: ("3", "")}).status_code == 302
    assert [(x.kind, x.amount_pence) for x in _lines_of(app, person)] == [(LineKind.EXPENSE, 300)]


def test_a_basis_missing_from_the_card_is_refused_plainly(app: Flask, staff_client) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    response = _log(staff_client(), [person], basis="session")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    # The message says what the card does have, so the right choice is plain.
    assert "The rate card has no rate paid that way" in page
    assert "It pays By the hour (£15.00)." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(InvolvementSession.id))) == 0


def test_the_rate_card_decides_how_people_are_paid_when_it_has_one_way(
    app: Flask, staff_client
) -> None:
    add_rate(app, 1500, date(2025, 1, 1), basis=RateBasis.SESSION)
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    client = staff_client()
    form = client.get("/staff/sessions/new").get_data(as_text=True)
    assert 'id="basis-0" name="basis" value="" checked>' in form  # chosen unless changed
    assert _log(client, [person], basis="").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ClaimLine.amount_pence)) == 1500


def test_with_two_ways_on_the_card_staff_are_asked_to_choose_and_told_the_ways(
    app: Flask, staff_client
) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    add_rate(app, 4000, date(2025, 1, 1), basis=RateBasis.SESSION)
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    client = staff_client()
    refused = _log(client, [person], basis="")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert (
        "On that date the rate card pays this kind of session By the hour (£15.00) or "
        "For the whole session (£40.00). Choose one." in page
    )
    assert '<a href="#basis-0">' in page
    assert _log(client, [person], basis="session").status_code == 302


def test_a_double_submitted_session_form_saves_once(app: Flask, staff_client) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    people = add_people(app, Pref.BANK_TRANSFER, Pref.CASH)
    client = staff_client()
    data = session_data(session_form(client), people)
    first, second = (
        client.post("/staff/sessions/new", data=data),
        client.post("/staff/sessions/new", data=data),
    )
    assert first.status_code == second.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(InvolvementSession.id))) == 1
        assert db.session.scalar(select(func.count(Claim.id))) == 2
        assert db.session.scalar(select(func.count(ClaimLine.id))) == 2


def test_a_new_project_is_made_once_and_reused_by_name(app: Flask, staff_client) -> None:
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    client = staff_client()
    _log(client, [person], new_project="Bus routes")
    _log(client, [person], new_project="bus ROUTES")
    with app.app_context():
        assert db.session.scalars(select(Project.name)).all() == ["Bus routes"]
        projects = set(db.session.scalars(select(InvolvementSession.project_id)))
        assert len(projects) == 1 and None not in projects


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours": "99999"}, "cannot be longer than 24 hours"),
        ({"hours": "-5"}, "more than 0"),
        ({"hours": "0"}, "more than 0"),
        ({"hours": "two"}, "like 2 or 1.5"),
        ({"hours": "1.333"}, "like 2 or 1.5"),
        ({"held_on": "1900-01-01"}, "2000 or later"),
        ({"held_on": "2999-01-01"}, "no later than"),
        ({"held_on": "31/02/2025"}, "real date"),
        ({"activity": "spaceflight"}, "Choose what kind of session"),
        ({"basis": "yearly"}, "Choose how people are paid"),
        ({"project": "999999"}, "Choose a project from the list"),
        ({"title": "   "}, "Enter a name for the session"),
        ({"attendees": ["999999", "abc"]}, "Tick at least one"),
    ],
)
def test_hostile_session_input_gets_a_plain_message(
    app: Flask, staff_client, fields: dict, message: str
) -> None:
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    response = _log(staff_client(), [person], **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("travel", "message"),
    [("1.005", "part of a penny"), ("-5", "0 or more"), ("20000", "£10,000 or less")],
)
def test_hostile_costs_get_a_plain_message_and_save_nothing(
    app: Flask, staff_client, travel: str, message: str
) -> None:
    (person,) = add_people(app, Pref.BANK_TRANSFER)
    response = _log(staff_client(), [person], costs={person: (travel, "")})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert f'value="{travel}"' in response.get_data(as_text=True)  # what was typed is kept
    with app.app_context():
        assert db.session.scalar(select(func.count(InvolvementSession.id))) == 0


def test_costs_for_someone_not_ticked_are_refused(app: Flask, staff_client) -> None:
    came, stayed_home = add_people(app, Pref.BANK_TRANSFER, Pref.CASH)
    client = staff_client()
    data = session_data(session_form(client), [came, stayed_home], costs={stayed_home: ("4", "")})
    data["attendees"] = [str(came)]
    response = client.post("/staff/sessions/new", data=data)
    assert response.status_code == 400
    assert "not ticked" in response.get_data(as_text=True)


def test_viewer_sees_sessions_but_cannot_log_one(app: Flask, staff_client, ledger) -> None:
    client = staff_client(Role.VIEWER)
    page = client.get("/staff/sessions").get_data(as_text=True)
    assert "Café workshop" in page and "Log a session" not in page
    assert client.get("/staff/sessions/new").status_code == 403
    assert client.post("/staff/sessions/new", data={}).status_code in (400, 403)
    assert client.get(f"/staff/sessions/{ledger.session}").status_code == 200
    assert client.get("/staff/sessions/999999").status_code == 404


def test_finding_people_by_name_keeps_what_was_typed_and_who_was_ticked(
    app: Flask, staff_client
) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    first, second, third = add_people(app, Pref.BANK_TRANSFER, Pref.CASH, Pref.BANK_TRANSFER)
    client = staff_client()
    data = session_data(session_form(client), [first], title="Menu tasting")
    found = client.post("/staff/sessions/new", data={**data, "find": "person 2", "then": "find"})
    page = found.get_data(as_text=True)
    assert found.status_code == 200
    assert 'value="Menu tasting"' in page  # nothing typed is lost
    assert f'id="attendees-{first}" name="attendees" value="{first}" checked' in page  # ticked
    assert f'id="attendees-{second}"' in page and f'id="attendees-{third}"' not in page
    assert "Showing 2 people." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(InvolvementSession.id))) == 0


def test_roles_and_costs_stay_folded_away_unless_someone_differs(app: Flask, staff_client) -> None:
    add_rate(app, 1500, date(2025, 1, 1))
    people = add_people(app, *[Pref.BANK_TRANSFER] * 8)
    client = staff_client()
    page = client.get("/staff/sessions/new").get_data(as_text=True)
    assert '<details class="details">' in page  # closed: one tick box a person shows
    bad = _log(client, people[:2], costs={people[1]: ("lots", "")})
    assert bad.status_code == 400
    assert '<details class="details" open>' in bad.get_data(as_text=True)
