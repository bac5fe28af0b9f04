"""Staff accounts managed on the web: add, pause, change role, passwords. One transaction each;
every change leaves an AccountEvent saying who did it and when."""

from __future__ import annotations

import secrets

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import AccountEvent
from app.auth.models import Role
from app.auth.models import StaffUser
from app.auth.services import AccountError
from app.auth.services import check_password
from app.auth.services import hash_password
from app.auth.services import new_account
from app.auth.services import password_problem
from app.auth.services import record
from app.extensions import db
from app.transactions import unit_of_work


class WrongPassword(AccountError):
    """The current password given was not right."""


_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password() -> str:
    """About 100 random bits in groups of four, easy to read out or copy without mistakes."""
    text = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(20))
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


@unit_of_work()
def add_staff(actor_id: int, email: str, name: str, role: Role) -> tuple[StaffUser, str]:
    """A new account with a temporary password, shown once; they choose their own at sign-in."""
    password = temporary_password()
    user = new_account(email, name, role, password)
    user.must_change_password = True
    db.session.flush()
    record(user.id, actor_id, "added", role.value)
    return user, password


def _other_active_admins(user_id: int) -> int:
    # FOR UPDATE locks the active admins' rows, so two admins pausing each other at the same
    # moment on PostgreSQL queue up and the second sees the first's change (SQLite's
    # BEGIN IMMEDIATE already queues every writer).
    admins = db.session.scalars(
        select(StaffUser.id).where(StaffUser.role == Role.ADMIN, StaffUser.active).with_for_update()
    )
    return sum(1 for admin_id in admins if admin_id != user_id)


def _refuse_losing_last_admin(user: StaffUser) -> None:
    # Someone must always be able to manage accounts, or the charity is locked out of its own site.
    if user.role == Role.ADMIN and user.active and _other_active_admins(user.id) == 0:
        message = _("%(name)s is the only active admin. Make someone else an admin first.")
        raise AccountError(message % {"name": user.name})


def _get(user_id: int) -> StaffUser:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        raise LookupError(user_id)
    return user


def _end_sessions(user: StaffUser) -> None:
    user.session_version = StaffUser.session_version + 1


@unit_of_work()
def set_paused(actor_id: int, user_id: int, paused: bool) -> StaffUser:
    """Pause (no sign-in, every session ends) or unpause an account."""
    user = _get(user_id)
    if user.active == (not paused):
        return user  # already so: a second press changes nothing
    if paused:
        _refuse_losing_last_admin(user)
        _end_sessions(user)
    user.active = not paused
    record(user.id, actor_id, "paused" if paused else "unpaused")
    return user


@unit_of_work()
def change_role(actor_id: int, user_id: int, role: Role) -> StaffUser:
    """A new role takes effect at the next sign-in, where two-step set-up may now be asked for."""
    user = _get(user_id)
    if user.role == role:
        return user
    if role != Role.ADMIN:
        _refuse_losing_last_admin(user)
    record(user.id, actor_id, "role", f"{user.role.value} > {role.value}")
    user.role = role
    _end_sessions(user)
    return user


@unit_of_work()
def reset_password(actor_id: int, user_id: int) -> tuple[StaffUser, str]:
    """A temporary password, shown once to the admin; the person's sessions end. Two-step stays
    on, so whoever reads the temporary password still cannot sign in without the person's phone."""
    user = _get(user_id)
    password = temporary_password()
    user.password_hash = hash_password(password)
    user.must_change_password = True
    _end_sessions(user)
    record(user.id, actor_id, "password_reset")
    return user, password


def change_own_password(user_id: int, current: str, new: str) -> StaffUser:
    """Needs the current password; ends every other session (the caller signs this one in anew)."""
    with unit_of_work():
        user = _get(user_id)
        if not check_password(user.password_hash, current):
            raise WrongPassword(_("Your current password is not right"))
        problem = password_problem(new, user.email)
        if problem:
            raise AccountError(problem)
        user.password_hash = hash_password(new)
        user.must_change_password = False
        db.session.execute(
            update(StaffUser)
            .where(StaffUser.id == user_id)
            .values(session_version=StaffUser.session_version + 1)
        )
        record(user.id, user.id, "password_changed")
    db.session.refresh(user)
    return user


def history(user_id: int) -> list[tuple[AccountEvent, str | None]]:
    """Each change to this account, newest first, with the name of who made it."""
    actor = db.aliased(StaffUser)
    rows = db.session.execute(
        select(AccountEvent, actor.name)
        .outerjoin(actor, actor.id == AccountEvent.actor_id)
        .where(AccountEvent.staff_user_id == user_id)
        .order_by(AccountEvent.at.desc(), AccountEvent.id.desc())
    )
    return [(event, name) for event, name in rows]
