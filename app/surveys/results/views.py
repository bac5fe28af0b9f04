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
from flask_babel import ngettext
from wtforms import SelectField

from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.numbers import page_number
from app.core.numbers import positive_int
from app.forms import Form
from app.i18n import BY_CODE
from app.i18n import LANGUAGES
from app.i18n import direction
from app.surveys import running
from app.surveys.content import load_survey_by_id
from app.surveys.forms import ordinal
from app.surveys.models import CHANNEL_NAMES
from app.surveys.models import OTHER_KINDS
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.results import export
from app.surveys.results import tallies as results
from app.surveys.results import themes
from app.surveys.results.tag_forms import TagForm
from app.surveys.results.tag_forms import TagManyForm
from app.surveys.results.tag_forms import TagProblem

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


def _survey(survey_id: int) -> Survey:
    survey = load_survey_by_id(survey_id)
    if survey is None:
        abort(404)
    return survey


def _text_question(survey: Survey, question_id: int) -> Question:
    """A question with written answers: words, or the words written for "Other"."""
    question = next((q for q in survey.questions if q.id == question_id), None)
    if question is None or not (question.kind.is_text or question.kind in OTHER_KINDS):
        abort(404)
    return question


def _written_answers_of(survey_id: int, question_id: int) -> tuple[Survey, Question]:
    """The survey and its question whose written answers a page reads and tags, or 404."""
    survey = _survey(survey_id)
    return survey, _text_question(survey, question_id)


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
        target=running.target_progress(survey),
        rank_names=[ordinal(rank) for rank in range(1, 11)],
        **_main_language(survey),
    )


def _theme_filter(survey_themes: list, raw: Any) -> int | None:
    ids = {theme.id for theme in survey_themes}
    return raw if isinstance(raw, int) and raw in ids else None


@dataclass(frozen=True)
class Showing:
    """Which answers a question's page lists: a page of them, by theme or with none yet."""

    page: Any = 1
    theme: Any = None
    untagged: bool = False

    def address(self, survey_id: int, question_id: int) -> str:
        return url_for(
            ".answers",
            survey_id=survey_id,
            question_id=question_id,
            page=self.page or None,
            theme=self.theme or None,
            untagged=1 if self.untagged and not self.theme else None,
        )


def _answers_page(
    survey: Survey,
    question: Question,
    showing: Showing,
    problem: TagProblem | None = None,
    many: TagManyForm | None = None,
) -> tuple[str, int]:
    role = _role()
    survey_themes = themes.survey_themes(survey.id)
    theme_id = _theme_filter(survey_themes, showing.theme)
    untagged = showing.untagged and theme_id is None
    found = themes.text_answers(
        survey.id,
        question.id,
        showing.page if isinstance(showing.page, int) else 1,
        theme_id,
        with_names=results.shows_names(role, survey),
        untagged=untagged,
        other=not question.kind.is_text,
    )
    if many is None:
        many = TagManyForm(formdata=None, survey_themes=survey_themes)
    many.drawn = bool(role in TAGGERS and survey_themes and found.answers)
    html = render_template(
        "survey_results/answers.html",
        survey=survey,
        question=question,
        found=found,
        themes=survey_themes,
        counts=themes.theme_counts(survey.id, question.id),
        untagged_count=themes.untagged_count(survey.id, question.id, not question.kind.is_text),
        other=not question.kind.is_text,
        theme_id=theme_id,
        untagged=untagged,
        theme_names={t.id: t.name for t in survey_themes},
        may_tag=role in TAGGERS,
        may_write_updates=role in (Role.ADMIN, Role.COORDINATOR),
        form=problem or (many if many.errors else None),
        many=many,
        picked=set(many.picked.data or []) if many.errors else set(),
        channel_labels=CHANNEL_NAMES,
        languages=BY_CODE,
        **_main_language(survey),
    )
    return html, 400 if problem or many.errors else 200


@bp.route("/<int:survey_id>/results/<int:question_id>")
@roles_required(*ALL_STAFF)
def answers(survey_id: int, question_id: int) -> tuple[str, int]:
    survey, question = _written_answers_of(survey_id, question_id)
    showing = Showing(
        page_number(request.args.get("page")),  # too far: the last page, clamped later
        positive_int(request.args.get("theme")),
        request.args.get("untagged") == "1",
    )
    return _answers_page(survey, question, showing)


@bp.route("/<int:survey_id>/results/<int:question_id>/tag", methods=["POST"])
@roles_required(*TAGGERS)
@reshow_on_csrf_failure
def tag(survey_id: int, question_id: int) -> Any:
    survey, question = _written_answers_of(survey_id, question_id)
    form = TagForm()
    showing = Showing(form.page.data, form.theme.data, bool(form.untagged.data))
    if not form.validate():
        if not form.csrf_token.errors and set(form.errors) - {"new_theme"}:
            abort(400)  # not something our page sends
        return _answers_page(survey, question, showing, TagProblem.of_tagging(form))
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
    return redirect(f"{showing.address(survey.id, question.id)}#answer-{form.answer_id.data}")


@bp.route("/<int:survey_id>/results/<int:question_id>/tag-many", methods=["POST"])
@roles_required(*TAGGERS)
@reshow_on_csrf_failure
def tag_many(survey_id: int, question_id: int) -> Any:
    """One theme on every ticked answer: no JavaScript, and a second press adds nothing."""
    survey, question = _written_answers_of(survey_id, question_id)
    form = TagManyForm(survey_themes=themes.survey_themes(survey.id))
    showing = Showing(form.page.data, form.theme.data, bool(form.untagged.data))
    if not form.validate():
        if not form.csrf_token.errors and set(form.errors) - {"picked", "add_theme"}:
            abort(400)  # not something our page sends
        return _answers_page(survey, question, showing, many=form)
    theme_id = form.chosen_theme or 0
    try:
        added = themes.tag_many(survey.id, question.id, set(form.picked.data or []), theme_id)
    except themes.ThemeNotFound:
        abort(404)
    name = next(t.name for t in themes.survey_themes(survey.id) if t.id == theme_id)
    flash(
        ngettext(
            "%(num)d more answer now has the theme “%(theme)s”.",
            "%(num)d more answers now have the theme “%(theme)s”.",
            added,
            theme=name,
        )
    )
    return redirect(showing.address(survey.id, question.id))


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
