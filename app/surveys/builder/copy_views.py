"""Staff pages that make surveys and questions from others: start from a template, make a copy
of a survey under a new title, copy questions from another survey.

The routes are added to the survey_admin blueprint; views.py imports this module.
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
from flask_babel import ngettext
from markupsafe import Markup
from wtforms.fields import SelectChoice

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.numbers import positive_int
from app.forms import form_page
from app.i18n import BY_CODE
from app.i18n import current_language
from app.surveys.builder import starting
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import CopyQuestionsForm
from app.surveys.builder.forms import DuplicateForm
from app.surveys.builder.forms import StarterForm
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.services import AlreadyDone
from app.surveys.builder.services import Refused
from app.surveys.builder.starters import STARTERS
from app.surveys.builder.words import refusal
from app.surveys.content import load_survey_by_id
from app.surveys.models import Survey


@bp.route("/templates", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def start_from_template() -> Any:
    """One press makes a draft survey with a template's questions, translated."""
    defaults = {"form_key": new_key(), "main_language": current_language().code}
    form = StarterForm(data=defaults if request.method == "GET" else None)
    form.starter.choices = [SelectChoice(s.key, s.title) for s in STARTERS.values()]
    if form.validate_on_submit():
        starter = STARTERS[form.starter.data or ""]
        language = form.main_language.data or "en"
        try:
            survey_id = starting.start_from(
                starter, language, current_staff().id, form.form_key.data
            )
        except AlreadyDone:
            flash(_("You already made that survey. It is in the list of surveys."))
            return redirect(url_for(".index"))
        flash(_("You made a new survey from a template. Change anything you want, then open it."))
        return redirect(url_for(".overview", survey_id=survey_id))
    return form_page(
        "survey_admin/templates.html",
        form,
        starters=list(STARTERS.values()),
        hints={
            s.key: " ".join(
                [
                    str(s.about),
                    ngettext("%(num)d question.", "%(num)d questions.", len(s.questions)),
                ]
            )
            for s in STARTERS.values()
        },
    )


@bp.route("/<int:survey_id>/duplicate", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def duplicate(survey_id: int) -> Any:
    """A copy under a new title: 'Copy of …' unless staff type another."""
    survey = survey_or_404(survey_id)
    defaults = {"form_key": new_key(), "title": starting.copy_title(survey)}
    form = DuplicateForm(data=defaults if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            copy_id = starting.duplicate_survey(
                survey_id,
                current_staff().id,
                form.form_key.data,
                form.title.data or "",
                form.slug.data or "",
            )
        except AlreadyDone:
            flash(_("You already made that copy. It is in the list of surveys."))
            return redirect(url_for(".index"))
        except Refused as refused:
            form.slug.errors.append(refusal(refused.reason, refused.details))
        else:
            flash(_("This is your copy. It is a draft, so nobody can answer it until you open it."))
            return redirect(url_for(".overview", survey_id=copy_id))
    return form_page("survey_admin/duplicate.html", form, survey=survey)


@bp.route("/<int:survey_id>/copy-questions", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def copy_questions(survey_id: int) -> Any:
    """First choose a survey, then which of its questions to add to the end of this one."""
    survey = survey_or_404(survey_id)
    source_id = positive_int(request.args.get("from", ""))
    if source_id is None:
        return render_template(
            "survey_admin/copy_questions.html",
            survey=survey,
            others=starting.other_surveys(survey.id),
            languages=BY_CODE,
        )
    source = load_survey_by_id(source_id)
    if source is None or source.id == survey.id:
        abort(404)
    form = _copy_form(source)
    if form.validate_on_submit():
        chosen = [int(value) for value in form.questions.data or []]
        try:
            copied = starting.copy_questions(survey, source.id, chosen, form.form_key.data)
        except AlreadyDone:
            return redirect(url_for(".overview", survey_id=survey_id, _anchor="questions"))
        _say_copied(copied)
        return redirect(url_for(".overview", survey_id=survey_id, _anchor="questions"))
    return form_page(
        "survey_admin/copy_questions.html", form, survey=survey, source=source, languages=BY_CODE
    )


def _copy_form(source: Survey) -> CopyQuestionsForm:
    live = [q for q in source.questions if not q.retired]
    words = Markup('<span lang="{}">{}</span>')  # the question in its survey's language
    choices = [SelectChoice(str(q.id), words.format(source.main_language, q.text)) for q in live]
    everything = {"form_key": new_key(), "questions": [c.value for c in choices]}
    form = CopyQuestionsForm(data=everything if request.method == "GET" else None)
    form.questions.choices = choices
    return form


def _say_copied(copied: starting.Copied) -> None:
    flash(
        ngettext(
            "%(num)d question is copied to the end of this survey.",
            "%(num)d questions are copied to the end of this survey.",
            copied.count,
        )
    )
    if copied.unbranched:
        flash(
            ngettext(
                "%(num)d of them was only asked after an answer to a question you did not copy. "
                "Now it is always asked. Change it if you need to.",
                "%(num)d of them were only asked after an answer to a question you did not copy. "
                "Now they are always asked. Change them if you need to.",
                copied.unbranched,
            )
        )
