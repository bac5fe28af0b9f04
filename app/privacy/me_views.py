"""A participant asks, from /me, for their details to be erased. Staff then act on it."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import url_for
from flask_babel import gettext as _

from app.core.errors import reshow_on_csrf_failure
from app.forms import form_page
from app.people.forms import ButtonForm
from app.people.guard import current_participant
from app.people.guard import participant_required
from app.privacy import erasure

bp = Blueprint("privacy_me", __name__, url_prefix="/me/erase")


def one_month_after(day: date) -> date:
    """The law gives a month to answer: the same day next month, or that month's last day."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@bp.route("", methods=["GET", "POST"])
@participant_required
@reshow_on_csrf_failure
def ask() -> Any:
    person = current_participant()
    assert person is not None  # participant_required has checked
    form = ButtonForm()
    if form.validate_on_submit():
        # A second press finds the first request waiting, and says the same.
        erasure.ask(person.id)
        flash(_("We have your request. We will erase your details within one month."), "success")
        return redirect(url_for(".ask"))
    asked = erasure.waiting_request(person.id)
    return form_page(
        "privacy/ask.html",
        form,
        asked=asked,
        by=one_month_after(asked.requested_at.date()) if asked else None,
    )
