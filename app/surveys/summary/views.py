"""What you told us: the staff page to choose and publish a survey's summary of results."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from wtforms.fields import SelectChoice

from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.db import as_utc
from app.forms import form_page
from app.i18n import current_language
from app.i18n import direction
from app.surveys.builder.lookup import survey_or_404
from app.surveys.content import view_of
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.summary import reading
from app.surveys.summary import services
from app.surveys.summary.forms import SummaryForm
from app.surveys.summary.models import ResultsSummary

bp = Blueprint("summary_admin", __name__, url_prefix="/staff/surveys")
EDITORS = (Role.ADMIN, Role.COORDINATOR)


def _staff_id() -> int:
    return signed_in_staff().id


def _published_on(summary: ResultsSummary | None) -> str | None:
    if summary is None or not summary.published or summary.published_at is None:
        return None
    return format_date(as_utc(summary.published_at), "d MMMM y")


def _offer(form: SummaryForm, survey: Survey, keep: set[int]) -> list[reading.Quotable]:
    """Put this survey's charts and quotable answers on the form; return the answers."""
    charts = [
        SelectChoice(qid, _("%(number)d. %(question)s", number=number, question=text))
        for qid, number, text in reading.chartable(survey)
    ]
    quotables = reading.quotable_answers(survey.id, keep)
    form.offer(charts, [SelectChoice(q.id, q.text) for q in quotables])
    return quotables


def _edit_page(survey: Survey, form: SummaryForm, summary: ResultsSummary | None) -> Any:
    saved = {row.answer_id for row in summary.quotes} if summary else set()
    quotables = _offer(form, survey, saved | set(form.quotes.data or []))
    return form_page(
        "summary/edit.html",
        form,
        survey=survey,
        summary=summary,
        quotables=quotables,
        chosen_quotes=set(form.quotes.data or []),
        chosen_charts=set(form.questions.data or []),
        published_on=_published_on(summary),
        closed=survey.status == SurveyStatus.CLOSED,
        max_quotes=services.MAX_QUOTES,
        main_lang=survey.main_language,
        main_dir=direction(survey.main_language),
    )


@bp.route("/<int:survey_id>/summary", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def edit(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    summary = reading.summary_of(survey.id)
    form = SummaryForm() if request.method == "POST" else _saved_form(survey.id)
    if form.validate_on_submit():
        try:
            published = services.save(survey, form.choice(), _staff_id(), form.publishing)
        except services.SummaryError as problem:
            form[problem.field].errors = [*form[problem.field].errors, problem.message]
        else:
            flash(_("Summary saved and published.") if published else _("Summary saved."))
            return redirect(url_for(".edit", survey_id=survey.id))
    return _edit_page(survey, form, summary)


@bp.route("/<int:survey_id>/summary/publish", methods=["POST"])
@roles_required(*EDITORS)
def publish(survey_id: int) -> Any:
    # The token was checked before the view ran (CSRFProtect); the button carries nothing else.
    survey = survey_or_404(survey_id)
    try:
        services.publish(survey.id, _staff_id())
    except services.AlreadyDone as done:
        flash(done.message)
    except services.SummaryError as problem:
        return _refused(survey, problem)
    else:
        flash(_("Summary published."))
    return redirect(url_for(".edit", survey_id=survey.id))


@bp.route("/<int:survey_id>/summary/unpublish", methods=["POST"])
@roles_required(*EDITORS)
def unpublish(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    try:
        services.unpublish(survey.id, _staff_id())
    except services.AlreadyDone as done:
        flash(done.message)
    else:
        flash(_("Summary taken down. Participants no longer see it."))
    return redirect(url_for(".edit", survey_id=survey.id))


def _saved_form(survey_id: int) -> SummaryForm:
    saved = services.saved_choice(survey_id)
    return SummaryForm(
        formdata=None,
        data={"intro": saved.intro, "questions": saved.question_ids, "quotes": saved.answer_ids},
    )


def _refused(survey: Survey, problem: services.SummaryError) -> Any:
    """The edit page again, with what is saved and why the button did nothing."""
    form = _saved_form(survey.id)
    form[problem.field].errors = [problem.message]
    return _edit_page(survey, form, reading.summary_of(survey.id))


@bp.route("/<int:survey_id>/summary/preview")
@roles_required(*EDITORS)
def preview(survey_id: int) -> str:
    survey = survey_or_404(survey_id)
    summary = reading.summary_of(survey.id)
    view = view_of(survey, current_language().code)
    return render_template(
        "summary/preview.html",
        survey=survey,
        summary=summary,
        page=reading.page_of(survey, view, summary),
        closed=survey.status == SurveyStatus.CLOSED,
        updates_url=None,  # the preview stays on the staff side
    )
