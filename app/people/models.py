"""Participants: the people who give their time, with their needs and preferences."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import enum_column


class PaymentPreference(enum.StrEnum):
    BANK_TRANSFER = "bank_transfer"
    VOUCHER = "voucher"
    CASH = "cash"
    EXPENSES_ONLY = "expenses_only"
    DECLINE = "decline"
    CHARITY = "charity"


ACCESS_NEEDS = (
    "interpreter",
    "bsl",
    "step_free",
    "large_print",
    "hearing_loop",
    "childcare",
    "companion",
    "other",
)
BENEFITS = (
    "universal_credit",
    "pip",
    "esa",
    "carers_allowance",
    "housing_benefit",
    "pension_credit",
    "other",
)
CONTACT_WAYS = ("email", "text", "phone", "post")


class Participant(Base):
    __tablename__ = "participants"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    contact_ways: Mapped[list[str]] = mapped_column(JSON, default=list)
    hear_back: Mapped[bool] = mapped_column(Boolean, default=False)
    access_needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    interpreter_language: Mapped[str] = mapped_column(String(60), default="")
    access_other: Mapped[str] = mapped_column(Text, default="")
    payment_preference: Mapped[PaymentPreference] = mapped_column(
        enum_column(PaymentPreference, "payment_preference"),
        default=PaymentPreference.BANK_TRANSFER,
    )
    receives_benefits: Mapped[bool] = mapped_column(Boolean, default=False)
    benefits: Mapped[list[str]] = mapped_column(JSON, default=list)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when this person is also on the staff, so they can never approve or pay themselves.
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), unique=True)
    # Bumped to sign the person out everywhere (a lost card, a shared phone).
    session_version: Mapped[int] = mapped_column(default=1)
    # HMAC of the personal code printed on their card; the code itself is never stored.
    card_code_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    # When they last looked at /me, so updates since then can be marked new.
    updates_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when an admin erased their details; the row stays, under a reference, for payments.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt]

    @property
    def reference(self) -> str:
        return f"P{self.id:05d}"


class SignInCode(Base):
    """A six-digit code emailed to a participant: single use, ten minutes."""

    __tablename__ = "sign_in_codes"

    id: Mapped[IntPk]
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt]
