"""What you told us: a survey's published summary of results, with the charts and quotes chosen."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from app.db import Base
from app.db import IntPk
from app.db import utcnow


class ResultsSummary(Base):
    """One per survey; participants read it at the survey's own address once it is published."""

    __tablename__ = "results_summaries"

    id: Mapped[IntPk]
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), unique=True
    )
    intro: Mapped[str] = mapped_column(Text, default="")  # Markdown, cleaned like every update
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    questions: Mapped[list[SummaryQuestion]] = relationship(
        cascade="all, delete-orphan", order_by="SummaryQuestion.position"
    )
    quotes: Mapped[list[SummaryQuote]] = relationship(
        cascade="all, delete-orphan", order_by="SummaryQuote.position"
    )


class SummaryQuestion(Base):
    """A question whose counts are shown as a chart in the summary."""

    __tablename__ = "summary_questions"
    __table_args__ = (UniqueConstraint("summary_id", "question_id", name="summary_question_once"),)

    id: Mapped[IntPk]
    summary_id: Mapped[int] = mapped_column(
        ForeignKey("results_summaries.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class SummaryQuote(Base):
    """An answer quoted in the summary, never with a name, only from someone who agreed."""

    __tablename__ = "summary_quotes"
    __table_args__ = (UniqueConstraint("summary_id", "answer_id", name="summary_quote_once"),)

    id: Mapped[IntPk]
    summary_id: Mapped[int] = mapped_column(
        ForeignKey("results_summaries.id", ondelete="CASCADE"), index=True
    )
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
