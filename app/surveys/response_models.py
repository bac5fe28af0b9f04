"""What participants send: responses, their answers, and the themes staff tag answers with."""

from __future__ import annotations

import enum
from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean
from sqlalchemy import ColumnElement
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import FetchedValue
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import and_
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import JSONText
from app.db import enum_column
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus


class Response(Base):
    __tablename__ = "responses"
    __table_args__ = (
        Index("ix_responses_survey_status", "survey_id", "status"),
        Index("ix_responses_survey_number", "survey_id", "number", unique=True),
        Index("ix_responses_survey_sent", "survey_id", "submitted_at", "number"),
    )

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    status: Mapped[ResponseStatus] = mapped_column(
        enum_column(ResponseStatus, "response_status"), default=ResponseStatus.IN_PROGRESS
    )
    language: Mapped[str] = mapped_column(String(8))
    channel: Mapped[Channel] = mapped_column(
        enum_column(Channel, "channel"), default=Channel.ONLINE
    )
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    # Identified surveys only. participant_id links to the people register when the ledger
    # arrives; until then the name the person gave (or staff typed from paper) is kept.
    participant_id: Mapped[int | None] = mapped_column(index=True)
    respondent_name: Mapped[str | None] = mapped_column(String(200))
    consent_version: Mapped[int | None]
    consent_text: Mapped[str | None] = mapped_column(Text)
    consented_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # HMAC of the resume code: the code itself is never stored.
    resume_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    resume_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt]
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Its reference within the survey (1, 2, 3... in the order sent), shown to staff and in the
    # CSV: given by the database as the response becomes sent (migration 0019), never reused.
    number: Mapped[int | None] = mapped_column(
        Integer, server_default=FetchedValue(), server_onupdate=FetchedValue()
    )
    # The day the person answered when staff typed the answers in later: the date written on
    # the paper form, or the day of the call or interview. NULL online, and when no date was
    # written: then the day it was sent (submitted_at) is the day it counts under.
    answered_on: Mapped[date | None] = mapped_column(Date)
    # Typed in by mistake: withdrawn, never deleted. Results, the CSV and quotes leave it out;
    # staff still see it, and its history says who withdrew it and why.
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )
    notes: Mapped[list[ResponseNote]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="ResponseNote.id"
    )


def counted() -> ColumnElement[bool]:
    """The responses that count: sent, and not withdrawn."""
    return and_(Response.status == ResponseStatus.SUBMITTED, Response.withdrawn_at.is_(None))


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id", name="one_per_question"),)

    id: Mapped[IntPk]
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    # A string, a number, or a list of option values (in order, for priorities), kept as JSON
    # text; SQL NULL when declined.
    value: Mapped[Any | None] = mapped_column(JSONText)
    declined: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the person wrote beside "Other – please tell us", kept only when they chose it.
    other_text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


class ResponseNote(Base):
    """An answer written on paper to a question the branching skipped, kept as a note because
    staff chose to: never counted in the results, but kept with the response and shown."""

    __tablename__ = "response_notes"

    id: Mapped[IntPk]
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    # The question and the answer in words, as they were when typed in.
    question_text: Mapped[str] = mapped_column(Text)
    answer_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[CreatedAt]

    response: Mapped[Response] = relationship(back_populates="notes")


class ChangeKind(enum.StrEnum):
    CORRECTED = "corrected"
    WITHDRAWN = "withdrawn"


class ResponseChange(Base):
    """One correction or withdrawal of a typed-in response: who, when, why, and the values
    before and after (JSON text; every value in them is plain ASCII, so the text is as before the
    column type), so nothing about a response changes without a trace."""

    __tablename__ = "response_changes"

    id: Mapped[IntPk]
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ChangeKind] = mapped_column(enum_column(ChangeKind, "response_change_kind"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    at: Mapped[CreatedAt]


class Theme(Base):
    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("survey_id", "name", name="survey_name"),)

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[CreatedAt]


class AnswerTheme(Base):
    __tablename__ = "answer_themes"

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AnswerTally(Base):
    """How many sent responses gave each answer to a question, per language and channel.

    Kept true by database triggers (migration 0018) as responses are sent, corrected or deleted:
    never written by the app. value is the stored answer ('' for written words, and for a
    "rather not say" with nothing stored); rows can fall to 0 and stay.
    """

    __tablename__ = "answer_tallies"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    declined: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int]


class ResponseTally(Base):
    """How many sent responses a survey has, per language and channel (triggers, as above)."""

    __tablename__ = "response_tallies"

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    count: Mapped[int]


class SurveyDigest(Base):
    """A member of staff who asked for a daily email counting a survey's new responses.

    counted_until: responses sent after this moment are new; last_sent_on: the charity's day of
    the last email, moved on in the same transaction that queues it, so a day has one at most.
    """

    __tablename__ = "survey_digests"

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8))
    counted_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_sent_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[CreatedAt]
