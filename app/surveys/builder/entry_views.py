"""The staff page for typing in answers given on paper, on the phone or in an interview."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict
from wtforms.fields import SelectChoice

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.forms import ErrorSummary
from app.forms import Form
from app.forms import summary_errors
from app.surveys import answering
from app.surveys.builder import wordings
from app.surveys.builder.blueprint import bp
from app.surveys.builder.entry import Entry
from app.surveys.builder.entry import enter_response
from app.surveys.builder.entry import skipped
from app.surveys.builder.entry import takes_entries
from app.surveys.builder.entry_forms import CHANNELS
from app.surveys.builder.entry_forms import PaperEntryForm
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.questions import Condition
from app.surveys.builder.questions import question_rows
from app.surveys.content import QuestionView
from app.surveys.content import SurveyView
from app.surveys.content import view_of
from app.surveys.forms import question_form
from app.surveys.models import Channel
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
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


def _answer_field(question: QuestionView, form: Form) -> Any:
    return form._fields["answer-1" if question.kind == QuestionKind.PRIORITIES else "answer"]


def _check(question: QuestionView, form: Form) -> answering.Parsed:
    # A paper form can come back with a required question blank: record it as not answered.
    parsed = answering.parse(replace(question, required=False), _sent_for(question))
    if parsed.error:
        field = form._fields.get(parsed.error_field) or _answer_field(question, form)
        field.errors = [*field.errors, parsed.error]
    return parsed


def _facts_form(survey: Survey) -> PaperEntryForm:
    """The outer form, offering only this survey's languages and consent words; the main
    language and today's words are the defaults, as on most forms that come back."""
    defaults: dict[str, str] = {
        "language": survey.main_language,
        "consent_version": str(survey.consent_version),
    }
    languages = wordings.languages(survey)
    if request.method == "GET":
        defaults["form_key"] = new_key()
        # After a save, the last form's channel and language (only values this survey offers).
        if request.args.get("channel") in {choice.value for choice in CHANNELS}:
            defaults["channel"] = request.args["channel"]
        if request.args.get("language") in languages:
            defaults["language"] = request.args["language"]
    form = PaperEntryForm(data=defaults)
    form.offer(languages, wordings.wordings(survey))
    return form


def _warn_skipped(
    answers: list[tuple[QuestionView, Form]],
    stale: list[int],
    conditions: dict[int, Condition | None],
    form: PaperEntryForm,
) -> None:
    """Each answered question the branching skips is marked where it is, and staff must choose
    what becomes of those answers before anything is saved."""
    for question, sub in answers:
        condition = conditions.get(question.id)
        if question.id in stale and condition is not None:
            field = _answer_field(question, sub)
            field.errors = [
                *field.errors,
                _(
                    "The form has an answer here, but this question is only asked if question "
                    "%(number)d is answered “%(answer)s”. Check question %(number)d, or choose "
                    "below what to do with this answer.",
                    number=condition.number,
                    answer=condition.answer,
                ),
            ]
    if form.skipped.data not in ("keep", "drop"):
        form.skipped.errors = [
            *form.skipped.errors,
            _(
                "Choose whether to keep the answers to skipped questions as a note or "
                "leave them out"
            ),
        ]


@bp.route("/<int:survey_id>/enter", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def enter(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    view = view_of(survey, survey.main_language)
    form = _facts_form(survey)
    answers = [(question, _answer_form(question)) for question in view.questions]
    conditions = {row.id: row.condition for row in question_rows(survey)}
    stale: list[int] = []
    if request.method == "POST" and takes_entries(survey):
        parsed = {question.id: _check(question, sub) for question, sub in answers}
        valid = form.validate_on_submit()
        if survey.consent_text and not form.agreed.data:
            form.agreed.errors = [
                *form.agreed.errors,
                _("Tick the box if they agreed to take part"),
            ]
            valid = False
        stale = skipped(view, parsed)
        if stale and form.skipped.data not in ("keep", "drop"):
            _warn_skipped(answers, stale, conditions, form)
            valid = False
        if valid and not any(p.error for p in parsed.values()):
            return _save(survey, view, form, parsed)
    problems = ErrorSummary(
        _skipped_last(summary_errors(form, *(sub for _question, sub in answers)), form)
    )
    page = render_template(
        "survey_admin/enter.html",
        form=problems,
        entry=form,
        survey=view,
        answers=answers,
        conditions=conditions,
        taking=takes_entries(survey),
        skipped=stale,
        wordings=wordings.wordings(survey),
    )
    return page, problems.http_status


def _skipped_last(problems: list[tuple[str, str]], form: PaperEntryForm) -> list[tuple[str, str]]:
    """The choice about skipped answers is made at the foot of the page: list it last."""
    target = form.error_target(form.skipped)
    return [p for p in problems if p[0] != target] + [p for p in problems if p[0] == target]


def _save(
    survey: Survey, view: SurveyView, form: PaperEntryForm, parsed: dict[int, answering.Parsed]
) -> Any:
    entry = Entry(
        channel=Channel(form.channel.data),
        respondent_name=form.respondent_name.data or None,
        agreed=bool(form.agreed.data),
        answers=parsed,
        language=form.language.data or survey.main_language,
        answered_on=form.answered_on.data,
        consent_version=(
            int(form.consent_version.data) if survey.consent_text else survey.consent_version
        ),
        keep_skipped=form.skipped.data == "keep",
    )
    staff_id = current_staff().id
    try:
        saved = enter_response(survey, view, staff_id, entry, form.form_key.data)
    except AlreadyDone:
        flash(_("Those answers were already saved."))
    else:
        flash(_saved_message(saved.notes, saved.left_out))
    # The next form in the pile is most likely the same kind: keep how and in which language.
    same = {"channel": entry.channel.value, "language": entry.language}
    return redirect(url_for("survey_admin.enter", survey_id=survey.id, **same))


def _saved_message(notes: int, left_out: int) -> str:
    if notes:
        return ngettext(
            "The answers are saved, with %(num)d answer to a skipped question kept as a note. "
            "You can type in the next person's answers now.",
            "The answers are saved, with %(num)d answers to skipped questions kept as notes. "
            "You can type in the next person's answers now.",
            notes,
        )
    if left_out:
        return ngettext(
            "The answers are saved. %(num)d answer to a skipped question was left out, as you "
            "chose. You can type in the next person's answers now.",
            "The answers are saved. %(num)d answers to skipped questions were left out, as you "
            "chose. You can type in the next person's answers now.",
            left_out,
        )
    return _("The answers are saved. You can type in the next person's answers now.")
