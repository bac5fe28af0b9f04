"""The outbox: messages waiting to go to people, and the record of how each went."""

from __future__ import annotations

import enum
from datetime import date
from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import enum_column
from app.db import utcnow


class MessageStatus(enum.StrEnum):
    PENDING = "pending"  # waiting to be sent, perhaps after a failed try
    SENDING = "sending"  # a sender has claimed it
    SENT = "sent"
    FAILED = "failed"  # the mail server refused it for good, or it ran out of tries
    CANCELLED = "cancelled"  # the person stopped messages or was paused before it went
    UNCERTAIN = "uncertain"  # a sender stopped mid-send: never retried, so never sent twice


class OutboxMessage(Base):
    """A message waiting to go, or the record of how it went. One per person per event: a change
    to an update they took part in, or a decision on their own claim; or, for a member of staff,
    one day's count of new responses to a survey they follow."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        UniqueConstraint("event_id", "participant_id", name="once_per_event"),
        UniqueConstraint("claim_event_id", "participant_id", name="once_per_claim_event"),
        UniqueConstraint("digest_survey_id", "staff_id", "digest_on", name="one_digest_a_day"),
        CheckConstraint("attempts >= 0", name="attempts_sign"),
        CheckConstraint(
            "(CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN claim_event_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN digest_survey_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="about_one_thing",
        ),
        CheckConstraint("(participant_id IS NULL) <> (staff_id IS NULL)", name="for_one_person"),
    )

    id: Mapped[IntPk]
    event_id: Mapped[int | None] = mapped_column(ForeignKey("update_events.id", ondelete="CASCADE"))
    claim_event_id: Mapped[int | None] = mapped_column(ForeignKey("claim_events.id"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    # Or a member of staff: a coordinator's daily count of new responses to a survey, one a day.
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    digest_survey_id: Mapped[int | None] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE")
    )
    digest_on: Mapped[date | None] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="email")
    address: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    unsubscribe_url: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[MessageStatus] = mapped_column(
        enum_column(MessageStatus, "message_status"), default=MessageStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claim_token: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]
