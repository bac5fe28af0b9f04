"""A member of staff's own account: their password and their two-step sign-in."""

from __future__ import annotations

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import session
from flask import url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth import accounts
from app.auth import totp
from app.auth import two_step
from app.auth.forms import ChangePasswordForm
from app.auth.forms import CodeForm
from app.auth.forms import SignOutForm
from app.auth.guard import roles_required
from app.auth.guard import sign_in
from app.auth.guard import signed_in_staff
from app.auth.models import ALL_STAFF
from app.auth.models import StaffUser
from app.auth.services import MIN_PASSWORD_LENGTH
from app.auth.services import AccountError
from app.auth.two_step_views import no_store
from app.auth.two_step_views import setup_context
from app.core.errors import reshow_on_csrf_failure
from app.forms import form_page

bp = Blueprint("account", __name__, url_prefix="/staff/account")


def _me() -> StaffUser:
    return signed_in_staff()


@bp.route("/password", methods=["GET", "POST"])
@roles_required(*ALL_STAFF)
@reshow_on_csrf_failure
def password() -> str | Response:
    user = _me()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            changed = accounts.change_own_password(user.id, form.current.data, form.new.data)
        except AccountError as error:
            field = form.current if isinstance(error, accounts.WrongPassword) else form.new
            field.errors.append(str(error))
        else:
            sign_in(changed)  # every other session of theirs has just ended
            flash(_("Your password has been changed."))
            return redirect(url_for("staff.home"))
    return form_page("auth/password.html", form, user=user, minimum=MIN_PASSWORD_LENGTH)


@bp.route("/two-step", methods=["GET", "POST"])
@roles_required(*ALL_STAFF)
@reshow_on_csrf_failure
def two_step_page() -> Response:
    user = _me()
    if user.two_step_on:
        return _two_step_on(user)
    secret = session.setdefault("setup_secret", totp.new_secret())
    form = CodeForm()
    if form.validate_on_submit():
        codes = two_step.turn_on(user.id, secret, form.code.data or "")
        if codes is not None:
            session.pop("setup_secret", None)
            page = render_template(
                "auth/recovery_codes.html", codes=codes, next=url_for("staff.home")
            )
            return no_store(page)
        form.code.errors.append(_("That code is not right. Check the key and try again"))
    form.code.data = ""
    page = render_template(
        "auth/two_step_setup.html", form=form, signing_in=False, **setup_context(user, secret)
    )
    return no_store(page, form.http_status)


def _two_step_on(user: StaffUser) -> Response:
    form = SignOutForm()  # only a button: make new recovery codes
    if form.validate_on_submit():
        page = render_template(
            "auth/recovery_codes.html",
            codes=two_step.new_recovery_codes(user.id),
            next=url_for("staff.home"),
        )
        return no_store(page)
    left = two_step.recovery_codes_left(user.id)
    return no_store(render_template("auth/two_step_on.html", form=form, left=left))
