"""Staff pages to add, change, move and remove a survey's questions.

The routes are added to the survey_admin blueprint in admin_views.
"""

from __future__ import annotations

from typing import Any

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from wtforms.fields import SelectChoice

from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.numbers import positive_int
from app.i18n import language_names
from app.surveys.builder import questions as services
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import number
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import question_or_404
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.question_forms import QuestionForm
from app.surveys.builder.question_forms import option_lines
from app.surveys.builder.services import Refused
from app.surveys.builder.words import refusal
from app.surveys.content import languages_translated
from app.surveys.models import Question
from app.surveys.models import Survey

# Which field shows each refusal a question change can meet.
QUESTION = "/<int:survey_id>/questions/<int:question_id>"
REFUSAL_FIELDS = {
    "kind_answered": "kind",
    "kind_branch": "kind",
    "option_branch": "options",
    "branch_invalid": "show_if",
}


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def new_question(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    form = QuestionForm(branches=_branch_choices(survey, None))
    if form.validate_on_submit():
        try:
            services.add_question(survey, _draft(form))
        except Refused as refused:
            _show_refusal(form, refused)
        else:
            flash(_("Your question is added."))
            return redirect(url_for("survey_admin.overview", survey_id=survey_id))
    return _page(form, survey, None)


@bp.route(QUESTION, methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def edit_question(survey_id: int, question_id: int) -> Any:
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    data = _question_data(question) if request.method == "GET" else None
    form = QuestionForm(branches=_branch_choices(survey, question), data=data)
    if form.validate_on_submit():
        try:
            services.update_question(survey, question, _draft(form))
        except Refused as refused:
            _show_refusal(form, refused)
        else:
            flash(_("Your changes are saved."))
            return redirect(url_for("survey_admin.overview", survey_id=survey_id))
    return _page(form, survey, question)


def _page(form: QuestionForm, survey: Survey, question: Question | None) -> tuple[str, int]:
    answered = services.answer_counts(survey.id).get(question.id, 0) if question else 0
    page = render_template(
        "survey_admin/question_form.html",
        form=form,
        survey=survey,
        question=question,
        number=services.numbers(survey).get(question.id) if question else None,
        answered=answered,
        translated_into=_translated_into(question) if question else None,
    )
    return page, form.http_status


def _translated_into(question: Question) -> Any:
    """The languages this question's words are translated into, named for a warning."""
    keys = [f"q:{question.id}:text", f"q:{question.id}:help"]
    keys += [f"o:{o.id}:label" for o in question.options]
    return language_names(languages_translated(question.survey_id, keys))


def _show_refusal(form: QuestionForm, refused: Refused) -> None:
    field = form[REFUSAL_FIELDS.get(refused.reason, "text")]
    field.errors = [*field.errors, refusal(refused.reason, refused.details)]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _branch_choices(survey: Survey, question: Question | None) -> list[SelectChoice]:
    return [
        SelectChoice(
            target.key,
            _(
                "Question %(number)d (%(question)s) is answered “%(answer)s”",
                number=target.number,
                question=_shorten(target.text),
                answer=_shorten(target.answer, 40),
            ),
        )
        for target in services.branch_targets(survey, question)
    ]


def _draft(form: QuestionForm) -> services.QuestionDraft:
    question_id, _sep, value = (form.show_if.data or "").partition(":")
    return services.QuestionDraft(
        kind=form.chosen_kind,
        text=form.text.data or "",
        help_text=form.help_text.data or "",
        required=bool(form.required.data),
        labels=option_lines(form.options.data),
        max_length=number(form.max_length),
        min_value=number(form.min_value),
        max_value=number(form.max_value),
        pick_count=number(form.pick_count),
        last_alone=bool(form.last_alone.data),
        offers_other=bool(form.offers_other.data),
        show_if=(shown_after, value) if (shown_after := positive_int(question_id)) else None,
    )


def _question_data(question: Question) -> dict[str, Any]:
    def text(value: int | None) -> str:
        return "" if value is None else str(value)

    branch = question.show_if_question_id
    return {
        "kind": question.kind.value,
        "text": question.text,
        "help_text": question.help_text,
        "required": question.required,
        "options": "\n".join(o.label for o in question.options if not o.retired),
        "max_length": text(question.max_length),
        "min_value": text(question.min_value),
        "max_value": text(question.max_value),
        "pick_count": text(question.pick_count),
        "last_alone": any(o.exclusive for o in question.options if not o.retired),
        "offers_other": question.offers_other,
        "show_if": f"{branch}:{question.show_if_value}" if branch else "",
    }


@bp.route(f"{QUESTION}/move", methods=["POST"])
@roles_required(*BUILDERS)
def move_question(survey_id: int, question_id: int) -> Any:
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    try:
        services.move_question(survey, question, direction)
    except Refused as refused:
        flash(refusal(refused.reason, refused.details))
    return redirect(url_for("survey_admin.overview", survey_id=survey_id) + "#questions")


@bp.route(f"{QUESTION}/remove", methods=["POST"])
@roles_required(*BUILDERS)
def remove_question(survey_id: int, question_id: int) -> Any:
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    try:
        retired = services.remove_question(survey, question)
    except Refused as refused:
        flash(refusal(refused.reason, refused.details))
        return redirect(url_for("survey_admin.edit_question", survey_id=survey_id,
                                question_id=question_id))  # fmt: skip
    if retired:
        flash(_("People had answered that question, so it is now hidden from new people. "
                "Their answers are kept for the results."))  # fmt: skip
    else:
        flash(_("The question is removed."))
    return redirect(url_for("survey_admin.overview", survey_id=survey_id))
