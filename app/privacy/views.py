"""Admin pages for privacy: erasure requests waiting, and how long personal data is kept."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.forms import form_page
from app.privacy import erasure
from app.privacy import retention
from app.privacy.forms import RetentionForm

bp = Blueprint("privacy", __name__, url_prefix="/staff/privacy")


@bp.route("/")
@roles_required(Role.ADMIN)
def index() -> str:
    return render_template("privacy/index.html", waiting=erasure.waiting_requests())


@bp.route("/retention", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def retention_periods() -> Any:
    kept = retention.periods()
    form = RetentionForm(data=None if request.method == "POST" else _as_text(kept))
    if form.validate_on_submit():
        retention.save_periods(form.days())
        flash(_("The periods are saved. The next clear-out uses them."))
        return redirect(url_for(".retention_periods"))
    return form_page(
        "privacy/retention.html",
        form,
        periods=retention.PERIODS,
        defaults={p.key: p.default for p in retention.PERIODS},
    )


def _as_text(kept: dict[str, int]) -> dict[str, str]:
    return {key: str(days) for key, days in kept.items()}
