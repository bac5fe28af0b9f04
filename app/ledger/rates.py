"""The rate card: what an hour, a half day or a session of each kind is paid.

A rate is never edited. A new rate is a new row from a later date, and every payment line
keeps its own amount and rate_id, so changing the card never reaches back into the past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import exists
from sqlalchemy import select

from app.extensions import db
from app.ledger.models import ActivityType
from app.ledger.models import ClaimLine
from app.ledger.models import Rate
from app.ledger.models import RateBasis
from app.transactions import unit_of_work

HALF_DAY_MINUTES = 240

ACTIVITY_NAMES = ActivityType.labels()
BASIS_NAMES = RateBasis.labels()


class RateRefused(Exception):
    """The rate cannot be added or removed; the message says why."""


@dataclass(frozen=True)
class Offer:
    """What the rate card offers one person for one session."""

    rate_id: int
    basis: RateBasis
    pence: int


def rate_in_force(activity: ActivityType, basis: RateBasis, on: date) -> Rate | None:
    """The rate with the latest effective date on or before `on`."""
    return db.session.scalar(
        select(Rate)
        .where(Rate.activity_type == activity, Rate.basis == basis, Rate.effective_from <= on)
        .order_by(Rate.effective_from.desc())
        .limit(1)
    )


def rates_in_force(activity: ActivityType, on: date) -> list[Rate]:
    """For each way of paying this activity, the rate in force on that day (site order)."""
    found = (rate_in_force(activity, basis, on) for basis in BASIS_NAMES)
    return [rate for rate in found if rate is not None]


def has_any_rate(activity: ActivityType, on: date) -> bool:
    return bool(
        db.session.scalar(
            select(exists().where(Rate.activity_type == activity, Rate.effective_from <= on))
        )
    )


def amount_for(rate: Rate, minutes: int) -> int:
    """Pence for one person: hourly rates are pro rata, rounded once to the nearest penny."""
    if rate.basis == RateBasis.HOURLY:
        return (rate.amount_pence * minutes + 30) // 60
    return rate.amount_pence


def offer_for(activity: ActivityType, basis: RateBasis, on: date, minutes: int) -> Offer | None:
    rate = rate_in_force(activity, basis, on)
    if rate is None:
        return None
    return Offer(rate.id, basis, amount_for(rate, minutes))


def all_rates() -> list[Rate]:
    return list(
        db.session.scalars(
            select(Rate).order_by(Rate.activity_type, Rate.basis, Rate.effective_from.desc())
        )
    )


@unit_of_work()
def add_rate(activity: ActivityType, basis: RateBasis, pence: int, effective_from: date) -> Rate:
    """Add a line to the card; one rate per kind, basis and day."""
    clash = db.session.scalar(
        select(Rate.id).where(
            Rate.activity_type == activity,
            Rate.basis == basis,
            Rate.effective_from == effective_from,
        )
    )
    if clash is not None:
        raise RateRefused(
            _("There is already a rate for this from that date. Choose a different date.")
        )
    rate = Rate(
        activity_type=activity, basis=basis, amount_pence=pence, effective_from=effective_from
    )
    db.session.add(rate)
    return rate


@unit_of_work()
def remove_rate(rate_id: int) -> None:
    """Remove a rate typed by mistake, but only if no payment was made at it."""
    rate = db.session.get(Rate, rate_id)
    if rate is None:
        raise RateRefused(_("That rate is not on the card."))
    used = db.session.scalar(select(exists().where(ClaimLine.rate_id == rate_id)))
    if used:
        raise RateRefused(
            _("Payments were made at this rate, so it stays. Add a new rate from a later date.")
        )
    db.session.delete(rate)
