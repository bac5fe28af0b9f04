"""What needs each member of staff today, by role: the lines at the top of the staff home.

Each line says what is waiting, how much and how old, and links to the place to act on it. Every
count is one small query; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from zoneinfo import ZoneInfo

from flask import current_app
from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.core.periods import tax_year_start
from app.db import as_utc
from app.db import utcnow
from app.extensions import db
from app.feedback.models import Update
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.money import format_pence
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.privacy.models import ErasureRequest
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Response
from app.surveys.response_models import counted

APPROVERS = frozenset({Role.ADMIN, Role.FINANCE, Role.COORDINATOR})
PAYERS = frozenset({Role.ADMIN, Role.FINANCE})
WRITERS = frozenset({Role.ADMIN, Role.COORDINATOR})


@dataclass(frozen=True)
class Task:
    """One thing waiting: what it is (a sentence), and where to act on it."""

    words: str
    href: str


def tasks_for(role: Role, now: datetime | None = None) -> list[Task]:
    """Everything waiting for someone in this role, most pressing first."""
    now = now or utcnow()
    found: list[Task | None] = []
    if role in APPROVERS:
        found.append(_claims(ClaimStatus.SUBMITTED, now))
    if role in PAYERS:
        found.append(_claims(ClaimStatus.APPROVED, now))
    if role in WRITERS:
        found.append(_claims(ClaimStatus.DRAFT, now))
        found.append(_failed_messages())
    if role == Role.ADMIN:
        found.append(_erasure_requests())
        found.append(_benefit_limits(now))
    found.extend(_surveys_today(now))
    if role in WRITERS:
        found.append(_draft_updates())
    return [task for task in found if task is not None]


def _claims(status: ClaimStatus, now: datetime) -> Task | None:
    totals = (
        select(ClaimLine.claim_id, func.sum(ClaimLine.amount_pence).label("pence"))
        .group_by(ClaimLine.claim_id)
        .subquery()
    )
    since = func.coalesce(Claim.submitted_at, Claim.created_at)
    count, pence, oldest = db.session.execute(
        select(func.count(Claim.id), func.coalesce(func.sum(totals.c.pence), 0), func.min(since))
        .outerjoin(totals, totals.c.claim_id == Claim.id)
        .where(Claim.status == status)
    ).one()
    if not count:
        return None
    days = max(0, (now - as_utc(oldest)).days)
    age = ngettext(
        "The oldest has waited %(num)d day.", "The oldest has waited %(num)d days.", days
    )
    if status == ClaimStatus.SUBMITTED:
        head = ngettext(
            "%(num)d claim is waiting for approval: %(amount)s in all.",
            "%(num)d claims are waiting for approval: %(amount)s in all.",
            count,
            amount=format_pence(pence),
        )
    elif status == ClaimStatus.APPROVED:
        head = ngettext(
            "%(num)d approved claim is waiting to be paid: %(amount)s in all.",
            "%(num)d approved claims are waiting to be paid: %(amount)s in all.",
            count,
            amount=format_pence(pence),
        )
    else:
        head = ngettext(
            "%(num)d claim has not been sent for a decision yet.",
            "%(num)d claims have not been sent for a decision yet.",
            count,
        )
    return Task(f"{head} {age}", url_for("claims.index", status=status.value))


def _failed_messages() -> Task | None:
    count = db.session.scalar(
        select(func.count(OutboxMessage.id)).where(
            OutboxMessage.status.in_([MessageStatus.FAILED, MessageStatus.UNCERTAIN]),
            OutboxMessage.participant_id.is_not(None),  # staff's own daily emails are not news
        )
    )
    if not count:
        return None
    words = ngettext(
        "%(num)d message about an update did not reach the person. Tell them another way.",
        "%(num)d messages about updates did not reach the person. Tell them another way.",
        count,
    )
    return Task(words, url_for("update_admin.index"))


def _erasure_requests() -> Task | None:
    count = db.session.scalar(
        select(func.count(ErasureRequest.id)).where(ErasureRequest.handled_at.is_(None))
    )
    if not count:
        return None
    words = ngettext(
        "%(num)d person asked for their details to be erased.",
        "%(num)d people asked for their details to be erased.",
        count,
    )
    return Task(words, url_for("privacy.index"))


def _benefit_limits(now: datetime) -> Task | None:
    """The limits change each April: say so when none was entered or changed since then."""
    today = _local(now).date()
    start = tax_year_start(today)
    latest = db.session.scalar(select(func.max(BenefitThreshold.created_at)))
    if latest is not None and _local(as_utc(latest)).date() >= start:
        return None
    words = _(
        "Benefit limits have not been checked since %(date)s. Check them against GOV.UK.",
        date=format_date(start, "d MMMM y"),
    )
    return Task(words, url_for("sessions.threshold_table"))


def _surveys_today(now: datetime) -> list[Task]:
    midnight = _midnight(now)
    today = (
        select(Response.survey_id, func.count(Response.id).label("sent"))
        .where(counted(), Response.submitted_at >= midnight)
        .group_by(Response.survey_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Survey.id, Survey.title, func.coalesce(today.c.sent, 0))
        .outerjoin(today, today.c.survey_id == Survey.id)
        .where(Survey.status == SurveyStatus.OPEN)
        .order_by(Survey.id)
    ).all()
    return [
        Task(
            ngettext(
                "Open survey “%(title)s”: %(num)d response today.",
                "Open survey “%(title)s”: %(num)d responses today.",
                sent,
                title=title,
            ),
            url_for("survey_results.summary", survey_id=survey_id),
        )
        for survey_id, title, sent in rows
    ]


def _draft_updates() -> Task | None:
    count = db.session.scalar(select(func.count(Update.id)).where(Update.published.is_(False)))
    if not count:
        return None
    words = ngettext(
        "%(num)d “You said, we did” update is still a draft.",
        "%(num)d “You said, we did” updates are still drafts.",
        count,
    )
    return Task(words, url_for("update_admin.index"))


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIME_ZONE"])


def _local(moment: datetime) -> datetime:
    return moment.astimezone(_zone())


def _midnight(now: datetime) -> datetime:
    """The start of today where the charity is, as a UTC moment."""
    day: date = _local(now).date()
    return datetime.combine(day, time(), tzinfo=_zone()).astimezone(ZoneInfo("UTC"))
