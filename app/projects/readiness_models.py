"""A project's readiness checks (the research's questions answered yes, partly or not yet, by
one person or a team, on a date) and its learning log. Kept apart from models.py, which holds
the project and its plan."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean
from sqlalchemy import ForeignKey
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
from app.db import enum_column
from app.labels import LabelledEnum


class Barrier(LabelledEnum):
    """The eight barriers the research names that stop small charities starting co-production."""

    TIME = "time", _l("Time, resources and skills")
    RESISTANCE = "resistance", _l("Resistance to change")
    UNDERSTANDING = "understanding", _l("Lack of understanding")
    POWER = "power", _l("Power imbalances")
    ENGAGEMENT = "engagement", _l("Lack of engagement")
    ACCESSIBILITY = "accessibility", _l("Accessibility")
    FUNDING = "funding", _l("The funding landscape")
    WORRY = "worry", _l("Worrying about getting it wrong")


class Readiness(LabelledEnum):
    YES = "yes", _l("Yes")
    PARTLY = "partly", _l("Partly")
    NOT_YET = "not_yet", _l("Not yet")


class ReadinessCheck(Base):
    """One sitting of the readiness questions: who answered, when, and every answer."""

    __tablename__ = "project_readiness_checks"

    id: Mapped[IntPk]
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    by_team: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The staff member's name, or the names of the team who took part, as written.
    who: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[CreatedAt]

    answers: Mapped[list[ReadinessAnswer]] = relationship(
        back_populates="check", cascade="all, delete-orphan", order_by="ReadinessAnswer.id"
    )


class ReadinessAnswer(Base):
    __tablename__ = "project_readiness_answers"
    __table_args__ = (
        UniqueConstraint("check_id", "question", name="uq_project_readiness_answers_question"),
    )

    id: Mapped[IntPk]
    check_id: Mapped[int] = mapped_column(
        ForeignKey("project_readiness_checks.id", ondelete="CASCADE")
    )
    # The key of the question (app/projects/readiness.py): questions may be added later.
    question: Mapped[str] = mapped_column(String(40))
    answer: Mapped[Readiness] = mapped_column(enum_column(Readiness, "readiness"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    check: Mapped[ReadinessCheck] = relationship(back_populates="answers")


class LearningEntry(Base):
    """A dated entry in a project's learning log."""

    __tablename__ = "project_learning_entries"

    id: Mapped[IntPk]
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    worked: Mapped[str] = mapped_column(Text, default="", server_default="")
    did_not_work: Mapped[str] = mapped_column(Text, default="", server_default="")
    differently: Mapped[str] = mapped_column(Text, default="", server_default="")
    written_by: Mapped[str] = mapped_column(String(120), default="", server_default="")
    created_at: Mapped[CreatedAt]
