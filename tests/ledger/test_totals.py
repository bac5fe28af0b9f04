"""Income totals per week, month and tax year, and the warnings staff see before approving."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from app.auth.models import Role
from app.core.periods import month_start
from app.core.periods import tax_year_start
from app.core.periods import week_start
from app.extensions import db
from app.ledger.claims import Actor
from app.ledger.claims import move
from app.ledger.models import BenefitThreshold
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import ThresholdPeriod
from app.ledger.totals import IncomeLine
from app.ledger.totals import participant_totals
from app.ledger.totals import period_totals
from app.ledger.totals import threshold_warnings
from tests.conftest import make_staff
from tests.factories import add_thresholds

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
lines = st.lists(
    st.builds(IncomeLine, days, st.integers(min_value=-10_000_000, max_value=10_000_000)),
    max_size=60,
)


@given(lines)
def test_totals_always_equal_the_sum_of_the_lines(income: list[IncomeLine]) -> None:
    totals = period_totals(income)
    whole = sum(line.amount_pence for line in income)
    assert sum(totals.weeks.values()) == sum(totals.months.values()) == whole
    assert sum(totals.tax_years.values()) == whole


@given(lines)
def test_periods_partition_the_lines(income: list[IncomeLine]) -> None:
    for line in income:
        monday = week_start(line.spent_on)
        assert monday.weekday() == 0 and monday <= line.spent_on < monday + timedelta(days=7)
        first = month_start(line.spent_on)
        assert first.day == 1 and (first.year, first.month) == (
            line.spent_on.year,
            line.spent_on.month,
        )
        start = tax_year_start(line.spent_on)
        assert (start.month, start.day) == (4, 6)
        assert start <= line.spent_on < start.replace(year=start.year + 1)
    totals = period_totals(income)
    for key, total in totals.weeks.items():
        assert total == sum(x.amount_pence for x in income if week_start(x.spent_on) == key)


@given(st.lists(st.builds(IncomeLine, days, st.integers(min_value=0, max_value=10_000_000))))
def test_reversals_net_to_zero_in_every_period(income: list[IncomeLine]) -> None:
    reversed_too = income + [IncomeLine(x.spent_on, -x.amount_pence) for x in income]
    totals = period_totals(reversed_too)
    for period in (totals.weeks, totals.months, totals.tax_years):
        assert set(period.values()) <= {0}


def test_tax_years_turn_over_between_the_5th_and_6th_of_april() -> None:
    assert tax_year_start(date(2025, 4, 5)) == date(2024, 4, 6)
    assert tax_year_start(date(2025, 4, 6)) == date(2025, 4, 6)
    assert tax_year_start(date(2026, 1, 1)) == date(2025, 4, 6)
    totals = period_totals([IncomeLine(date(2025, 4, 5), 100), IncomeLine(date(2025, 4, 6), 20)])
    assert totals.tax_years == {date(2024, 4, 6): 100, date(2025, 4, 6): 20}
    assert totals.weeks == {date(2025, 3, 31): 120}  # Saturday and Sunday: the same week


def _claim(app: Flask, person: int, status: ClaimStatus, *amounts: tuple[date, int, bool]) -> int:
    with app.app_context():
        claim = Claim(participant_id=person, status=status)
        for day, pence, income in amounts:
            claim.lines.append(
                ClaimLine(
                    kind=LineKind.REVERSAL if pence < 0 else LineKind.PAYMENT,
                    category=Category.TIME,
                    spent_on=day,
                    description="Time",
                    amount_pence=pence,
                    counts_as_income=income,
                )
            )
        db.session.add(claim)
        db.session.commit()
        return claim.id


def test_only_income_on_approved_or_paid_claims_is_counted(app: Flask, ledger) -> None:
    day = date(2025, 6, 4)
    _claim(app, ledger.participant, ClaimStatus.APPROVED, (day, 1000, True), (day, 480, False))
    _claim(app, ledger.participant, ClaimStatus.PAID, (day, 2000, True), (day, -500, True))
    for status in (
        ClaimStatus.DRAFT,
        ClaimStatus.SUBMITTED,
        ClaimStatus.REJECTED,
        ClaimStatus.CANCELLED,
    ):
        _claim(app, ledger.participant, status, (day, 7777, True))
    _claim(app, ledger.other_participant, ClaimStatus.PAID, (day, 9999, True))
    with app.app_context():
        totals = participant_totals(ledger.participant)
    assert totals.weeks == {date(2025, 6, 2): 2500}
    assert totals.months == {date(2025, 6, 1): 2500}
    assert totals.tax_years == {date(2025, 4, 6): 2500}


def test_crossing_a_weekly_limit_warns_with_the_amounts(app: Flask, ledger) -> None:
    from app.people.models import Participant

    with app.app_context():
        add_thresholds()
        # Warnings follow the person's own benefits: these limits belong to these two.
        db.session.get(Participant, ledger.participant).benefits = ["carers_allowance", "esa"]
        db.session.commit()
    monday, friday = date(2025, 6, 2), date(2025, 6, 6)
    _claim(app, ledger.participant, ClaimStatus.PAID, (monday, 15000, True))
    claim = _claim(app, ledger.participant, ClaimStatus.SUBMITTED, (friday, 5000, True))
    with app.test_request_context():
        warnings = threshold_warnings(claim)
    names = {w.threshold for w in warnings}
    assert "Carer's Allowance earnings limit" in names
    assert "Permitted Work higher limit (ESA)" in names
    assert "Universal Credit work allowance (with housing costs)" not in names  # £200 < £411
    carers = next(w for w in warnings if w.threshold.startswith("Carer"))
    assert (carers.counted_pence, carers.claim_pence, carers.limit_pence) == (15000, 5000, 19600)
    assert carers.period_start == monday
    for words in ("£196.00", "£150.00", "£50.00", "£200.00", "Carer's Allowance earnings limit"):
        assert words in carers.message


def test_crossing_a_tax_year_limit_warns_but_the_year_before_is_not_counted(
    app: Flask, ledger
) -> None:
    with app.app_context():
        db.session.add(
            BenefitThreshold(
                name="Yearly limit",
                period=ThresholdPeriod.TAX_YEAR,
                amount_pence=100_000,
                effective_from=date(2020, 4, 6),
            )
        )
        db.session.commit()
    _claim(app, ledger.participant, ClaimStatus.PAID, (date(2025, 4, 5), 90_000, True))
    claim = _claim(app, ledger.participant, ClaimStatus.SUBMITTED, (date(2025, 9, 1), 20_000, True))
    with app.test_request_context():
        assert threshold_warnings(claim) == []  # last year's £900 is in a different tax year
    _claim(app, ledger.participant, ClaimStatus.APPROVED, (date(2025, 4, 6), 90_000, True))
    with app.test_request_context():
        (warning,) = threshold_warnings(claim)
    assert (warning.threshold, warning.period_start) == ("Yearly limit", date(2025, 4, 6))
    assert warning.counted_pence + warning.claim_pence == 110_000
    assert "tax year" in warning.message and "£1,000.00" in warning.message


def test_no_warnings_for_someone_without_benefits(app: Flask, ledger) -> None:
    with app.app_context():
        add_thresholds()
    claim = _claim(
        app, ledger.other_participant, ClaimStatus.SUBMITTED, (date(2025, 6, 6), 900_000, True)
    )
    with app.test_request_context():
        assert threshold_warnings(claim) == []
        assert threshold_warnings(999_999) == []


def test_a_warning_never_blocks_approval(app: Flask, ledger) -> None:
    with app.app_context():
        add_thresholds()
    claim = _claim(app, ledger.participant, ClaimStatus.SUBMITTED, (date(2025, 6, 6), 50_000, True))
    finance = make_staff(app, Role.FINANCE)
    with app.test_request_context():
        assert threshold_warnings(claim)
        moved = move(claim, ClaimStatus.APPROVED, Actor(staff_id=finance.id, role=Role.FINANCE))
        assert moved.status == ClaimStatus.APPROVED
        assert threshold_warnings(claim)  # the claim itself is not counted twice
        assert threshold_warnings(claim)[0].counted_pence == 0
