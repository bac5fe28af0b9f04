"""The admin's page for erasing a participant: what goes, what stays, then one button."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_babel import gettext as _

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.forms import ErrorSummary
from app.people import services
from app.people.forms import ButtonForm
from app.privacy import erasure

bp = Blueprint("erasure", __name__, url_prefix="/staff/people")


@bp.route("/<int:participant_id>/erase", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def erase(participant_id: int) -> Any:
    person = services.get(participant_id)
    if person is None:
        abort(404)
    form = ButtonForm()
    problem = None
    if form.validate_on_submit():
        problem = _erase_once(person.id, person.erased_at is not None)
        if problem is None:  # done now, or by the first of two presses: the same outcome
            kept_as = erasure.erased_name(person.id)
            flash(_("Their details are erased. Payment records are kept as %(ref)s.", ref=kept_as))
            return redirect(url_for("people.view", participant_id=person.id))
    summary = ErrorSummary.of(form, also=[("open-claims", problem)] if problem else [])
    page = render_template(
        "people/erase.html",
        person=person,
        form=form,
        summary=summary,
        open_claims=erasure.open_claims(person.id),
        asked=erasure.waiting_request(person.id),
        kept_as=erasure.erased_name(person.id),
    )
    return page, summary.http_status


def _erase_once(participant_id: int, already: bool) -> str | None:
    """Erase unless already done; the reason in words when it cannot be done yet."""
    staff = current_staff()
    assert staff is not None  # roles_required has checked
    if already:
        return None
    try:
        erasure.erase(participant_id, staff.id)
    except erasure.AlreadyErased:
        return None
    except erasure.ErasureRefused:
        return _("Their open claims must be paid, rejected or cancelled first.")
    return None
