"""Income totals per week, calendar month and UK tax year, and warnings before approving.

Only lines that count as income, on approved or paid claims, are counted, by the date on the
line. A warning never blocks: it tells staff which threshold this claim would take the person
over, so they can talk to the person first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from app.core.periods import month_start
from app.core.periods import tax_year_start
from app.core.periods import week_start
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import ThresholdPeriod
from app.ledger.money import format_pence
from app.ledger.thresholds import thresholds_in_force
from app.people.models import Participant

COUNTED = (ClaimStatus.APPROVED, ClaimStatus.PAID)


@dataclass(frozen=True)
class IncomeLine:
    spent_on: date
    amount_pence: int


@dataclass
class PeriodTotals:
    """Pence by week (its Monday), by month (its 1st) and by tax year (its 6 April)."""

    weeks: dict[date, int] = field(default_factory=dict)
    months: dict[date, int] = field(default_factory=dict)
    tax_years: dict[date, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Warning:
    threshold: str
    period_start: date
    counted_pence: int
    claim_pence: int
    limit_pence: int
    message: str


PERIOD_START = {
    ThresholdPeriod.WEEK: week_start,
    ThresholdPeriod.MONTH: month_start,
    ThresholdPeriod.TAX_YEAR: tax_year_start,
}


def period_totals(lines: Iterable[IncomeLine]) -> PeriodTotals:
    """Add each line into exactly one week, one month and one tax year."""
    weeks: dict[date, int] = defaultdict(int)
    months: dict[date, int] = defaultdict(int)
    years: dict[date, int] = defaultdict(int)
    for line in lines:
        weeks[week_start(line.spent_on)] += line.amount_pence
        months[month_start(line.spent_on)] += line.amount_pence
        years[tax_year_start(line.spent_on)] += line.amount_pence
    return PeriodTotals(dict(weeks), dict(months), dict(years))


def income_lines(participant_id: int, exclude_claim: int | None = None) -> list[IncomeLine]:
    """Income-counting lines on this person's approved or paid claims."""
    query = (
        select(ClaimLine.spent_on, ClaimLine.amount_pence)
        .join(Claim)
        .where(
            Claim.participant_id == participant_id,
            Claim.status.in_(COUNTED),
            ClaimLine.counts_as_income.is_(True),
        )
    )
    if exclude_claim is not None:
        query = query.where(Claim.id != exclude_claim)
    return [IncomeLine(day, pence) for day, pence in db.session.execute(query)]


def participant_totals(participant_id: int) -> PeriodTotals:
    return period_totals(income_lines(participant_id))


def threshold_warnings(claim_id: int) -> list[Warning]:
    """Thresholds this claim would take its person over if it were approved; [] if none."""
    claim = db.session.get(Claim, claim_id)
    if claim is None:
        return []
    person = db.session.get(Participant, claim.participant_id)
    if person is None or not person.receives_benefits:
        return []
    this_claim = [
        IncomeLine(line.spent_on, line.amount_pence)
        for line in claim.lines
        if line.counts_as_income
    ]
    if not this_claim:
        return []
    counted = period_totals(income_lines(claim.participant_id, exclude_claim=claim.id))
    adding = period_totals(this_claim)
    warnings: list[Warning] = []
    for period, already, extra in (
        (ThresholdPeriod.WEEK, counted.weeks, adding.weeks),
        (ThresholdPeriod.MONTH, counted.months, adding.months),
        (ThresholdPeriod.TAX_YEAR, counted.tax_years, adding.tax_years),
    ):
        for start in sorted(extra):
            warnings += _crossed(
                period, start, already.get(start, 0), extra[start], this_claim, person.benefits
            )
    return warnings


def _crossed(
    period: ThresholdPeriod,
    start: date,
    counted: int,
    extra: int,
    lines: list[IncomeLine],
    benefits: list[str],
) -> list[Warning]:
    # Judge the period by the figures in force on the last day this claim touches in it.
    last_day = max(line.spent_on for line in lines if PERIOD_START[period](line.spent_on) == start)
    found = []
    for threshold in thresholds_in_force(period, last_day, list(benefits or [])):
        if extra > 0 and counted + extra > threshold.amount_pence:
            found.append(
                Warning(
                    threshold.name,
                    start,
                    counted,
                    extra,
                    threshold.amount_pence,
                    _message(period, start, threshold.name, counted, extra, threshold.amount_pence),
                )
            )
    return found


def _message(
    period: ThresholdPeriod, start: date, name: str, counted: int, extra: int, limit: int
) -> str:
    words = {
        ThresholdPeriod.WEEK: _("the week starting %(day)s", day=format_date(start, "long")),
        ThresholdPeriod.MONTH: _("the month starting %(day)s", day=format_date(start, "long")),
        ThresholdPeriod.TAX_YEAR: _(
            "the tax year starting %(day)s", day=format_date(start, "long")
        ),
    }
    return _(
        "“%(name)s” is %(limit)s. In %(period)s this person already has %(counted)s. "
        "This claim adds %(extra)s, making %(total)s. Talk to them before you approve it.",
        name=name,
        limit=format_pence(limit),
        period=words[period],
        counted=format_pence(counted),
        extra=format_pence(extra),
        total=format_pence(counted + extra),
    )
