"""Staff sign-in and sign-out at /login and /logout."""

from __future__ import annotations

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import redirect
from flask import request
from flask import url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth import services
from app.auth import throttle
from app.auth.forms import SignInForm
from app.auth.forms import SignOutForm
from app.auth.guard import begin_second_step
from app.auth.guard import current_staff
from app.auth.guard import may_open
from app.auth.guard import public
from app.auth.guard import sign_in
from app.auth.guard import sign_out
from app.auth.models import StaffUser
from app.core.errors import reshow_on_csrf_failure
from app.core.links import safe_local_path
from app.extensions import limiter
from app.forms import form_page

bp = Blueprint("auth", __name__)


def _limit(name: str):
    return lambda: current_app.config[name]


def _failed(response: Response) -> bool:
    # A refused try (400) counts; a 429 does not, or a throttled attacker's requests would keep
    # filling the other counters (per email) and so lock the real person out after all.
    return response.status_code == 400


def _failures_limited(setting: str, key_func=None, exempt_when=throttle.known_device):
    """Count refused sign-ins against the limit named by `setting`, keyed by `key_func` (the
    network address when none); a known device is spared the counters meant for strangers."""
    keyed = {"key_func": key_func} if key_func else {}
    return limiter.limit(
        _limit(setting), methods=["POST"], deduct_when=_failed, exempt_when=exempt_when, **keyed
    )


def finish_sign_in(user: StaffUser, target: str) -> Response:
    """Sign in for real, go where they were heading, and remember this browser as theirs."""
    sign_in(user)
    response = redirect(target if may_open(user, target.split("?")[0]) else url_for("staff.home"))
    throttle.remember_device(response, user.email)
    return response


# The layers and why: app/auth/throttle.py. Only failed tries count against any of them.
@bp.route("/login", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@_failures_limited("SIGN_IN_DEVICE_LIMIT", throttle.device_key, exempt_when=throttle.unknown_device)
@_failures_limited("SIGN_IN_ADDRESS_LIMIT")
@_failures_limited("SIGN_IN_PAIR_LIMIT", throttle.pair_key)
@_failures_limited("SIGN_IN_LIMIT", throttle.email_key)
def login() -> str | Response:
    if current_staff() is not None and request.method == "GET":
        return redirect(url_for("staff.home"))
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            target = safe_local_path(request.args.get("next"), url_for("staff.home"))
            if not (user.two_step_on or user.two_step_required):
                return finish_sign_in(user, target)
            begin_second_step(user, target)
            step = "two_step.verify" if user.two_step_on else "two_step.setup"
            return redirect(url_for(step))
        form.password.errors.append(_("The email address or password is not right"))
    form.password.data = ""
    return form_page("auth/login.html", form)


@bp.route("/logout", methods=["POST"])
@public
def logout() -> Response:
    form = SignOutForm()
    user = current_staff()
    if form.validate_on_submit() and user is not None:
        services.end_all_sessions(user.id)
    sign_out()
    flash(_("You have signed out."))
    return redirect(url_for("auth.login"))
