"""Involvement: projects, sessions, attendance, the rate card, claims, lines, receipts, batches,
the audit trail and the benefit thresholds. Money is integer pence everywhere."""

from __future__ import annotations

import enum
from datetime import date
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean
from sqlalchemy import CheckConstraint
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import Money
from app.db import enum_column
from app.labels import LabelledEnum


class ActivityType(LabelledEnum):
    WORKSHOP = "workshop", _l("Workshop")
    MEETING = "meeting", _l("Meeting")
    INTERVIEW_PANEL = "interview_panel", _l("Interview panel")
    FOCUS_GROUP = "focus_group", _l("Focus group")
    OTHER = "other", _l("Other")


class RateBasis(LabelledEnum):
    HOURLY = "hourly", _l("By the hour")
    HALF_DAY = "half_day", _l("Half a day (up to 4 hours)")
    SESSION = "session", _l("For the whole session")


class AttendanceRole(LabelledEnum):
    TAKING_PART = "taking_part", _l("Taking part")
    AGENDA_SETTING = "agenda_setting", _l("Setting the agenda")
    NOTE_TAKING = "note_taking", _l("Taking notes")
    FACILITATION = "facilitation", _l("Leading the session")
    SPEAKING_FOR_GROUP = "speaking_for_group", _l("Speaking for the group")
    OTHER = "other", _l("Something else")


ROLE_NAMES = AttendanceRole.labels()


class ClaimStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    CHANGES_REQUESTED = "changes_requested"
    PAID = "paid"
    CANCELLED = "cancelled"


CLAIM_MOVES: dict[ClaimStatus, frozenset[ClaimStatus]] = {
    ClaimStatus.DRAFT: frozenset({ClaimStatus.SUBMITTED, ClaimStatus.CANCELLED}),
    ClaimStatus.SUBMITTED: frozenset(
        {
            ClaimStatus.APPROVED,
            ClaimStatus.REJECTED,
            ClaimStatus.CHANGES_REQUESTED,
            ClaimStatus.CANCELLED,
        }
    ),
    ClaimStatus.CHANGES_REQUESTED: frozenset({ClaimStatus.SUBMITTED, ClaimStatus.CANCELLED}),
    ClaimStatus.APPROVED: frozenset({ClaimStatus.PAID, ClaimStatus.CANCELLED}),
    ClaimStatus.REJECTED: frozenset(),
    ClaimStatus.PAID: frozenset(),
    ClaimStatus.CANCELLED: frozenset(),
}
NEEDS_REASON = frozenset({ClaimStatus.REJECTED, ClaimStatus.CHANGES_REQUESTED})


class LineKind(enum.StrEnum):
    EXPENSE = "expense"
    PAYMENT = "payment"
    REVERSAL = "reversal"


class Category(LabelledEnum):
    TRAVEL = "travel", _l("Travel")
    MILEAGE = "mileage", _l("Mileage")
    CHILDCARE = "childcare", _l("Childcare")
    CARE = "care", _l("Care")
    REFRESHMENTS = "refreshments", _l("Food and drink")
    PHONE_DATA = "phone_data", _l("Phone and data")
    OTHER = "other", _l("Other")
    TIME = "time", _l("Time")  # payment lines


class PaymentChoice(LabelledEnum):
    ACCEPT = "accept", _l("Took the payment")
    TAKE_LESS = "take_less", _l("Took less")
    DECLINE = "decline", _l("Said no to the payment")
    CHARITY = "charity", _l("Gave it to a charity")


class PaymentMethod(LabelledEnum):
    BANK_TRANSFER = "bank_transfer", _l("Bank transfer")
    VOUCHER = "voucher", _l("Voucher")
    CASH = "cash", _l("Cash")
    CHARITY = "charity", _l("Paid to a charity")


class ThresholdPeriod(LabelledEnum):
    WEEK = "week", _l("A week (Monday to Sunday)")
    MONTH = "month", _l("A calendar month")
    TAX_YEAR = "tax_year", _l("A tax year (6 April to 5 April)")


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[CreatedAt]


class Rate(Base):
    """One line of the rate card. Lines keep the amount they were made at, so edits never
    reach back into the past: a new rate is a new row with a later effective date."""

    __tablename__ = "rates"
    __table_args__ = (
        CheckConstraint("amount_pence >= 0 AND amount_pence <= 100000", name="amount_range"),
        UniqueConstraint("activity_type", "basis", "effective_from", name="one_per_day"),
    )

    id: Mapped[IntPk]
    activity_type: Mapped[ActivityType] = mapped_column(enum_column(ActivityType, "activity"))
    basis: Mapped[RateBasis] = mapped_column(enum_column(RateBasis, "rate_basis"))
    amount_pence: Mapped[Money]
    effective_from: Mapped[date] = mapped_column(Date)
    created_at: Mapped[CreatedAt]


