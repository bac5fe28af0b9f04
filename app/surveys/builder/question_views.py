"""Staff pages to add, change, move, duplicate and remove a survey's questions.

The routes hang on the survey_admin blueprint (blueprint.py); views.py imports this module.
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
from app.core.idempotency import new_key
from app.core.numbers import positive_int
from app.i18n import language_names
from app.surveys.builder import arranging
from app.surveys.builder import questions as services
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import DuplicateForm
from app.surveys.builder.forms import number
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import question_or_404
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.question_forms import QuestionForm
from app.surveys.builder.question_forms import option_lines
from app.surveys.builder.services import AlreadyDone
from app.surveys.builder.services import Refused
from app.surveys.builder.words import KIND_NAMES
from app.surveys.builder.words import refusal
from app.surveys.content import languages_translated
from app.surveys.models import Question
from app.surveys.models import QuestionKind
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
    data = {"kind": _kind_asked(), "form_key": new_key()} if request.method == "GET" else None
    form = QuestionForm(branches=_branch_choices(survey, None), data=data)
    if _showing_fields(form):
        return _page(form, survey, None, redrawn=True)
    if form.validate_on_submit():
        try:
            question_id = services.add_question(survey, _draft(form), form.form_key.data)
        except AlreadyDone:
            flash(_("That question was already added."))
            return _after_adding(survey, form)
        except Refused as refused:
            _show_refusal(form, refused)
        else:
            number = services.numbers(survey)[question_id]
            flash(_("Question %(number)d is added.", number=number), "success")
            return _after_adding(survey, form)
    return _page(form, survey, None)


def _kind_asked() -> str | None:
    """The type of question the address asks for (?kind=), when it names one."""
    asked = request.args.get("kind", "")
    return asked if asked in set(QuestionKind) else None


def _showing_fields(form: QuestionForm) -> bool:
    """The type changed and "Show the fields for this type" was pressed: the page is drawn
    again for that type with everything typed kept, and nothing saved. Only a problem with
    the type itself or the page's token is said."""
    if request.method != "POST" or "show" not in request.form:
        return False
    form.validate()
    for field in form:
        if field.name not in ("kind", "csrf_token"):
            field.errors = []
    return True


def _after_adding(survey: Survey, form: QuestionForm) -> Any:
    """Save and add another: a fresh form for the same type. Save: back to the survey."""
    if request.form.get("then") == "another" and form.chosen_kind is not None:
        kind = form.chosen_kind.value
        return redirect(url_for("survey_admin.new_question", survey_id=survey.id, kind=kind))
    return redirect(url_for("survey_admin.overview", survey_id=survey.id))


@bp.route(QUESTION, methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def edit_question(survey_id: int, question_id: int) -> Any:
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    data = _question_data(question) if request.method == "GET" else None
    form = QuestionForm(branches=_branch_choices(survey, question), data=data)
    if _showing_fields(form):
        return _page(form, survey, question, redrawn=True)
    if form.validate_on_submit():
        try:
            services.update_question(survey, question, _draft(form))
        except Refused as refused:
            _show_refusal(form, refused)
        else:
            flash(_("Your changes are saved."))
            return redirect(url_for("survey_admin.overview", survey_id=survey_id))
    return _page(form, survey, question)


def _page(
    form: QuestionForm, survey: Survey, question: Question | None, redrawn: bool = False
) -> tuple[str, int]:
    answered = services.answer_counts(survey.id).get(question.id, 0) if question else 0
    page = render_template(
        "survey_admin/question_form.html",
        form=form,
        kind_names=KIND_NAMES,
        redrawn=redrawn and form.chosen_kind is not None,
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
    """Up, down (direction), or to any place in one step (position: the number it should have)."""
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    now = services.numbers(survey)[question.id]
    wanted = {"up": now - 1, "down": now + 1}.get(request.form.get("direction", ""))
    if wanted is None:
        wanted = positive_int(request.form.get("position"))
    if wanted is None:
        abort(400)
    overview = url_for("survey_admin.overview", survey_id=survey_id)
    try:
        arranging.place_question(survey, question, wanted)
    except Refused as refused:
        flash(refusal(refused.reason, refused.details))
        return redirect(overview)  # at the top, where the message is
    return redirect(f"{overview}#q-{question_id}")  # the list, at the question in its new place


@bp.route(f"{QUESTION}/duplicate", methods=["POST"])
@roles_required(*BUILDERS)
def duplicate_question(survey_id: int, question_id: int) -> Any:
    """A copy straight after the question, opened to be changed; a double tap copies once."""
    survey = survey_or_404(survey_id)
    question = question_or_404(survey, question_id)
    form = DuplicateForm()
    try:
        copy_id = arranging.duplicate_question(survey, question, form.form_key.data)
    except AlreadyDone:
        flash(_("You already made that copy. It is straight after the question you copied."))
        return redirect(url_for("survey_admin.overview", survey_id=survey_id))
    numbers = services.numbers(survey)
    flash(
        _(
            "Question %(number)d is a copy of question %(original)d. "
            "Change what you need and save.",
            number=numbers[copy_id],
            original=numbers[question_id],
        ),
        "success",
    )
    return redirect(url_for("survey_admin.edit_question", survey_id=survey_id, question_id=copy_id))


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
