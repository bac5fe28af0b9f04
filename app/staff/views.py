"""The staff home and staff accounts: admins add, pause, change roles and reset passwords."""

from __future__ import annotations

from flask import Blueprint
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from app.auth import accounts as account_services
from app.auth import services
from app.auth import two_step
from app.auth.forms import AddStaffForm
from app.auth.forms import RoleForm
from app.auth.forms import SignOutForm
from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.models import ALL_STAFF
from app.auth.models import AccountEvent
from app.auth.models import Role
from app.auth.models import StaffUser
from app.auth.services import AccountError
from app.auth.two_step_views import no_store
from app.core.errors import reshow_on_csrf_failure
from app.extensions import db
from app.forms import form_page
from app.forms import needs_token
from app.staff import today

bp = Blueprint("staff", __name__, url_prefix="/staff")
_ROLE_VALUES = {role.value for role in Role}

EVENT_LABELS = {
    "added": _l("Account added"),
    "paused": _l("Paused"),
    "unpaused": _l("Unpaused"),
    "role": _l("Role changed"),
    "password_reset": _l("Password reset by an admin"),
    "password_changed": _l("Password changed"),
    "two_step_on": _l("Two-step sign-in turned on"),
    "two_step_off": _l("Two-step sign-in turned off"),
    "recovery_code_used": _l("Recovery code used"),
    "recovery_codes_replaced": _l("New recovery codes made"),
}


@bp.route("/")
@roles_required(*ALL_STAFF)
def home() -> str:
    user = signed_in_staff()
    return render_template(
        "staff/home.html",
        user=user,
        tasks=today.tasks_for(user.role),
        sign_out_form=SignOutForm(),
    )


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


@bp.route("/accounts")
@roles_required(Role.ADMIN)
def accounts() -> str:
    rows = [
        (
            account,
            account.role.label,
            _yes_no(account.active),
            _yes_no(account.two_step_on),
        )
        for account in services.list_staff()
    ]
    return render_template("staff/accounts.html", accounts_rows=rows)


@bp.route("/accounts/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def account_new() -> str | Response:
    form = AddStaffForm()
    if form.validate_on_submit():
        try:
            user, password = account_services.add_staff(
                _admin_id(), form.email.data, form.name.data, Role(form.role.data)
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            return _temporary_password_page(user, password, added=True)
    return form_page("staff/account_new.html", form)


def event_words(event: AccountEvent) -> str:
    """What happened, in the reader's language (role names translated, not stored words)."""
    label = str(EVENT_LABELS.get(event.action, event.action))
    roles = [Role(value).label for value in event.detail.split(" > ") if value in _ROLE_VALUES]
    return f"{label}: {' → '.join(roles)}" if roles else label


def _admin_id() -> int:
    return signed_in_staff().id


def _temporary_password_page(user: StaffUser, password: str, added: bool) -> Response:
    page = render_template(
        "staff/temporary_password.html", account=user, password=password, added=added
    )
    return no_store(page)


def _account_or_404(user_id: int) -> StaffUser:
    return db.get_or_404(StaffUser, user_id)


def _account_page(user: StaffUser, role_form: RoleForm | None = None, status: int = 200):
    role_form = role_form or RoleForm(data={"role": user.role.value})
    page = render_template(
        "staff/account.html",
        account=user,
        role_form=role_form,
        button_form=SignOutForm(),
        history=[
            (event.at, event_words(event), actor or _("The server's command line"))
            for event, actor in account_services.history(user.id)
        ],
    )
    return page, status


@bp.route("/accounts/<int:user_id>")
@roles_required(Role.ADMIN)
def account(user_id: int):
    return _account_page(_account_or_404(user_id))


@bp.route("/accounts/<int:user_id>/role", methods=["POST"])
@roles_required(Role.ADMIN)
def account_role(user_id: int):
    user = _account_or_404(user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            account_services.change_role(_admin_id(), user.id, Role(form.role.data))
        except AccountError as error:
            form.role.errors.append(str(error))
        else:
            flash(_("Role saved. It applies from their next sign-in."))
            return redirect(url_for("staff.account", user_id=user.id))
    return _account_page(_account_or_404(user_id), form, 400)


@bp.route("/accounts/<int:user_id>/pause", methods=["POST"])
@roles_required(Role.ADMIN)
def account_pause(user_id: int) -> Response:
    user = _account_or_404(user_id)
    form = SignOutForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        account_services.set_paused(_admin_id(), user.id, paused=user.active)
    except AccountError as error:
        flash(str(error))
    else:
        done = _("Account unpaused.") if user.active else _("Account paused. They are signed out.")
        flash(done)
    return redirect(url_for("staff.account", user_id=user.id))


@bp.route("/accounts/<int:user_id>/password", methods=["POST"])
@roles_required(Role.ADMIN)
@needs_token
def account_password(user_id: int) -> Response:
    user = _account_or_404(user_id)
    user, password = account_services.reset_password(_admin_id(), user.id)
    return _temporary_password_page(user, password, added=False)


@bp.route("/accounts/<int:user_id>/two-step-off", methods=["POST"])
@roles_required(Role.ADMIN)
@needs_token
def account_two_step_off(user_id: int) -> Response:
    user = _account_or_404(user_id)
    two_step.turn_off(_admin_id(), user.id)
    flash(_("Two-step sign-in is off. They will set it up again when they next sign in."))
    return redirect(url_for("staff.account", user_id=user.id))