class InvolvementSession(Base):
    __tablename__ = "involvement_sessions"
    __table_args__ = (CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes_range"),)

    id: Mapped[IntPk]
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    title: Mapped[str] = mapped_column(String(200))
    activity_type: Mapped[ActivityType] = mapped_column(enum_column(ActivityType, "activity"))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[CreatedAt]

    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )


class Attendance(Base):
    """A contribution: one person at one session, in a role."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("session_id", "participant_id", name="once_each"),)

    id: Mapped[IntPk]
    session_id: Mapped[int] = mapped_column(
        ForeignKey("involvement_sessions.id", ondelete="CASCADE")
    )
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    role: Mapped[AttendanceRole] = mapped_column(enum_column(AttendanceRole, "attendance_role"))

    session: Mapped[InvolvementSession] = relationship(back_populates="attendances")


class PaymentBatch(Base):
    __tablename__ = "payment_batches"

    id: Mapped[IntPk]
    number: Mapped[int] = mapped_column(Integer, unique=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[CreatedAt]


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (CheckConstraint("version >= 1", name="version_positive"),)

    id: Mapped[IntPk]
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    status: Mapped[ClaimStatus] = mapped_column(
        enum_column(ClaimStatus, "claim_status"), default=ClaimStatus.DRAFT
    )
    # Who made it: a member of staff on the person's behalf, or the person at /me.
    created_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    # Who sent it for a decision: a member of staff, or None when the person sent it at /me.
    submitted_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    paid_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    paid_method: Mapped[PaymentMethod | None] = mapped_column(
        enum_column(PaymentMethod, "payment_method")
    )
    paid_reference: Mapped[str] = mapped_column(String(120), default="")
    paid_on: Mapped[date | None] = mapped_column(Date)
    form_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[CreatedAt]
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[ClaimLine]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimLine.id"
    )


def claim_total(claim: Claim) -> int:
    """Pence: the sum of the lines, reversals included. Nothing is rounded here."""
    return sum(line.amount_pence for line in claim.lines)


class ClaimLine(Base):
    __tablename__ = "claim_lines"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'reversal' AND amount_pence <= 0) OR "
            "(kind <> 'reversal' AND amount_pence >= 0)",
            name="amount_sign",
        ),
        CheckConstraint("amount_pence BETWEEN -10000000 AND 10000000", name="amount_range"),
        CheckConstraint("offered_pence IS NULL OR offered_pence >= 0", name="offered_positive"),
    )

    id: Mapped[IntPk]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    kind: Mapped[LineKind] = mapped_column(enum_column(LineKind, "line_kind"))
    category: Mapped[Category] = mapped_column(enum_column(Category, "line_category"))
    spent_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(300))
    amount_pence: Mapped[Money]
    counts_as_income: Mapped[bool] = mapped_column(Boolean, default=False)
    # Payment lines: what the rate card offered, and what the person chose to take.
    offered_pence: Mapped[int | None] = mapped_column(Integer)
    choice: Mapped[PaymentChoice | None] = mapped_column(enum_column(PaymentChoice, "choice"))
    rate_id: Mapped[int | None] = mapped_column(ForeignKey("rates.id"))
    attendance_id: Mapped[int | None] = mapped_column(ForeignKey("attendances.id"))
    miles: Mapped[int | None] = mapped_column(Integer)
    reverses_line_id: Mapped[int | None] = mapped_column(ForeignKey("claim_lines.id"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"), index=True)
    # Who wrote the line: a member of staff, or None when the person wrote it at /me. Nobody
    # who wrote a line may approve or pay the claim it is on.
    author_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    claim: Mapped[Claim] = relationship(back_populates="lines")


class Receipt(Base):
    """A receipt photo, re-encoded on upload with every bit of metadata (location too) removed."""

    __tablename__ = "receipts"

    id: Mapped[IntPk]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("claim_lines.id", ondelete="SET NULL"))
    content_type: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[CreatedAt]


class ClaimEvent(Base):
    """The append-only audit trail: database triggers refuse any UPDATE or DELETE."""

    __tablename__ = "claim_events"

    id: Mapped[IntPk]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    actor_participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[CreatedAt]


class BenefitThreshold(Base):
    __tablename__ = "benefit_thresholds"
    __table_args__ = (CheckConstraint("amount_pence > 0", name="amount_positive"),)

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(120))
    period: Mapped[ThresholdPeriod] = mapped_column(enum_column(ThresholdPeriod, "period"))
    amount_pence: Mapped[Money]
    effective_from: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="")
    # The benefit this limit belongs to (a key of app.people.models.BENEFITS); empty means it
    # matters to anyone who receives benefits. A person is warned only about their own.
    benefit: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[CreatedAt]


class Setting(Base):
    """Admin-set values, such as how much a coordinator may approve."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
