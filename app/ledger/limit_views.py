"""The admin's setting for how much a coordinator may approve on their own."""

from __future__ import annotations

from typing import Any

from flask import flash
from flask import redirect
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired
from wtforms.validators import Length

from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.forms import Form
from app.forms import form_page
from app.ledger.blueprints import claims_bp as bp
from app.ledger.claims import coordinator_limit
from app.ledger.claims import set_coordinator_limit
from app.ledger.money import MoneyError
from app.ledger.money import format_pence
from app.ledger.money import parse_pence
from app.ledger.money import pence_to_text


class LimitForm(Form):
    amount = StringField(
        _l("Most a coordinator can approve on one claim"),
        validators=[DataRequired(_l("Enter an amount, like 50.00")), Length(max=20)],
        render_kw={"inputmode": "decimal", "dir": "ltr"},
    )


@bp.route("/approval-limit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def approval_limit() -> Any:
    form = LimitForm()
    if form.validate_on_submit():
        try:
            pence = parse_pence(form.amount.data or "")
        except MoneyError as error:
            form.amount.errors.append(str(error))
        else:
            set_coordinator_limit(pence)
            flash(
                _(
                    "Coordinators can now approve claims up to %(amount)s.",
                    amount=format_pence(pence),
                )
            )
            return redirect(url_for("claims.approval_limit"))
    if not form.is_submitted():
        form.amount.data = pence_to_text(coordinator_limit())
    return form_page(
        "ledger/claims/approval_limit.html", form, current=format_pence(coordinator_limit())
    )
