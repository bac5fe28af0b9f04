"""Staff accounts and their roles."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, CreatedAt, IntPk, enum_column


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    FINANCE = "finance"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])

    @property
    def description(self) -> str:
        return str(ROLE_DESCRIPTIONS[self])


ROLE_LABELS = {
    Role.ADMIN: _l("Admin"),
    Role.COORDINATOR: _l("Coordinator"),
    Role.FINANCE: _l("Finance"),
    Role.VIEWER: _l("Viewer"),
}
ROLE_DESCRIPTIONS = {
    Role.ADMIN: _l("You can do everything, including managing staff accounts."),
    Role.COORDINATOR: _l(
        "You can build surveys, record sessions and write updates for the people who took part."
    ),
    Role.FINANCE: _l("You can approve claims, mark them paid and export payments for the books."),
    Role.VIEWER: _l("You can see results and reports, but you cannot change anything."),
}
ALL_STAFF = tuple(Role)


class StaffUser(Base):
    __tablename__ = "staff_users"
    __table_args__ = (CheckConstraint("session_version >= 1", name="session_version_positive"),)

    id: Mapped[IntPk]
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, "staff_role"))
    # Bumped at sign-out: every cookie that carries an older number stops working at once.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[CreatedAt]
    last_signed_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    def __repr__(self) -> str:
        return f"<StaffUser {self.id} {self.role}>"
