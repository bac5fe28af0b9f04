"""The page for running a survey: its response target, and the daily email of new responses."""

from __future__ import annotations

from typing import Any

from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms import StringField

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.forms import Form
from app.i18n import current_language
from app.surveys import running
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import WholeNumber
from app.surveys.builder.forms import number
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404


class RunningForm(Form):
    target = StringField(
        _l("How many responses are you hoping for? (optional)"),
        validators=[
            WholeNumber(
                1,
                running.TARGET_LIMIT,
                _l("Enter a whole number from 1 to 1,000,000, like 100, or leave it empty"),
            )
        ],
        render_kw={"inputmode": "numeric"},
    )
    daily_email = BooleanField(_l("Email me once a day with the number of new responses"))


@bp.route("/<int:survey_id>/running", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def running_settings(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    staff = current_staff()
    data = None
    if request.method == "GET":
        target = survey.response_target
        data = {
            "target": str(target) if target else "",
            "daily_email": running.gets_daily_email(survey.id, staff.id),
        }
    form = RunningForm(data=data)
    if form.validate_on_submit():
        running.save_running(
            survey,
            number(form.target),
            staff.id,
            bool(form.daily_email.data),
            current_language().code,
        )
        flash(_("Your changes are saved."))
        return redirect(url_for(".overview", survey_id=survey.id) + "#running")
    page = render_template(
        "survey_admin/running.html",
        survey=survey,
        form=form,
        staff_email=staff.email,
    )
    return page, form.http_status
