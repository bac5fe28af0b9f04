"""The staff home and the list of staff accounts."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from app.auth import services
from app.auth.forms import SignOutForm
from app.auth.guard import current_staff, roles_required
from app.auth.models import ALL_STAFF, Role

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("/")
@roles_required(*ALL_STAFF)
def home() -> str:
    return render_template("staff/home.html", user=current_staff(), sign_out_form=SignOutForm())


@bp.route("/accounts")
@roles_required(Role.ADMIN)
def accounts() -> str:
    rows = [
        (account.name, account.email, account.role.label, _("Yes") if account.active else _("No"))
        for account in services.list_staff()
    ]
    return render_template("staff/accounts.html", accounts_rows=rows)
