"""You said, we did: updates, what they came from, their dated history, translations.

An update is a plain record of what people told us and what we did about it. Its history is kept
as events and never rewritten; messages to the people who took part wait in an outbox table,
written in the same transaction as the change that caused them (app/outbox/).
"""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean
from sqlalchemy import CheckConstraint
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
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
from app.db import enum_column
from app.db import utcnow
from app.labels import LabelledEnum


class UpdateStatus(LabelledEnum):
    CONSIDERING = "considering", _l("Considering")
    DOING = "doing", _l("Doing")
    DONE = "done", _l("Done")
    CANT_DO = "cant_do", _l("Can't do")


class EventKind(enum.StrEnum):
    STATUS = "status"  # the status changed (or was first set)
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"


class LinkKind(LabelledEnum):
    SURVEY = "survey", _l("Survey")
    QUESTION = "question", _l("Question")
    THEME = "theme", _l("Theme")
    SESSION = "session", _l("Session")


class Update(Base):
    """One entry in the You said, we did log, written in its main language."""

    __tablename__ = "updates"
    __table_args__ = (
        CheckConstraint("status <> 'cant_do' OR reason <> ''", name="cant_do_has_reason"),
        CheckConstraint("people_count IS NULL OR people_count >= 0", name="people_count_sign"),
    )

    id: Mapped[IntPk]
    main_language: Mapped[str] = mapped_column(String(8), default="en")
    said: Mapped[str] = mapped_column(String(300))  # what people said, in a sentence or two
    body: Mapped[str] = mapped_column(Text, default="")  # what we did or will do: Markdown
    status: Mapped[UpdateStatus] = mapped_column(
        enum_column(UpdateStatus, "update_status"), default=UpdateStatus.CONSIDERING
    )
    reason: Mapped[str] = mapped_column(Text, default="")  # why we can't, when we can't
    people_count: Mapped[int | None] = mapped_column(Integer)  # entered by staff, if known
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    # An admin took it down: only an admin may make it public again.
    held_by_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    form_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[CreatedAt]

    links: Mapped[list[UpdateLink]] = relationship(
        back_populates="update", cascade="all, delete-orphan", order_by="UpdateLink.id"
    )
    events: Mapped[list[UpdateEvent]] = relationship(
        back_populates="update", order_by="UpdateEvent.id"
    )


class UpdateLink(Base):
    """What an update came from: exactly one of a survey, a question, a theme or a session."""

    __tablename__ = "update_links"
    __table_args__ = (
        CheckConstraint(
            " + ".join(
                f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
                for column in ("survey_id", "question_id", "theme_id", "session_id")
            )
            + " = 1",
            name="one_target",
        ),
    )

    id: Mapped[IntPk]
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    kind: Mapped[LinkKind] = mapped_column(enum_column(LinkKind, "link_kind"))
    survey_id: Mapped[int | None] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("involvement_sessions.id", ondelete="CASCADE"), index=True
    )

    update: Mapped[Update] = relationship(back_populates="links")


class UpdateEvent(Base):
    """The dated history of an update: status changes, publishing and unpublishing, with reasons."""

    __tablename__ = "update_events"

    id: Mapped[IntPk]
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "update_event"))
    status: Mapped[UpdateStatus] = mapped_column(enum_column(UpdateStatus, "update_status"))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    at: Mapped[CreatedAt]

    update: Mapped[Update] = relationship(back_populates="events")


class UpdateText(TranslatedWords, Base):
    """One translated piece of an update: key is 'said', 'body' or 'reason'."""

    __tablename__ = "update_texts"
    __table_args__ = (UniqueConstraint("update_id", "language", "key", name="update_piece"),)

    id: Mapped[IntPk]
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(20))
