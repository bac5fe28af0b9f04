"""Money properties, for any amounts: totals are sums, reversals net to zero, no rounding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import Flask
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from app.extensions import db
from app.ledger import claim_services as services
from app.ledger.claim_services import MILEAGE_PENCE_PER_MILE
from app.ledger.export import pounds
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import claim_total
from app.ledger.money import MAX_PENCE
from app.ledger.money import MoneyError
from app.ledger.money import parse_pence
from app.people.models import Participant

PENCE = st.integers(min_value=0, max_value=MAX_PENCE)
DB_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _expense(pence: int) -> ClaimLine:
    return ClaimLine(
        kind=LineKind.EXPENSE,
        category=Category.OTHER,
        spent_on=date.today(),
        description="x",
        amount_pence=pence,
    )


def _person(app: Flask) -> int:
    with app.app_context():
        person = Participant(name="Prop")
        db.session.add(person)
        db.session.commit()
        return person.id


@DB_SETTINGS
@given(amounts=st.lists(PENCE, min_size=0, max_size=12))
def test_a_claims_total_is_always_the_sum_of_its_lines(app: Flask, amounts: list[int]) -> None:
    person = _person(app)
    with app.app_context():
        claim = Claim(participant_id=person, status=ClaimStatus.SUBMITTED)
        claim.lines = [_expense(pence) for pence in amounts]
        db.session.add(claim)
        db.session.commit()
        claim_id = claim.id
        db.session.expire_all()
        stored = db.session.get(Claim, claim_id)
        assert claim_total(stored) == sum(amounts)
        [row] = [r for r in services.claim_rows(participant_id=person) if r.id == claim_id]
        assert row.total_pence == sum(amounts) and isinstance(row.total_pence, int)
        db.session.delete(stored)
        db.session.commit()


@DB_SETTINGS
@given(pence=st.integers(min_value=1, max_value=MAX_PENCE), income=st.booleans())
def test_a_reversal_nets_the_original_line_to_zero(app: Flask, pence: int, income: bool) -> None:
    person = _person(app)
    with app.app_context():
        paid = Claim(participant_id=person, status=ClaimStatus.PAID)
        paid.lines = [_expense(pence)]
        paid.lines[0].counts_as_income = income
        db.session.add(paid)
        db.session.flush()
        fix = Claim(participant_id=person, status=ClaimStatus.DRAFT)
        fix.lines = [services.reversal_of(paid.lines[0])]
        db.session.add(fix)
        db.session.commit()  # the database's sign and range checks accept it
        line = fix.lines[0]
        assert line.amount_pence + paid.lines[0].amount_pence == 0
        assert line.counts_as_income == income and line.spent_on == paid.lines[0].spent_on
        assert claim_total(paid) + claim_total(fix) == 0
        assert services.reversed_line_ids(paid.id) == {paid.lines[0].id}
        db.session.delete(fix)
        db.session.commit()
        db.session.delete(paid)
        db.session.commit()


@given(pence=PENCE)
def test_typed_amounts_round_trip_exactly_in_pence(app: Flask, pence: int) -> None:
    # pounds() is what the export writes; parsing it back gives the very same pence.
    with app.test_request_context():
        assert parse_pence(pounds(pence)) == pence
    assert Decimal(pounds(pence)) * 100 == pence


@given(
    whole=st.integers(min_value=0, max_value=9999),
    extra=st.integers(min_value=1, max_value=9).map(str),
)
def test_a_fraction_of_a_penny_is_refused_never_rounded(app: Flask, whole: int, extra: str) -> None:
    typed = f"{whole}.99{extra}"
    with app.test_request_context():
        try:
            parse_pence(typed)
        except MoneyError:
            return
        raise AssertionError(f"{typed} was accepted")


@given(miles=st.integers(min_value=1, max_value=2000))
def test_mileage_is_whole_pence(miles: int) -> None:
    assert miles * MILEAGE_PENCE_PER_MILE == miles * 45
    assert isinstance(miles * MILEAGE_PENCE_PER_MILE, int)


@given(
    offered=PENCE,
    taken=PENCE,
    choice=st.sampled_from(list(PaymentChoice)),
)
def test_a_payment_line_is_never_more_than_was_offered(offered: int, taken: int, choice) -> None:
    paid = services.payment_pence(offered, choice, taken)
    assert isinstance(paid, int) and 0 <= paid <= offered
    if choice == PaymentChoice.DECLINE:
        assert paid == 0


@given(miles=st.integers(min_value=1, max_value=2000), typed=PENCE)
def test_a_mileage_line_pays_by_the_mile_whatever_amount_was_typed(miles: int, typed: int) -> None:
    line = services.expense_line(Category.MILEAGE, date(2025, 5, 1), "Drive", typed, miles)
    assert (line.amount_pence, line.miles) == (miles * 45, miles)
    other = services.expense_line(Category.TRAVEL, date(2025, 5, 1), "Bus", typed, None)
    assert (other.amount_pence, other.miles) == (typed, None)


@given(offered=PENCE, taken=PENCE, choice=st.sampled_from(list(PaymentChoice)))
def test_a_payment_line_pays_what_the_choice_says(offered: int, taken: int, choice) -> None:
    line = services.payment_line(date(2025, 5, 1), "Workshop", offered, choice, taken)
    assert line.amount_pence == services.payment_pence(offered, choice, taken)
    assert (line.category, line.offered_pence, line.choice) == (Category.TIME, offered, choice)
