"""Benefit thresholds: dated earnings limits that staff are warned about before approving.

A changed figure is a new row from the date it applies; old rows stay so past periods are
judged by the figure that applied then. Figures name their source: admins
must check them each April, when most limits change (app/demo/thresholds.py has examples).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy import select

from app.core.periods import tax_year_start
from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import ThresholdPeriod
from app.transactions import unit_of_work

PERIOD_NAMES = ThresholdPeriod.labels()


class ThresholdRefused(Exception):
    """The threshold cannot be saved or removed; the message says why."""


@dataclass(frozen=True)
class ThresholdDetails:
    name: str
    period: ThresholdPeriod
    amount_pence: int
    effective_from: date
    source: str
    benefit: str | None = None


def all_thresholds() -> list[BenefitThreshold]:
    return list(
        db.session.scalars(
            select(BenefitThreshold).order_by(
                BenefitThreshold.name, BenefitThreshold.effective_from.desc()
            )
        )
    )


def thresholds_in_force(
    period: ThresholdPeriod, on: date, benefits: list[str] | None = None
) -> list[BenefitThreshold]:
    """For each named threshold of this period, the row with the latest date on or before `on`;
    with `benefits`, only limits for those benefits or for any benefit."""
    rows = db.session.scalars(
        select(BenefitThreshold)
        .where(BenefitThreshold.period == period, BenefitThreshold.effective_from <= on)
        .order_by(BenefitThreshold.effective_from)
    )
    latest: dict[str, BenefitThreshold] = {}
    for row in rows:
        latest[row.name.casefold()] = row  # later dates overwrite earlier ones
    found = latest.values()
    if benefits is not None:
        found = [row for row in found if row.benefit is None or row.benefit in benefits]
    return sorted(found, key=lambda row: row.name)


@unit_of_work()
def add_threshold(details: ThresholdDetails) -> BenefitThreshold:
    clash = db.session.scalar(
        select(BenefitThreshold.id).where(
            BenefitThreshold.name == details.name,
            BenefitThreshold.period == details.period,
            BenefitThreshold.effective_from == details.effective_from,
        )
    )
    if clash is not None:
        raise ThresholdRefused(
            _(
                "This limit already has a figure from that date. "
                "Remove it first, or pick another date."
            )
        )
    row = BenefitThreshold(**details.__dict__)
    db.session.add(row)
    return row


@unit_of_work()
def remove_threshold(threshold_id: int) -> None:
    row = db.session.get(BenefitThreshold, threshold_id)
    if row is None:
        raise ThresholdRefused(_("That threshold is not in the table."))
    db.session.delete(row)


def out_of_date_since(today: date) -> date | None:
    """The start of this tax year when no limit has a figure from it (or just before: a limit
    may start on the Monday after 6 April); None when the figures look current or there are none."""
    newest = db.session.scalar(select(func.max(BenefitThreshold.effective_from)))
    this_year = tax_year_start(today)
    if newest is None or newest >= this_year - timedelta(days=7):
        return None
    return this_year
