"""Staff sign-in and sign-out at /login and /logout."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth import services
from app.auth.forms import SignInForm, SignOutForm
from app.auth.guard import current_staff, may_open, public, sign_in, sign_out
from app.core.errors import reshow_on_csrf_failure
from app.core.links import safe_local_path
from app.extensions import limiter

bp = Blueprint("auth", __name__)


def _sign_in_limit() -> str:
    return current_app.config["SIGN_IN_LIMIT"]


def _address_limit() -> str:
    return current_app.config["SIGN_IN_ADDRESS_LIMIT"]


def _failed(response: Response) -> bool:
    return response.status_code != 302


def _email_key() -> str:
    return "email:" + services.normalise_email(request.form.get("email", ""))[:254]


@bp.route("/login", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_sign_in_limit, methods=["POST"], key_func=_email_key, deduct_when=_failed)
def login() -> str | Response:
    if current_staff() is not None and request.method == "GET":
        return redirect(url_for("staff.home"))
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            sign_in(user)
            home = url_for("staff.home")
            target = safe_local_path(request.args.get("next"), home)
            return redirect(target if may_open(user, target.split("?")[0]) else home)
        form.password.errors.append(_("The email address or password is not right"))
    form.password.data = ""
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


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
