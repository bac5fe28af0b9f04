"""Keeping personal data no longer than needed: periods an admin sets, and the clear-out itself.

What goes after its period: survey responses never finished, sign-in codes used or expired, the
words of messages already sent (who and when stay, for the record), and receipt photos of finished
claims once the six years the charity must keep payment records have passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.sql import Executable

from app.db import utcnow
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import Receipt
from app.ledger.models import Setting
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.people.models import SignInCode
from app.privacy.models import PrivacyEvent
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Response
from app.transactions import unit_of_work

SIX_YEARS = 2192  # days, counting the leap days: HMRC wants payment records for six years
FINISHED_MESSAGES = (
    MessageStatus.SENT,
    MessageStatus.FAILED,
    MessageStatus.CANCELLED,
    MessageStatus.UNCERTAIN,
)


@dataclass(frozen=True)
class Period:
    key: str
    default: int  # days
    least: int
    most: int
    label: object
    hint: object

    def lowest(self) -> int:
        """The fewest days allowed. Unfinished answers stay at least as long as the code to carry
        on later works: the survey promises that, and clearing them sooner would break it."""
        if self.key == "unfinished_responses":
            return max(self.least, current_app.config["SURVEY_RESUME_DAYS"])
        return self.least


PERIODS = (
    Period(
        "unfinished_responses",
        90,
        1,
        3650,
        _l("Survey answers never finished"),
        _l(
            "Days after the person started. Finished answers are never cleared. At least as "
            "many days as a code to carry on later works."
        ),
    ),
    Period(
        "sign_in_codes",
        30,
        1,
        3650,
        _l("Sign-in codes already used or out of date"),
        _l("Days after the code was used or ran out."),
    ),
    Period(
        "message_bodies",
        90,
        1,
        3650,
        _l("The words of messages we sent"),
        _l("Days after sending. Who it went to, and when, are kept."),
    ),
    Period(
        "receipts",
        SIX_YEARS,
        SIX_YEARS,
        36500,
        _l("Receipt photos of finished claims"),
        _l("Days after the claim was paid or closed. At least 2192 days (six years)."),
    ),
)
BY_KEY = {period.key: period for period in PERIODS}


def _setting_key(key: str) -> str:
    return f"retention.{key}"


def periods() -> dict[str, int]:
    """The days each kind of data is kept: the admin's choice, or the default."""
    stored = {
        row.key: row.value
        for row in db.session.scalars(
            select(Setting).where(Setting.key.in_([_setting_key(p.key) for p in PERIODS]))
        )
    }
    return {p.key: _days(stored.get(_setting_key(p.key)), p) for p in PERIODS}


def _days(raw: str | None, period: Period) -> int:
    if raw and raw.isascii() and raw.isdigit() and period.lowest() <= int(raw) <= period.most:
        return int(raw)
    return period.default


@unit_of_work()
def save_periods(days: dict[str, int]) -> None:
    for key, value in days.items():
        period = BY_KEY[key]
        if not period.lowest() <= value <= period.most:
            raise ValueError(key)
        stored = db.session.get(Setting, _setting_key(key))
        if stored is None:
            db.session.add(Setting(key=_setting_key(key), value=str(value)))
        else:
            stored.value = str(value)


@dataclass(frozen=True)
class Rule:
    key: str
    count: Executable
    apply: Executable


def _rules(now: datetime, keep: dict[str, int]) -> list[Rule]:
    def before(key: str) -> datetime:
        return now - timedelta(days=keep[key])

    unfinished = and_(
        Response.status == ResponseStatus.IN_PROGRESS,
        Response.created_at < before("unfinished_responses"),
    )
    spent = before("sign_in_codes")
    old_codes = or_(
        and_(SignInCode.used_at.is_not(None), SignInCode.used_at < spent),
        SignInCode.expires_at < spent,
    )
    sent = and_(
        OutboxMessage.status.in_(FINISHED_MESSAGES),
        func.coalesce(OutboxMessage.sent_at, OutboxMessage.created_at) < before("message_bodies"),
        or_(OutboxMessage.body != "", OutboxMessage.unsubscribe_url != ""),
    )
    old_receipts = Receipt.claim_id.in_(_finished_claims(before("receipts")))
    return [
        Rule("unfinished_responses", _count(Response.id, unfinished), _gone(Response, unfinished)),
        Rule("sign_in_codes", _count(SignInCode.id, old_codes), _gone(SignInCode, old_codes)),
        Rule(
            "message_bodies",
            _count(OutboxMessage.id, sent),
            update(OutboxMessage).where(sent).values(body="", unsubscribe_url=""),
        ),
        Rule("receipts", _count(Receipt.id, old_receipts), _gone(Receipt, old_receipts)),
    ]


def _finished_claims(cutoff: datetime) -> Executable:
    """Claims paid, or rejected or cancelled, before the cutoff: nobody needs their photos now."""
    return select(Claim.id).where(
        or_(
            and_(Claim.status == ClaimStatus.PAID, Claim.paid_on < cutoff.date()),
            and_(
                Claim.status.in_((ClaimStatus.REJECTED, ClaimStatus.CANCELLED)),
                Claim.created_at < cutoff,
            ),
        )
    )


def _count(column: object, condition: object) -> Executable:
    return select(func.count(column)).where(condition)


def _gone(model: type, condition: object) -> Executable:
    return delete(model).where(condition)


@unit_of_work()
def apply(dry_run: bool = False, staff_id: int | None = None) -> dict[str, int]:
    """Clear everything past its period in one transaction (or only count it); audited."""
    rules = _rules(utcnow(), periods())
    if dry_run:
        return {rule.key: db.session.scalar(rule.count) or 0 for rule in rules}
    found = {rule.key: _run(rule.apply) for rule in rules}
    counts = " ".join(f"{key}={number}" for key, number in found.items())
    db.session.add(
        PrivacyEvent(
            action="retention", actor_staff_id=staff_id, counts=counts, rows=sum(found.values())
        )
    )
    return found


def _run(statement: Executable) -> int:
    result = db.session.execute(statement.execution_options(synchronize_session=False))
    return result.rowcount
