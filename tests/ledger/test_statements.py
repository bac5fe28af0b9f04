"""Statements and the benefits letter show the right money for the right dates."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import PaymentMethod
from app.ledger.statements import statement_for

DAY = date(2025, 6, 4)


def _line(category: Category, pence: int, **extra) -> ClaimLine:
    kind = LineKind.PAYMENT if category == Category.TIME else LineKind.EXPENSE
    return ClaimLine(
        kind=extra.pop("kind", kind),
        category=category,
        spent_on=extra.pop("spent_on", DAY),
        description=extra.pop("description", "Workshop"),
        amount_pence=pence,
        **extra,
    )


@pytest.fixture
def history(app: Flask, ledger):
    """Ama: a paid claim, an approved one, a declined and a charity payment, and a draft."""
    with app.app_context():
        session = InvolvementSession(
            title="Bus survey day",
            activity_type="meeting",
            held_on=DAY,
            minutes=90,
            attendances=[
                Attendance(participant_id=ledger.participant, role=AttendanceRole.FACILITATION)
            ],
        )
        paid = Claim(
            participant_id=ledger.participant,
            status=ClaimStatus.PAID,
            paid_method=PaymentMethod.BANK_TRANSFER,
            paid_on=date(2025, 6, 10),
            lines=[
                _line(
                    Category.TIME,
                    2500,
                    offered_pence=2500,
                    counts_as_income=True,
                    choice=PaymentChoice.ACCEPT,
                ),
                _line(Category.TRAVEL, 480, description="Bus fare"),
                _line(
                    Category.TIME,
                    -500,
                    kind=LineKind.REVERSAL,
                    counts_as_income=True,
                    description="Overpaid",
                ),
            ],
        )
        approved = Claim(
            participant_id=ledger.participant,
            status=ClaimStatus.APPROVED,
            lines=[
                _line(Category.TIME, 0, offered_pence=3000, choice=PaymentChoice.DECLINE),
                _line(
                    Category.TIME,
                    1500,
                    offered_pence=1500,
                    counts_as_income=True,
                    choice=PaymentChoice.CHARITY,
                ),
                _line(Category.CARE, 1000, description="Childminder"),
            ],
        )
        draft = Claim(
            participant_id=ledger.participant,
            status=ClaimStatus.DRAFT,
            lines=[_line(Category.TIME, 77700)],
        )
        outside = Claim(
            participant_id=ledger.participant,
            status=ClaimStatus.PAID,
            lines=[_line(Category.TIME, 88800, counts_as_income=True, spent_on=date(2024, 1, 1))],
        )
        db.session.add_all([session, paid, approved, draft, outside])
        db.session.commit()
    return ledger


def test_statement_data_counts_only_approved_and_paid_lines_in_the_dates(
    app: Flask, history
) -> None:
    with app.app_context():
        found = statement_for(history.participant, date(2025, 4, 6), date(2026, 4, 5))
    assert found is not None and found.name == "Ama"
    assert found.income_pence == 2500 - 500 + 1500
    assert found.expenses_pence == 480 + 1000
    assert found.paid_pence == 2500 + 480 - 500
    assert found.declined_pence == 3000 and found.charity_pence == 1500
    assert [s.title for s in found.sessions] == ["Bus survey day"] and found.minutes == 90
    with app.app_context():
        assert statement_for(999_999, DAY, DAY) is None


def test_statement_page_shows_the_money_and_method(staff_client, history) -> None:
    client = staff_client(Role.VIEWER)
    page = client.get(
        f"/staff/people/{history.participant}/statement?start=2025-04-06&end=2026-04-05"
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    for words in (
        "£35.00",
        "£14.80",
        "£24.80",
        "£30.00",
        "£15.00",
        "Bank transfer",
        "Said no to the payment",
        "Gave it to a charity",
        "Bus fare",
        "-£5.00",
    ):
        assert words in text, words
    assert "£777.00" not in text and "£888.00" not in text


def test_the_letter_describes_involvement_and_payments(staff_client, history) -> None:
    client = staff_client(Role.FINANCE)
    text = client.get(
        f"/staff/people/{history.participant}/letter?start=2025-04-06&end=2026-04-05"
    ).get_data(as_text=True)
    assert "They took part in 1 session, for 1 hour and 30 minutes in total." in text
    assert "We paid them £20.00 for their time" in text
    assert "We paid back £4.80 of expenses" in text
    assert "chose not to take £30.00" in text and "gave £15.00 to a charity" in text
    assert "Bus survey day" in text and "P0000" in text


def test_a_statement_for_nobody_is_not_found(staff_client) -> None:
    client = staff_client(Role.VIEWER)
    assert client.get("/staff/people/999999/statement").status_code == 404
    assert client.get("/staff/people/999999/letter").status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=1900-01-01&end=2025-01-01", "2000 or later"),
        ("start=2025-01-01&end=2999-01-01", "no later than"),
        ("start=2025-06-01&end=2025-01-01", "on or after the start"),
        ("start=yesterday", "real date"),
        ("start=%00&end=%ff", "real date"),
    ],
)
def test_hostile_statement_dates_get_a_plain_message(
    staff_client, history, query: str, message: str
) -> None:
    client = staff_client(Role.VIEWER)
    for page in ("statement", "letter"):
        response = client.get(f"/staff/people/{history.participant}/{page}?{query}")
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def _letter(client, person: int) -> str:
    return client.get(f"/staff/people/{person}/letter?start=2025-04-06&end=2026-04-05").get_data(
        as_text=True
    )


def test_the_letter_keeps_what_was_paid_apart_from_what_is_only_approved(
    staff_client, history
) -> None:
    """A letter once said "We paid back £19.20" when £4.80 had been paid: it lumped approved with
    paid, and could make someone declare income they never had."""
    text = _letter(staff_client(Role.FINANCE), history.participant)
    assert "10 June 2025: £24.80, of which £20.00 for their time and £4.80 for expenses" in text
    assert "We paid back £4.80 of expenses" in text
    assert "We have approved £10.00 of expenses that we have not paid back yet" in text
    assert "£14.80" not in text  # paid and approved expenses are never lumped together
    assert "approved or paid" not in text
    assert "gave £15.00 to a charity" in text  # and that is not money paid to them
    assert "for their time that we have not paid yet" not in text


def test_the_statement_says_what_is_approved_and_not_paid_yet(staff_client, history) -> None:
    text = (
        staff_client(Role.VIEWER)
        .get(f"/staff/people/{history.participant}/statement?start=2025-04-06&end=2026-04-05")
        .get_data(as_text=True)
    )
    assert "Approved, not paid yet" in text and "£10.00" in text


def _save_letterhead(client, **changes: str):
    from tests.conftest import csrf_token

    data = {
        "name": "Northside Voices",
        "address": "12 High Street\r\nLeeds\r\nLS1 1AA",
        "phone": "0113 496 0000",
        "charity_number": "1234567",
        "signer_name": "Priya Shah",
        "signer_role": "Involvement Coordinator",
        "csrf_token": csrf_token(client, "/staff/claims/letterhead"),
    }
    data.update(changes)
    return client.post("/staff/claims/letterhead", data=data)


def test_an_admin_sets_the_letterhead_and_letters_and_statements_carry_it(
    staff_client, history
) -> None:
    admin = staff_client(Role.ADMIN)
    text = _letter(admin, history.participant)
    assert "The letter has no address or signature yet" in text
    response = _save_letterhead(admin)
    assert response.status_code == 302
    text = _letter(admin, history.participant)
    for words in (
        "Northside Voices",
        "<bdi>12 High Street</bdi><br><bdi>Leeds</bdi><br><bdi>LS1 1AA</bdi>",
        'Phone: <bdi dir="ltr">0113 496 0000</bdi>',
        "Registered charity number 1234567",
        "<bdi>Priya Shah</bdi><br><bdi>Involvement Coordinator</bdi>, <bdi>Northside Voices</bdi>",
        'please call us on <bdi dir="ltr">0113 496 0000</bdi>',
    ):
        assert words in text, words
    assert "no address or signature yet" not in text
    statement = admin.get(f"/staff/people/{history.participant}/statement").get_data(as_text=True)
    assert "Registered charity number 1234567" in statement and "12 High Street" in statement


def test_a_wrong_letterhead_is_refused_plainly_and_keeps_what_was_typed(staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    response = _save_letterhead(admin, phone="call <b>me</b>", signer_name="x" * 200)
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a phone number using digits" in text and "120 characters or fewer" in text
    assert "Northside Voices" in text and "&lt;b&gt;" in text and "<b>me" not in text


def test_the_letter_is_in_english_with_a_copy_in_the_persons_language(
    app: Flask, participant_client, history
) -> None:
    client = participant_client(history.participant, language="ar")
    text = client.get("/me/letter?start=2025-04-06&end=2026-04-05").get_data(as_text=True)
    english, _, copy = text.partition('id="copy"')
    assert '<div class="letter" lang="en" dir="ltr">' in english
    assert "To the benefits office," in english and "£24.80" in english
    assert '<div class="letter" lang="ar" dir="rtl">' in copy
    assert "To the benefits office," not in copy  # the copy is really in Arabic
    english_only = participant_client(history.participant, language="en")
    text = english_only.get("/me/letter").get_data(as_text=True)
    assert 'id="copy"' not in text


def test_staff_see_the_copy_in_the_language_the_person_chose(
    app: Flask, staff_client, history
) -> None:
    from app.people.models import Participant

    with app.app_context():
        db.session.get(Participant, history.participant).preferred_language = "cy"
        db.session.commit()
    text = _letter(staff_client(Role.FINANCE), history.participant)
    assert '<div class="letter" lang="cy" dir="ltr">' in text
    assert "At y swyddfa budd-daliadau," in text


def test_the_demo_letter_has_a_whole_letterhead(app: Flask) -> None:
    from app.demo import load_demo_data
    from app.ledger.letterhead import letterhead

    with app.app_context():
        load_demo_data()
        head = letterhead()
    assert head.complete and head.charity_number and head.phone and len(head.address_lines) >= 3


def test_the_arabic_copy_keeps_numbers_and_money_left_to_right(
    app: Flask, participant_client, staff_client, history
) -> None:
    """In a right-to-left copy, "0113 496 0718" read as "0718 496 0113" and money as "UK£ 4.80"."""
    _save_letterhead(staff_client(Role.ADMIN))
    client = participant_client(history.participant, language="ar")
    text = client.get("/me/letter?start=2025-04-06&end=2026-04-05").get_data(as_text=True)
    copy = text.partition('id="copy"')[2]
    assert '<bdi dir="ltr">0113 496 0000</bdi>' in copy and "<bdi>12 High Street</bdi>" in copy
    assert "\u2066£24.80\u2069" in copy and "UK£" not in text
    assert "<bdi>Bus survey day</bdi>" in copy


def test_demo_payments_for_time_are_dated_the_day_of_their_session(app: Flask) -> None:
    """A letter counted 2 sessions but paid for 3: demo lines were dated when claimed."""
    from sqlalchemy import select

    from app.demo import load_demo_data

    with app.app_context():
        load_demo_data()
        rows = db.session.execute(
            select(ClaimLine.spent_on, InvolvementSession.held_on)
            .join(Attendance, Attendance.id == ClaimLine.attendance_id)
            .join(InvolvementSession, InvolvementSession.id == Attendance.session_id)
        ).all()
    assert rows and all(spent == held for spent, held in rows)
