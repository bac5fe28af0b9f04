"""The staff page for typing in answers given on paper, on the phone or in an interview."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from wtforms.fields import SelectChoice

from app.auth.guard import current_staff, roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.forms import ErrorSummary, Form
from app.surveys import answering
from app.surveys.builder.blueprint import bp
from app.surveys.builder.entry import Entry, enter_response, takes_entries
from app.surveys.builder.forms import PaperEntryForm
from app.surveys.builder.lookup import BUILDERS, survey_or_404
from app.surveys.builder.questions import question_rows
from app.surveys.content import QuestionView, view_of
from app.surveys.forms import question_form
from app.surveys.models import Channel, QuestionKind
from app.surveys.services import AlreadyDone


def _answer_form(question: QuestionView) -> Form:
    """The participant's form for this question, its fields named q<id>-answer so all fit."""
    form = type(question_form(question))(prefix=f"q{question.id}", meta={"csrf": False})
    answer = form._fields.get("answer")
    if answer is not None and answer.type == "RadioField":
        # Without JavaScript a radio cannot be unticked: give staff a way back to blank.
        answer.choices = [SelectChoice("", _("Not answered")), *answer.choices]
        if request.method == "GET":
            answer.data = ""
    return form


def _sent_for(question: QuestionView) -> MultiDict:
    """This question's fields from the page, named as answering.parse expects."""
    prefix = f"q{question.id}-"
    return MultiDict(
        [
            (name[len(prefix) :], value)
            for name, values in request.form.lists()
            if name.startswith(prefix)
            for value in values
        ]
    )


def _check(question: QuestionView, form: Form) -> answering.Parsed:
    # A paper form can come back with a required question blank: record it as not answered.
    parsed = answering.parse(replace(question, required=False), _sent_for(question))
    if parsed.error:
        name = "answer-1" if question.kind == QuestionKind.PRIORITIES else "answer"
        field = form._fields[name]
        field.errors = [*field.errors, parsed.error]
    return parsed


@bp.route("/<int:survey_id>/enter", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def enter(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    view = view_of(survey, survey.main_language)
    form = PaperEntryForm(data={"form_key": new_key()} if request.method == "GET" else None)
    answers = [(question, _answer_form(question)) for question in view.questions]
    if request.method == "POST" and takes_entries(survey):
        parsed = {question.id: _check(question, sub) for question, sub in answers}
        valid = form.validate_on_submit()
        if survey.consent_text and not form.agreed.data:
            form.agreed.errors = [
                *form.agreed.errors,
                _("Tick the box if they agreed to take part"),
            ]
            valid = False
        if valid and not any(p.error for p in parsed.values()):
            return _save(survey, view, form, parsed)
    problems = ErrorSummary.of(form, *(sub for _question, sub in answers))
    conditions = {row.id: row.condition for row in question_rows(survey)}
    page = render_template(
        "survey_admin/enter.html",
        form=problems,
        entry=form,
        survey=view,
        answers=answers,
        conditions=conditions,
        taking=takes_entries(survey),
    )
    return page, problems.http_status


def _save(survey: Any, view: Any, form: PaperEntryForm, parsed: dict[int, answering.Parsed]) -> Any:
    entry = Entry(
        channel=Channel(form.channel.data),
        respondent_name=form.respondent_name.data or None,
        agreed=bool(form.agreed.data),
        answers=parsed,
    )
    staff_id = current_staff().id  # type: ignore[union-attr]
    try:
        enter_response(survey, view, staff_id, entry, form.form_key.data)
    except AlreadyDone:
        flash(_("Those answers were already saved."))
    else:
        flash(_("The answers are saved. You can type in the next person's answers now."))
    return redirect(url_for("survey_admin.enter", survey_id=survey.id))
