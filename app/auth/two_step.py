"""Two-step sign-in use cases: turning it on, checking a code, recovery codes."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from app.auth import totp
from app.auth.models import RecoveryCode
from app.auth.models import StaffUser
from app.auth.services import record
from app.core.numbers import plain_digits
from app.db import utcnow
from app.extensions import db
from app.transactions import unit_of_work

RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def _recovery_hash(code: str) -> str:
    # The codes are 50 random bits each, so a fast hash is enough: nobody can guess through them.
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def _clean(code: str) -> str:
    return "".join(ch for ch in plain_digits(code[:100]).lower() if ch.isascii() and ch.isalnum())


def _new_recovery_code() -> str:
    text = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{text[:5]}-{text[5:]}"


def _replace_recovery_codes(user_id: int) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.staff_user_id == user_id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(
        RecoveryCode(staff_user_id=user_id, code_hash=_recovery_hash(_clean(code)))
        for code in codes
    )
    return codes


@unit_of_work()
def turn_on(user_id: int, secret: str, code: str) -> list[str] | None:
    """Keep the key if the code proves the app has it; return the new recovery codes, shown once.

    None when the code is wrong, or two-step was already on (a second press changes nothing).
    """
    step = totp.matching_step(secret, _clean(code))
    if step is None:
        return None
    done = db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id, StaffUser.totp_secret.is_(None))
        .values(totp_secret=secret, totp_last_step=step)
    )
    if done.rowcount != 1:
        return None
    codes = _replace_recovery_codes(user_id)
    record(user_id, user_id, "two_step_on")
    return codes


def check_code(user_id: int, code: str) -> bool:
    """An app code not used before (its step later than the last one used), or an unused
    recovery code. Either is spent by a conditional UPDATE, so two presses cannot both pass."""
    cleaned = _clean(code)
    if len(cleaned) == totp.DIGITS and cleaned.isdigit():
        return _spend_app_code(user_id, cleaned)
    return _spend_recovery_code(user_id, cleaned)


@unit_of_work()
def _spend_app_code(user_id: int, code: str) -> bool:
    secret = db.session.scalar(select(StaffUser.totp_secret).where(StaffUser.id == user_id))
    step = totp.matching_step(secret, code) if secret else None
    if step is None:
        return False
    done = db.session.execute(
        update(StaffUser)
        .where(
            StaffUser.id == user_id,
            or_(StaffUser.totp_last_step.is_(None), StaffUser.totp_last_step < step),
        )
        .values(totp_last_step=step)
    )
    return done.rowcount == 1


@unit_of_work()
def _spend_recovery_code(user_id: int, code: str) -> bool:
    done = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.staff_user_id == user_id,
            RecoveryCode.code_hash == _recovery_hash(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow())
    )
    if done.rowcount != 1:
        return False
    record(user_id, user_id, "recovery_code_used")
    return True


def recovery_codes_left(user_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(RecoveryCode)
            .where(RecoveryCode.staff_user_id == user_id, RecoveryCode.used_at.is_(None))
        )
        or 0
    )


@unit_of_work()
def new_recovery_codes(user_id: int) -> list[str]:
    """Replace every recovery code (the old ones stop working); shown once."""
    codes = _replace_recovery_codes(user_id)
    record(user_id, user_id, "recovery_codes_replaced")
    return codes


@unit_of_work()
def turn_off(actor_id: int, user_id: int) -> None:
    """For a lost phone: an admin clears the key; the person sets it up again at next sign-in."""
    db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id)
        .values(
            totp_secret=None,
            totp_last_step=None,
            session_version=StaffUser.session_version + 1,
        )
    )
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.staff_user_id == user_id))
    record(user_id, actor_id, "two_step_off")
