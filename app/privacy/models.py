"""Erasure requests from participants, and the audit of what privacy work was done.

Audit rows say who did what and when, with counts, but never any personal data: they must
outlive the details they record the removal of.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk


class ErasureRequest(Base):
    """A participant asked, from /me, for what we hold about them to be erased."""

    __tablename__ = "erasure_requests"

    id: Mapped[IntPk]
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    requested_at: Mapped[CreatedAt]
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class PrivacyEvent(Base):
    """One erasure or retention run: who (a staff id, or none for the scheduled command), when,
    and how many rows of each kind went. Never a name, an address or any answer."""

    __tablename__ = "privacy_events"

    id: Mapped[IntPk]
    action: Mapped[str] = mapped_column(String(20))  # "erasure" or "retention"
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id"), index=True)
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    counts: Mapped[str] = mapped_column(Text, default="")  # "sign_in_codes=2 responses=1"
    rows: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[CreatedAt]
