"""A project, its plan (the map of the journey) and its accessibility checklist.

Surveys, sessions and updates point at a project; the project knows nothing of them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean
from sqlalchemy import DateTime
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
from app.db import utcnow
from app.labels import LabelledEnum


class ProjectStage(LabelledEnum):
    PLANNING = "planning", _l("Planning")
    RUNNING = "running", _l("Under way")
    FINISHED = "finished", _l("Finished")


class AccessItem(LabelledEnum):
    """The practical things the research names that help people take part."""

    IT = "it", _l("IT equipment")
    INTERPRETERS = "interpreters", _l("Interpreters")
    TIMING = "timing", _l("Meeting times that suit people")
    ADVANCE = "advance", _l("Information sent well in advance")
    CHILDCARE = "childcare", _l("Childcare")
    TRAVEL = "travel", _l("Travel")
    REFRESHMENTS = "refreshments", _l("Refreshments")
    QUIET_VOICES = "quiet_voices", _l("Making room for quiet voices")


def _words() -> Any:
    """One part of the plan: plain words, empty until someone writes it."""
    return mapped_column(Text, default="", server_default="")


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(120), unique=True)
    stage: Mapped[ProjectStage] = mapped_column(
        enum_column(ProjectStage, "project_stage"),
        default=ProjectStage.PLANNING,
        server_default=ProjectStage.PLANNING.value,
    )
    # The key of the template it was started from (app/projects/starters.py), or "" for blank.
    started_from: Mapped[str] = mapped_column(String(40), default="", server_default="")
    created_at: Mapped[CreatedAt]
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # The plan: each part answers one of the research's prompts (app/projects/plan.py).
    why: Mapped[str] = _words()
    aims: Mapped[str] = _words()
    co_produce_now: Mapped[str] = _words()
    who_takes_part: Mapped[str] = _words()
    roles: Mapped[str] = _words()
    time_capacity: Mapped[str] = _words()
    skills: Mapped[str] = _words()
    support: Mapped[str] = _words()
    partners: Mapped[str] = _words()
    decisions: Mapped[str] = _words()
    safeguarding: Mapped[str] = _words()
    walk_away: Mapped[str] = _words()

    checks: Mapped[list[AccessCheck]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="AccessCheck.id"
    )

    def touch(self) -> None:
        self.changed_at = utcnow()


class AccessCheck(Base):
    """One item of a project's accessibility checklist: done or not yet, with a note."""

    __tablename__ = "project_access_checks"
    __table_args__ = (UniqueConstraint("project_id", "item", name="uq_project_access_checks_item"),)

    id: Mapped[IntPk]
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    item: Mapped[AccessItem] = mapped_column(enum_column(AccessItem, "access_item"))
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    project: Mapped[Project] = relationship(back_populates="checks")
