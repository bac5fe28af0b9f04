"""Surveys, their questions and options, translations, responses and answers, themes."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean
from sqlalchemy import CheckConstraint
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import false
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import TranslatedWords
from app.db import as_utc
from app.db import enum_column
from app.db import utcnow
from app.labels import LabelledEnum


class SurveyStatus(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    OPEN = "open", _l("Open")
    CLOSED = "closed", _l("Closed")
    ARCHIVED = "archived", _l("Archived")


class QuestionKind(LabelledEnum):
    SHORT_TEXT = "short_text", _l("Short answer in words")
    LONG_TEXT = "long_text", _l("Long answer in words")
    SINGLE_CHOICE = "single_choice", _l("Choose one answer")
    MULTIPLE_CHOICE = "multiple_choice", _l("Choose all that apply")
    SCALE = "scale", _l("Scale with words, like Not at all to Very much")
    YES_NO = "yes_no", _l("Yes or no")
    NUMBER = "number", _l("A number")
    PRIORITIES = "priorities", _l("Pick the most important, in order")

    @property
    def has_options(self) -> bool:
        return self in CHOICE_KINDS

    @property
    def is_text(self) -> bool:
        return self in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


CHOICE_KINDS = frozenset(
    {
        QuestionKind.SINGLE_CHOICE,
        QuestionKind.MULTIPLE_CHOICE,
        QuestionKind.SCALE,
        QuestionKind.PRIORITIES,
    }
)


# A choice question's "Other – please tell us": stored like any chosen answer, as this value,
# which no answer staff type can get (their values are made of a-z, 0-9 and hyphens).
OTHER_VALUE = "_other"
OTHER_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})
OTHER_TEXT_LIMIT = 200


class Channel(LabelledEnum):
    ONLINE = "online", _l("Online")
    PAPER = "paper", _l("On paper")
    PHONE = "phone", _l("By phone")
    INTERVIEW = "interview", _l("In an interview")


CHANNEL_NAMES = Channel.labels()


class ResponseStatus(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class IllegalMove(ValueError):
    """A survey was asked to move to a status it cannot reach from where it is."""


SURVEY_MOVES = {
    SurveyStatus.DRAFT: {SurveyStatus.OPEN, SurveyStatus.ARCHIVED},
    SurveyStatus.OPEN: {SurveyStatus.CLOSED},
    SurveyStatus.CLOSED: {SurveyStatus.OPEN, SurveyStatus.ARCHIVED},
    # Brought back from the archive as closed, answers and all: opened again from there.
    SurveyStatus.ARCHIVED: {SurveyStatus.CLOSED},
}


class Survey(Base):
    __tablename__ = "surveys"
    __table_args__ = (
        CheckConstraint("time_needed_minutes BETWEEN 1 AND 240", name="time_needed_range"),
        CheckConstraint("consent_version >= 1", name="consent_version_positive"),
    )

    id: Mapped[IntPk]
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    main_language: Mapped[str] = mapped_column(String(8), default="en")
    title: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(200), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    what_happens: Mapped[str] = mapped_column(Text, default="")
    time_needed_minutes: Mapped[int] = mapped_column(Integer, default=5)
    # True: the start page works out how long it takes from the questions (app/surveys/timing.py)
    # and time_needed_minutes is only what that came to when last saved.
    minutes_from_questions: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    consent_text: Mapped[str] = mapped_column(Text, default="")
    consent_version: Mapped[int] = mapped_column(Integer, default=1)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[SurveyStatus] = mapped_column(
        enum_column(SurveyStatus, "survey_status"), default=SurveyStatus.DRAFT
    )
    opens_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[CreatedAt]
    # Moved on by database triggers (migration 0012) whenever the survey, its questions, options
    # or translations change: participant pages rebuild their copy of the survey when it moves.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # How many sent responses the charity hopes for, if it set a number: progress is shown.
    response_target: Mapped[int | None] = mapped_column(Integer)

    questions: Mapped[list[Question]] = relationship(
        back_populates="survey", order_by="Question.position", cascade="all, delete-orphan"
    )

    def move_to(self, status: SurveyStatus) -> None:
        """Change status, refusing moves the survey's life does not allow."""
        if status not in SURVEY_MOVES[self.status]:
            raise IllegalMove(f"{self.status} -> {status}")
        self.status = status

    def is_accepting(self, now: datetime | None = None) -> bool:
        """Open, and today is within its dates."""
        now = now or utcnow()
        if self.status != SurveyStatus.OPEN:
            return False
        if self.opens_at and as_utc(self.opens_at) > now:
            return False
        return not (self.closes_at and as_utc(self.closes_at) <= now)


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint(
            "max_length IS NULL OR max_length BETWEEN 1 AND 20000", name="max_length_range"
        ),
        CheckConstraint("pick_count IS NULL OR pick_count >= 1", name="pick_count_positive"),
        Index("ix_questions_survey_position", "survey_id", "position"),
    )

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind, "question_kind"))
    text: Mapped[str] = mapped_column(Text)
    help_text: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    max_length: Mapped[int | None] = mapped_column(Integer)
    min_value: Mapped[int | None] = mapped_column(Integer)
    max_value: Mapped[int | None] = mapped_column(Integer)
    pick_count: Mapped[int | None] = mapped_column(Integer)
    show_if_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL")
    )
    show_if_value: Mapped[str | None] = mapped_column(String(60))
    # Hidden from new participants but kept, with its answers, once people have answered it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # A choice question may end with "Other – please tell us": chosen as OTHER_VALUE, with the
    # words the person wrote kept in the answer's other_text.
    offers_other: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan"
    )


class Option(Base):
    __tablename__ = "options"
    __table_args__ = (UniqueConstraint("question_id", "value", name="question_value"),)

    id: Mapped[IntPk]
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(300))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Stands alone: cannot be ticked with other answers ("Nothing makes it hard").
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    question: Mapped[Question] = relationship(back_populates="options")


class SurveyMove(Base):
    """One change of a survey's status: from what, to what, who and when, so a survey's life
    (opened, closed, archived, brought back) can be read back."""

    __tablename__ = "survey_moves"

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[SurveyStatus] = mapped_column(enum_column(SurveyStatus, "survey_move_from"))
    to_status: Mapped[SurveyStatus] = mapped_column(enum_column(SurveyStatus, "survey_move_to"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    at: Mapped[CreatedAt]


class ConsentWording(Base):
    """Words people agreed to that a survey no longer uses: kept when the words change, so a
    paper form printed with older words is recorded against what the person actually read.
    The words used now are the survey's own consent_text and consent_version."""

    __tablename__ = "consent_wordings"
    __table_args__ = (UniqueConstraint("survey_id", "version", name="survey_version"),)

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # When newer words took over; NULL for words found on older responses (migration 0016).
    replaced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SurveyText(TranslatedWords, Base):
    """One translated piece of a survey: key is 'title', 'q:12:text', 'o:40:label' and so on."""

    __tablename__ = "survey_texts"
    __table_args__ = (UniqueConstraint("survey_id", "language", "key", name="piece"),)

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
