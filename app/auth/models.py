"""Staff accounts and their roles."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import BigInteger
from sqlalchemy import CheckConstraint
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from app.db import Base
from app.db import CreatedAt
from app.db import IntPk
from app.db import enum_column
from app.labels import LabelledEnum


class Role(LabelledEnum):
    ADMIN = "admin", _l("Admin")
    COORDINATOR = "coordinator", _l("Coordinator")
    FINANCE = "finance", _l("Finance")
    VIEWER = "viewer", _l("Viewer")

    @property
    def description(self) -> str:
        return str(ROLE_DESCRIPTIONS[self])


ROLE_LABELS = Role.labels()
ROLE_DESCRIPTIONS = {
    Role.ADMIN: _l("You can do everything, including managing staff accounts."),
    Role.COORDINATOR: _l(
        "You can build surveys, record sessions and write updates for the people who took part."
    ),
    Role.FINANCE: _l("You can approve claims, mark them paid and export payments for the books."),
    Role.VIEWER: _l("You can see results and reports, but you cannot change anything."),
}
ALL_STAFF = tuple(Role)
# These roles can move money or every account, so a stolen password alone must not be enough.
TWO_STEP_ROLES = frozenset({Role.ADMIN, Role.FINANCE})


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
    # Set when an admin chose the password (a new account or a reset): the person must pick
    # their own before they can do anything else, so the admin never knows it for long.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    # The authenticator app's shared key (base32) and the last 30-second step a code was used
    # for: a code is refused unless its step is later, so a code seen over a shoulder is spent.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)

    @property
    def two_step_on(self) -> bool:
        return self.totp_secret is not None

    @property
    def two_step_required(self) -> bool:
        return self.role in TWO_STEP_ROLES

    def __repr__(self) -> str:
        return f"<StaffUser {self.id} {self.role}>"


class RecoveryCode(Base):
    """A one-time code for when the authenticator app is lost; only its SHA-256 is kept."""

    __tablename__ = "staff_recovery_codes"

    id: Mapped[IntPk]
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AccountEvent(Base):
    """Who changed which staff account, how and when: kept for good, never edited."""

    __tablename__ = "staff_account_events"

    id: Mapped[IntPk]
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    # None when the change came from the server's command line rather than a person on the web.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[CreatedAt]
