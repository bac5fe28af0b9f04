"""Who is signed in, and which routes each role may reach.

Every view carries an `access` attribute set by one of the decorators here; a test reads it
for every route so none can slip in unchecked.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from collections.abc import Iterable
from functools import wraps
from typing import Any

from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import request
from flask import session
from flask import url_for
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from app.auth.models import Role
from app.auth.models import StaffUser
from app.core.errors import who_for_layout
from app.extensions import db

PUBLIC = "public"
PENDING_SECONDS = 10 * 60  # time to find the phone and type the code


def public(view: Callable[..., Any]) -> Callable[..., Any]:
    """Open to anyone, signed in or not."""
    view.access = PUBLIC
    return view


def roles_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Only signed-in staff with one of these roles; others get 403, strangers the sign-in page."""
    allowed = frozenset(roles)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            user = current_staff()
            if user is None:
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if user.role not in allowed:
                abort(403)
            if user.must_change_password and request.endpoint != "account.password":
                # A password an admin chose is for one sign-in only: nothing else until it changes.
                return redirect(url_for("account.password"))
            return view(*args, **kwargs)

        guarded.access = allowed
        return guarded

    return decorate


def current_staff() -> StaffUser | None:
    """The signed-in staff member for this request, checked against the server-side version."""
    if "staff" not in g:
        g.staff = _load_staff()
    return g.staff


def signed_in_staff() -> StaffUser:
    """The staff member a `roles_required` view is serving: always there, the guard let them in."""
    user = current_staff()
    assert user is not None  # roles_required let us in
    return user


def staff_has(*roles: Role) -> bool:
    """Whether the person looking holds one of these roles (a page shows a button, say)."""
    user = current_staff()
    return user is not None and user.role in roles


def staff_for_layout() -> StaffUser | None:
    """Who to show as signed in on any page; never lets a database failure break an error page."""
    return who_for_layout("staff", current_staff)


def may_open(user: StaffUser, path: str) -> bool:
    """Whether this person's role lets them open the page at path (for sign-in's next step)."""
    try:
        endpoint, _args = current_app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:
        return False
    access = access_of(current_app.view_functions.get(endpoint))
    return access == PUBLIC or (isinstance(access, frozenset) and user.role in access)


def _load_staff() -> StaffUser | None:
    user_id, version = session.get("staff_id"), session.get("staff_version")
    if user_id is None:
        return None
    last_seen = session.get("seen", 0)
    idle = current_app.config["STAFF_IDLE_TIMEOUT"].total_seconds()
    if time.time() - last_seen > idle:
        _forget()
        flash(_("You were signed out because the page was not used for a while."))
        return None
    user = db.session.get(StaffUser, user_id)
    if user is None or not user.active or user.session_version != version:
        _forget()
        return None
    if user.two_step_required and not user.two_step_on:
        _forget()  # a session from before two-step was required for this role
        return None
    session["seen"] = int(time.time())
    return user


def sign_in(user: StaffUser) -> None:
    """Start a brand-new session so an identifier planted before sign-in is useless after it."""
    session.clear()
    session.permanent = False
    session["sid"] = secrets.token_urlsafe(16)
    session["staff_id"] = user.id
    session["staff_version"] = user.session_version
    session["seen"] = int(time.time())
    g.staff = user


def begin_second_step(user: StaffUser, next_path: str) -> None:
    """The password was right; the person is not signed in until the second step is done."""
    session.clear()
    session["sid"] = secrets.token_urlsafe(16)
    session["pending_staff_id"] = user.id
    session["pending_version"] = user.session_version
    session["pending_at"] = int(time.time())
    session["pending_next"] = next_path


def pending_staff() -> StaffUser | None:
    """Who got their password right in the last few minutes but has not done the second step."""
    user_id = session.get("pending_staff_id")
    started = session.get("pending_at", 0)
    if user_id is None or time.time() - started > PENDING_SECONDS:
        return None
    user = db.session.get(StaffUser, user_id)
    if user is None or not user.active or user.session_version != session.get("pending_version"):
        return None
    return user


def pending_next() -> str:
    return session.get("pending_next") or url_for("staff.home")


def _forget() -> None:
    session.clear()
    g.staff = None


def sign_out() -> None:
    _forget()


def access_of(view: Callable[..., Any]) -> str | frozenset[Role] | None:
    return getattr(view, "access", None)


def role_names(roles: Iterable[Role]) -> list[str]:
    return sorted(role.value for role in roles)
