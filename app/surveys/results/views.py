"""Staff pages for survey results, themes and the CSV export."""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from typing import Any

from flask import Blueprint
from flask import Response
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import stream_with_context
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms import IntegerField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms.validators import InputRequired
from wtforms.validators import Optional

from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.numbers import id_value
from app.core.numbers import page_number
from app.core.numbers import positive_int
from app.forms import ErrorSummary
from app.forms import Form
from app.forms import text_field
from app.i18n import BY_CODE
from app.i18n import LANGUAGES
from app.i18n import direction
from app.surveys.content import load_survey_by_id
from app.surveys.forms import ordinal
from app.surveys.models import CHANNEL_NAMES
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.results import export
from app.surveys.results import tallies as results
from app.surveys.results import themes

bp = Blueprint("survey_results", __name__, url_prefix="/staff/surveys")
TAGGERS = (Role.ADMIN, Role.COORDINATOR)


class FilterForm(Form):
    """The plain GET form above the results: nothing changes, so no token."""

    class Meta:
        csrf = False

    language = SelectField(_l("Language"))
    channel = SelectField(_l("How it was sent"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [("", _("All languages"))] + [(x.code, x.name) for x in LANGUAGES]
        self.channel.choices = [("", _("All ways"))] + [
            (c.value, str(label)) for c, label in CHANNEL_NAMES.items()
        ]

    def filters(self) -> results.Filters:
        """What was chosen; anything not on the lists counts as "all"."""
        language = self.language.data if self.language.data in BY_CODE else ""
        channel = self.channel.data if self.channel.data in set(Channel) else ""
        return results.Filters(language or "", channel or "")


class IdField(IntegerField):
    """A whole number 1 and up in plain digits; a huge or strange one is a form error."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist and valuelist[0]:
            self.data = positive_int(valuelist[0])
            if self.data is None:
                raise ValueError(_l("Choose from the list."))


class TagForm(Form):
    answer_id = IdField(validators=[InputRequired()])
    chosen = SelectMultipleField(coerce=id_value, validate_choice=False)
    shown = SelectMultipleField(coerce=id_value, validate_choice=False)
    new_theme = text_field(
        _l("New theme"),
        most=themes.THEME_NAME_LIMIT,
        too_long=_l("The theme name must be 80 characters or fewer"),
        filters=[themes.clean_name],
    )
    page = IdField(validators=[Optional()])
    theme = IdField(validators=[Optional()])

    def error_target(self, field: Field) -> str:
        """Each answer on the page has a tagging form of its own: link to this one's theme box."""
        if field.name == "new_theme":
            return f"new-theme-{self.answer_id.data or 0}"
        return super().error_target(field)


@dataclass(frozen=True)
class TagProblem(ErrorSummary):
    """A tagging form that could not be saved, shaped for the error summary, answers kept."""

    answer_id: int = 0
    typed: str = ""
    chosen: frozenset[int] = frozenset()

    @property
    def theme_errors(self) -> list[str]:
        return [message for target, message in self.field_errors if target != "main-content"]

    @classmethod
    def of_tagging(cls, form: TagForm) -> TagProblem:
        typed = (form.new_theme.raw_data or [""])[0]
        chosen = frozenset(form.chosen.data or [])
        return cls(form.field_errors, form.answer_id.data or 0, typed, chosen)


def _survey(survey_id: int) -> Survey:
    survey = load_survey_by_id(survey_id)
    if survey is None:
        abort(404)
    return survey


def _text_question(survey: Survey, question_id: int) -> Question:
    question = next((q for q in survey.questions if q.id == question_id), None)
    if question is None or not question.kind.is_text:
        abort(404)
    return question


def _role() -> Role:
    return signed_in_staff().role


def _main_language(survey: Survey) -> dict[str, str]:
    return {"main_lang": survey.main_language, "main_dir": direction(survey.main_language)}


@bp.route("/<int:survey_id>/results")
@roles_required(*ALL_STAFF)
def summary(survey_id: int) -> str:
    survey = _survey(survey_id)
    form = FilterForm(formdata=request.args)
    filters = form.filters()
    found = results.survey_results(survey, filters)
    # The overview belongs to those who build surveys; everyone else goes back to the list.
    builds = _role() in TAGGERS
    return render_template(
        "survey_results/results.html",
        survey=survey,
        back=(f"/staff/surveys/{survey.id}", _("Back to the survey"))
        if builds
        else ("/staff/surveys/", _("Back to all surveys")),
        form=form,
        filtered=filters.active,
        # The download holds what the page shows: the same filters, none when none are chosen.
        download=url_for(
            ".export_csv", survey_id=survey.id, **{k: v for k, v in asdict(filters).items() if v}
        ),
        results=found,
        rank_names=[ordinal(rank) for rank in range(1, 11)],
        **_main_language(survey),
    )


def _theme_filter(survey_themes: list, raw: Any) -> int | None:
    ids = {theme.id for theme in survey_themes}
    return raw if isinstance(raw, int) and raw in ids else None


def _answers_page(
    survey: Survey, question: Question, page: Any, theme: Any, problem: TagProblem | None = None
) -> tuple[str, int]:
    role = _role()
    survey_themes = themes.survey_themes(survey.id)
    theme_id = _theme_filter(survey_themes, theme)
    found = themes.text_answers(
        survey.id,
        question.id,
        page if isinstance(page, int) else 1,
        theme_id,
        with_names=results.shows_names(role, survey),
    )
    html = render_template(
        "survey_results/answers.html",
        survey=survey,
        question=question,
        found=found,
        themes=survey_themes,
        counts=themes.theme_counts(survey.id, question.id),
        theme_id=theme_id,
        theme_names={t.id: t.name for t in survey_themes},
        may_tag=role in TAGGERS,
        may_write_updates=role in (Role.ADMIN, Role.COORDINATOR),
        form=problem,
        channel_labels=CHANNEL_NAMES,
        languages=BY_CODE,
        **_main_language(survey),
    )
    return html, 400 if problem else 200


@bp.route("/<int:survey_id>/results/<int:question_id>")
@roles_required(*ALL_STAFF)
def answers(survey_id: int, question_id: int) -> tuple[str, int]:
    survey = _survey(survey_id)
    question = _text_question(survey, question_id)
    page = page_number(request.args.get("page"))  # too far: the last page, clamped later
    return _answers_page(survey, question, page, positive_int(request.args.get("theme")))


@bp.route("/<int:survey_id>/results/<int:question_id>/tag", methods=["POST"])
@roles_required(*TAGGERS)
@reshow_on_csrf_failure
def tag(survey_id: int, question_id: int) -> Any:
    survey = _survey(survey_id)
    question = _text_question(survey, question_id)
    form = TagForm()
    if not form.validate():
        if not form.csrf_token.errors and set(form.errors) - {"new_theme"}:
            abort(400)  # not something our page sends
        problem = TagProblem.of_tagging(form)
        return _answers_page(survey, question, form.page.data, form.theme.data, problem)
    try:
        themes.tag_answer(
            survey.id,
            question.id,
            form.answer_id.data,
            set(form.chosen.data or []),
            set(form.shown.data or []),
            form.new_theme.data or "",
        )
    except themes.AnswerNotFound:
        abort(404)
    flash(_("Themes saved."))
    target = url_for(
        ".answers",
        survey_id=survey.id,
        question_id=question.id,
        page=form.page.data or None,
        theme=form.theme.data or None,
    )
    return redirect(f"{target}#answer-{form.answer_id.data}")


@bp.route("/<int:survey_id>/export.csv")
@roles_required(*ALL_STAFF)
def export_csv(survey_id: int) -> Response:
    """The responses the results page shows: its filters (language, way sent) apply here too."""
    survey = _survey(survey_id)
    filters = FilterForm(formdata=request.args).filters()
    layout = export.plan(survey, results.shows_names(_role(), survey), filters)
    response = Response(stream_with_context(export.stream(layout)), mimetype="text/csv")
    name = export.filename(survey, filters)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    # Answers are personal data: never keep a copy in a shared cache.
    response.headers["Cache-Control"] = "no-store"
    return response
