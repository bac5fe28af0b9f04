"""Staff preview: the participant's pages, in a phone-width frame, in any language. Saves nothing.

The participant templates are reused as they are, so the preview cannot drift from the survey.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.i18n import BY_CODE, LANGUAGES
from app.surveys import answering
from app.surveys.builder.blueprint import bp
from app.surveys.builder.lookup import BUILDERS, survey_or_404
from app.surveys.builder.questions import question_rows
from app.surveys.content import QuestionView, SurveyView, view_of
from app.surveys.forms import limit_hint, question_form
from app.surveys.models import QuestionKind, Survey


def _language(survey: Survey) -> str:
    wanted = request.args.get("lang", "")
    return wanted if wanted in BY_CODE else survey.main_language


def _view(survey: Survey, language: str) -> SurveyView:
    # Shown as it will look once open, whatever its status today.
    return replace(view_of(survey, language), accepting=True)


def _url(survey: Survey, language: str, question_id: int | None = None) -> str:
    if question_id is None:
        return url_for("survey_admin.preview", survey_id=survey.id, lang=language)
    return url_for(
        "survey_admin.preview_question", survey_id=survey.id, question_id=question_id, lang=language
    )


def _bar(survey: Survey, view: SurveyView, language: str, index: int | None) -> dict[str, Any]:
    """What the preview banner needs: languages, the pages either side, any branch rule."""
    ids = [q.id for q in view.questions]
    here = None if index is None else ids[index]
    previous = None
    if index is not None:
        previous = _url(survey, language, ids[index - 1] if index else None)
    following = 0 if index is None else index + 1
    rows = {row.id: row for row in question_rows(survey)} if here else {}
    return {
        "survey_id": survey.id,
        "languages": [(lang, _url(survey, lang.code, here)) for lang in LANGUAGES],
        "chosen": BY_CODE[language],
        "fallback": view.language != language,
        "main": BY_CODE.get(survey.main_language, BY_CODE["en"]),
        "previous": previous,
        "next": _url(survey, language, ids[following]) if following < len(ids) else None,
        "condition": rows[here].condition if here else None,
    }


@bp.route("/<int:survey_id>/preview")
@roles_required(*BUILDERS)
def preview(survey_id: int) -> str:
    survey = survey_or_404(survey_id)
    language = _language(survey)
    view = _view(survey, language)
    first = view.questions[0].id if view.questions else None
    return render_template(
        "survey_admin/preview_start.html",
        survey=view,
        form=None,
        # A link, not the real start form: starting here must not create a response.
        continue_url=_url(survey, language, first),
        resume_days=current_app.config["SURVEY_RESUME_DAYS"],
        preview=_bar(survey, view, language, None),
    )


@bp.route("/<int:survey_id>/preview/<int:question_id>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def preview_question(survey_id: int, question_id: int) -> Any:
    survey = survey_or_404(survey_id)
    language = _language(survey)
    view = _view(survey, language)
    asked = view.question(question_id)
    if asked is None:
        abort(404)
    index = view.questions.index(asked)
    form = question_form(asked)
    if form.validate_on_submit():
        parsed = answering.parse(asked, request.form)
        if parsed.error is None:
            return redirect(_next(survey, view, language, index))
        _show_error(form, asked, parsed.error)
    bar = _bar(survey, view, language, index)
    page = render_template(
        "survey_admin/preview_question.html",
        survey=view,
        question=asked,
        form=form,
        back=bar["previous"],
        hint=_hint(asked, form),
        total=len(view.questions),
        preview_next=_url(survey, language, asked.id),
        preview=bar,
    )
    return page, form.http_status


def _next(survey: Survey, view: SurveyView, language: str, index: int) -> str:
    if index + 1 < len(view.questions):
        return _url(survey, language, view.questions[index + 1].id)
    flash(_("That was the last question. Next, people check their answers and send them."))
    return _url(survey, language)


def _hint(asked: QuestionView, form: Any) -> str:
    if not asked.kind.is_text:
        return asked.help_text
    current = form.answer.data if isinstance(form.answer.data, str) else ""
    return " ".join(filter(None, [asked.help_text, limit_hint(asked, current)]))


def _show_error(form: Any, asked: QuestionView, message: str) -> None:
    field = form._fields.get("answer-1" if asked.kind == QuestionKind.PRIORITIES else "answer")
    field.errors = [*field.errors, message] if isinstance(field.errors, list) else [message]
