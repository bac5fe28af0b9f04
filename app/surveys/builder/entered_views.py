"""Staff pages for the responses they typed in: the list, one response with its notes and
history, and correcting or withdrawing one typed in by mistake."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.forms import form_page
from app.i18n import BY_CODE
from app.surveys.builder import entered
from app.surveys.builder import wordings
from app.surveys.builder.blueprint import bp
from app.surveys.builder.entry_forms import CorrectionForm
from app.surveys.builder.entry_forms import WithdrawalForm
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import LARGEST_ID
from app.surveys.builder.lookup import survey_or_404
from app.surveys.models import CHANNEL_NAMES
from app.surveys.models import Channel
from app.surveys.models import Survey
from app.surveys.response_models import Response
from app.surveys.services import AlreadyDone

_R = "/<int:survey_id>/entered/<int:response_id>"
FACT_NAMES = {
    "channel": _l("How it was sent"),
    "language": _l("Language"),
    "answered_on": _l("Date on the form"),
    "consent_version": _l("Consent words"),
    "withdrawn": _l("Withdrawn"),
}


def fact_words(name: str, value: Any) -> str:
    """A value kept in a response's history, in words."""
    if value is None:
        return _("Not written on the form") if name == "answered_on" else _("None")
    if name == "channel":
        return str(CHANNEL_NAMES.get(Channel(value), value))
    if name == "language":
        return BY_CODE[value].name if value in BY_CODE else str(value)
    if name == "answered_on":
        return format_date(date.fromisoformat(value), "long")
    if name == "consent_version":
        return _("Version %(version)d", version=int(value))
    return _("Yes") if value else _("No")


def _response(survey: Survey, response_id: int) -> Response:
    found = entered.typed_in(survey.id, response_id) if response_id <= LARGEST_ID else None
    if found is None:
        abort(404)
    return found


def _staff_id() -> int:
    return signed_in_staff().id


def _counted(survey_id: int, response_id: int, refusal: str) -> tuple[Survey, Response]:
    """The survey and a typed-in response that still counts; a withdrawn one goes back to its
    page, which says why nothing more can be done to it."""
    survey = survey_or_404(survey_id)
    response = _response(survey, response_id)
    if response.withdrawn_at is not None:
        flash(refusal)
        abort(_back(survey, response))
    return survey, response


def _back(survey: Survey, response: Response) -> Any:
    return redirect(url_for(".entered_response", survey_id=survey.id, response_id=response.id))


@bp.route("/<int:survey_id>/entered")
@roles_required(*BUILDERS)
def entered_list(survey_id: int) -> str:
    survey = survey_or_404(survey_id)
    return render_template(
        "survey_admin/entered.html",
        survey=survey,
        rows=entered.typed_in_rows(survey.id),
        fact_words=fact_words,
    )


@bp.route(_R)
@roles_required(*BUILDERS)
def entered_response(survey_id: int, response_id: int) -> str:
    survey = survey_or_404(survey_id)
    response = _response(survey, response_id)
    return render_template(
        "survey_admin/entered_response.html",
        survey=survey,
        response=response,
        answers=entered.answer_lines(survey, response),
        history=entered.history(response.id),
        fact_names=FACT_NAMES,
        fact_words=fact_words,
    )


@bp.route(f"{_R}/correct", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def correct_response(survey_id: int, response_id: int) -> Any:
    survey, response = _counted(
        survey_id, response_id, _("This response is withdrawn, so it cannot be changed.")
    )
    form = CorrectionForm(data=_current(response) if request.method == "GET" else None)
    versions = wordings.wordings(survey) if response.consented_at else []
    form.offer(_languages(survey, response), versions)
    if form.validate_on_submit():
        facts = entered.Facts(
            Channel(form.channel.data),
            form.language.data or response.language,
            form.answered_on.data,
            int(form.consent_version.data) if versions else None,
        )
        try:
            changed = entered.correct(
                survey, response, facts, form.reason.data or "", _staff_id(), form.form_key.data
            )
        except AlreadyDone:
            changed = True  # the first press made the change
        except entered.AlreadyWithdrawn:
            flash(_("This response is withdrawn, so it cannot be changed."))
            return _back(survey, response)
        flash(
            _("The change is saved.")
            if changed
            else _("Nothing was different, so nothing changed.")
        )
        return _back(survey, response)
    return form_page(
        "survey_admin/entered_correct.html",
        form,
        survey=survey,
        response=response,
        entry=form,
        wordings=versions,
    )


def _current(response: Response) -> dict[str, Any]:
    return {
        "channel": response.channel.value,
        "language": response.language,
        "answered_on": response.answered_on,
        "consent_version": str(response.consent_version or ""),
        "form_key": new_key(),
    }


def _languages(survey: Survey, response: Response) -> list[str]:
    """The survey's languages; a response's own stays on offer if its translation has gone."""
    found = wordings.languages(survey)
    return found if response.language in found else [*found, response.language]


@bp.route(f"{_R}/withdraw", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def withdraw_response(survey_id: int, response_id: int) -> Any:
    survey, response = _counted(survey_id, response_id, _("This response was withdrawn already."))
    form = WithdrawalForm(data={"form_key": new_key()} if request.method == "GET" else None)
    if form.validate_on_submit():
        # Withdrawn already (a second press): say so, the same as when it worked.
        with suppress(AlreadyDone, entered.AlreadyWithdrawn):
            entered.withdraw(response, form.reason.data or "", _staff_id(), form.form_key.data)
        flash(_("The response is withdrawn. It no longer counts in the results or the download."))
        return _back(survey, response)
    return form_page("survey_admin/entered_withdraw.html", form, survey=survey, response=response)
