"""The second step of staff sign-in: an authenticator-app code or a recovery code, and setting
the app up for roles that need it before they can do anything else."""

from __future__ import annotations

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import session
from flask import url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth import totp
from app.auth import two_step
from app.auth.forms import CodeForm
from app.auth.guard import pending_next
from app.auth.guard import pending_staff
from app.auth.guard import public
from app.auth.models import StaffUser
from app.auth.views import finish_sign_in
from app.core.errors import reshow_on_csrf_failure
from app.core.qr import qr_drawing
from app.extensions import limiter
from app.forms import form_page

bp = Blueprint("two_step", __name__, url_prefix="/login")


def _failed(response: Response) -> bool:
    # A refused try (400) counts; a 429 does not, or a throttled attacker's requests would keep
    # filling the other counters (per email) and so lock the real person out after all.
    return response.status_code == 400


def _pending_key() -> str:
    # Per account, not per session: a fresh session would otherwise give fresh guesses.
    return f"two-step:{session.get('pending_staff_id', 'none')}"


def _start_again() -> Response:
    flash(_("Please sign in again."))
    return redirect(url_for("auth.login"))


def no_store(page: str, status: int = 200) -> Response:
    """A page with a secret on it (a setup key, recovery codes): never kept in a cache."""
    response = current_app.make_response((page, status))
    response.headers["Cache-Control"] = "no-store"
    return response


def setup_context(user: StaffUser, secret: str) -> dict:
    """What the set-up page shows: the key as a QR code drawn here, and as text to type."""
    issuer = current_app.config["ORGANISATION_NAME"]
    uri = totp.setup_uri(secret, user.email, issuer)
    return {"qr": qr_drawing(uri), "key": totp.group_key(secret)}


@bp.route("/two-step", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@limiter.limit(
    lambda: current_app.config["TWO_STEP_LIMIT"],
    methods=["POST"],
    key_func=_pending_key,
    deduct_when=_failed,
)
def verify() -> str | Response:
    user = pending_staff()
    if user is None:
        return _start_again()
    if not user.two_step_on:
        return redirect(url_for("two_step.setup"))
    form = CodeForm()
    if form.validate_on_submit():
        if two_step.check_code(user.id, form.code.data or ""):
            return finish_sign_in(user, pending_next())
        form.code.errors.append(_("That code is not right, or was used already"))
    form.code.data = ""
    return form_page("auth/two_step.html", form)


@bp.route("/two-step/set-up", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def setup() -> Response:
    user = pending_staff()
    if user is None:
        return _start_again()
    if user.two_step_on:
        return redirect(url_for("two_step.verify"))
    secret = session.setdefault("setup_secret", totp.new_secret())
    form = CodeForm()
    if form.validate_on_submit():
        target = pending_next()
        codes = two_step.turn_on(user.id, secret, form.code.data or "")
        if codes is not None:
            response = finish_sign_in(user, target)
            page = render_template("auth/recovery_codes.html", codes=codes, next=response.location)
            shown = no_store(page)
            shown.headers.setlist("Set-Cookie", response.headers.getlist("Set-Cookie"))
            return shown
        form.code.errors.append(_("That code is not right. Check the key and try again"))
    form.code.data = ""
    page = render_template(
        "auth/two_step_setup.html", form=form, signing_in=True, **setup_context(user, secret)
    )
    return no_store(page, form.http_status)
