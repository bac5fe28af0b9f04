"""Staff account use cases: one transaction each, no request or templates."""

from __future__ import annotations

import unicodedata
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import AccountEvent
from app.auth.models import Role
from app.auth.models import StaffUser
from app.db import utcnow
from app.extensions import db
from app.transactions import unit_of_work

_STRONG = PasswordHasher()  # argon2id defaults: above the OWASP ASVS minimum
# Only the test suite uses this: same algorithm, a fraction of the cost, so hundreds of
# sign-ins stay quick. TestingConfig switches it on; nothing else can.
_QUICK = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _hasher() -> PasswordHasher:
    return _QUICK if current_app.config.get("QUICK_PASSWORD_HASHES") else _STRONG


@cache
def _dummy_hash_for(hasher: PasswordHasher) -> str:
    return hasher.hash("not-a-real-password")


def _dummy_hash() -> str:
    # Verifying against this when the email is unknown makes both failures take the same time.
    return _dummy_hash_for(_hasher())


MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    """A staff account could not be created; the message is safe to show."""


def normalise_email(email: str) -> str:
    """The one form of an address used for look-ups and for every sign-in limit's key, so
    no spelling of the same address (case, spaces, invisible characters) gets a fresh limit."""
    visible = "".join(ch for ch in email if unicodedata.category(ch) not in _INVISIBLE)
    return unicodedata.normalize("NFKC", visible).strip().lower()


_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}


def password_problem(password: str, email: str) -> str | None:
    """Why this password is too weak to keep, or None (length first, as NIST SP 800-63B asks)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _("Use a password of at least %(count)d characters.", count=MIN_PASSWORD_LENGTH)
    if len(password) > 1024:
        return _("Use a password of at most 1024 characters.")
    lowered = password.strip().lower()
    if email and (email in lowered or lowered in email):
        return _("Do not use your email address as your password.")
    return None


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def record(user_id: int, actor_id: int | None, action: str, detail: str = "") -> None:
    """Note a change to an account (who, what, when) inside the caller's transaction."""
    db.session.add(
        AccountEvent(staff_user_id=user_id, actor_id=actor_id, action=action, detail=detail)
    )


def new_account(email: str, name: str, role: Role | str, password: str) -> StaffUser:
    """Check and add (not commit) a staff account with an argon2 hash of its password."""
    email = normalise_email(email)
    if "@" not in email:
        raise AccountError(_("Enter an email address like name@example.org."))
    problem = password_problem(password, email)
    if problem:
        raise AccountError(problem)
    if db.session.scalar(select(StaffUser.id).where(StaffUser.email == email)) is not None:
        raise AccountError(_("There is already a staff account for %(email)s.", email=email))
    user = StaffUser(email=email, name=name.strip() or email, role=Role(role))
    user.password_hash = hash_password(password)
    db.session.add(user)
    return user


@unit_of_work()
def create_staff_user(email: str, name: str, role: Role | str, password: str) -> StaffUser:
    """Create a staff account from the server's command line (recorded with no actor)."""
    user = new_account(email, name, role, password)
    db.session.flush()
    record(user.id, None, "added", user.role.value)
    return user


@unit_of_work()
def authenticate(email: str, password: str) -> StaffUser | None:
    """Return the active account these details open, or None; same cost either way."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))
    stored = user.password_hash if user is not None and user.active else _dummy_hash()
    try:
        _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = _hasher().hash(password)
    user.last_signed_in_at = utcnow()
    return user


@unit_of_work()
def end_all_sessions(user_id: int) -> None:
    """Sign the person out everywhere: older session cookies no longer match."""
    db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id)
        .values(session_version=StaffUser.session_version + 1)
    )


def list_staff() -> list[StaffUser]:
    return list(db.session.scalars(select(StaffUser).order_by(StaffUser.name)))
