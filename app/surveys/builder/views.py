"""Staff pages for building surveys: the list, a survey's overview, its details and moves.

Every page of the builder hangs on the one blueprint in blueprint.py. The question, translation,
preview, paper-entry and typed-in response pages are in their own modules, imported here so the
app that imports this module has them all.
"""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Any

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import to_user_timezone
from flask_babel import to_utc

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.db import as_utc
from app.forms import Form
from app.forms import form_page
from app.i18n import BY_CODE
from app.i18n import LANGUAGES
from app.i18n import language_names
from app.surveys import running
from app.surveys.builder import copy_views
from app.surveys.builder import entered_views
from app.surveys.builder import entry_views
from app.surveys.builder import preview_views
from app.surveys.builder import question_views
from app.surveys.builder import running_views
from app.surveys.builder import services
from app.surveys.builder import sharing
from app.surveys.builder import translate_views
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import SurveyForm
from app.surveys.builder.forms import number
from app.surveys.builder.forms import survey_form
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import results_path
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.plain_check import plain_notes
from app.surveys.builder.questions import question_rows
from app.surveys.builder.words import BRING_BACK
from app.surveys.builder.words import BROUGHT_BACK
from app.surveys.builder.words import KIND_NAMES
from app.surveys.builder.words import MOVE_BUTTONS
from app.surveys.builder.words import MOVE_DONE
from app.surveys.builder.words import OPEN_OUTSIDE_DATES
from app.surveys.builder.words import STATUS_NAMES
from app.surveys.builder.words import refusal
from app.surveys.content import SURVEY_PIECES
from app.surveys.content import completeness
from app.surveys.content import languages_translated
from app.surveys.content import pieces
from app.surveys.content import stale_pieces
from app.surveys.content import view_of
from app.surveys.models import SURVEY_MOVES
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.timing import estimated

# The builder's other pages hang on the same blueprint: importing them adds them.
OTHER_PAGES = (
    copy_views,
    question_views,
    translate_views,
    preview_views,
    entry_views,
    entered_views,
    sharing,
    running_views,
)


@bp.route("/")
@roles_required(*ALL_STAFF)
def index() -> str:
    return render_template(
        "survey_admin/index.html",
        rows=services.survey_rows(),
        can_build=staff_has(*BUILDERS),
        status_names=STATUS_NAMES,
        languages=BY_CODE,
        results_path=results_path,
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def new() -> Any:
    defaults = {"form_key": new_key(), "anonymous": "yes", "main_language": "en"}
    defaults["project"] = request.args.get("project", "")  # started from a project's page
    form = survey_form(data=defaults if request.method == "GET" else None)
    if form.validate_on_submit():
        staff_id = current_staff().id
        try:
            survey_id = services.create_survey(_details(form), staff_id, form.form_key.data)
        except services.AlreadyDone:
            made = services.survey_id_with_slug(form.slug.data or "")
            return redirect(url_for(".overview", survey_id=made) if made else url_for(".index"))
        except services.Refused as refused:
            form.slug.errors.append(refusal(refused.reason, refused.details))
        else:
            flash(_("You made a new survey. Now add its questions."))
            return redirect(url_for(".overview", survey_id=survey_id))
    return _survey_form(form, None)


@bp.route("/<int:survey_id>/edit", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def edit(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)
    form = survey_form(data=_form_data(survey) if request.method == "GET" else None)
    form.saved_last_day = _local_day(survey.closes_at, shift=1)
    if form.validate_on_submit():
        version = survey.consent_version
        try:
            services.update_survey(survey, _details(form))
        except services.Refused as refused:
            form.slug.errors.append(refusal(refused.reason, refused.details))
        else:
            flash(_("Your changes are saved."))
            if survey.consent_version != version:
                flash(
                    _(
                        "What people agree to has changed. It is now version %(version)d.",
                        version=survey.consent_version,
                    )
                )
            return redirect(url_for(".overview", survey_id=survey_id))
    return _survey_form(form, survey)


def _survey_form(form: SurveyForm, survey: Survey | None) -> tuple[str, int]:
    translated = languages_translated(survey.id, list(SURVEY_PIECES)) if survey else []
    return form_page(
        "survey_admin/survey_form.html",
        form,
        survey=survey,
        translated_into=language_names(translated),
        estimate=estimated(survey) if survey else None,
    )


def _day_start(day: Any) -> datetime | None:
    """Midnight at the start of day in the charity's time zone, as UTC."""
    return to_utc(datetime.combine(day, time.min)).replace(tzinfo=UTC) if day else None


def _details(form: SurveyForm) -> services.SurveyDetails:
    last_day = form.last_day.data
    minutes = number(form.minutes)
    return services.SurveyDetails(
        title=form.title.data or "",
        slug=form.slug.data or "",  # empty: made from the title
        organiser=form.organiser.data or "",
        intro=form.intro.data or "",
        what_happens=form.what_happens.data or "",
        time_needed_minutes=minutes or 1,
        minutes_from_questions=minutes is None,
        consent_text=form.consent_text.data or "",
        anonymous=form.anonymous.data == "yes",
        opens_at=_day_start(form.opens_on.data),
        # The survey takes answers all through its last day, so it closes the midnight after.
        closes_at=_day_start(last_day + timedelta(days=1)) if last_day else None,
        main_language=form.main_language.data or "en",
        project_id=int(form.project.data) if form.project.data else None,
    )


def _form_data(survey: Survey) -> dict[str, Any]:
    return {
        "title": survey.title,
        "slug": survey.slug,
        "organiser": survey.organiser,
        "intro": survey.intro,
        "what_happens": survey.what_happens,
        "minutes": "" if survey.minutes_from_questions else str(survey.time_needed_minutes),
        "consent_text": survey.consent_text,
        "anonymous": "yes" if survey.anonymous else "no",
        "opens_on": _local_day(survey.opens_at),
        "last_day": _local_day(survey.closes_at, shift=1),
        "main_language": survey.main_language,
        "project": str(survey.project_id or ""),
    }


@bp.route("/<int:survey_id>")
@roles_required(*BUILDERS)
def overview(survey_id: int) -> str:
    survey = survey_or_404(survey_id)
    done, needed = completeness(survey), len(pieces(survey))
    questions = question_rows(survey)
    start_page = view_of(survey, survey.main_language)
    return render_template(
        "survey_admin/overview.html",
        survey=survey,
        questions=questions,
        duplicate_keys={q.id: new_key() for q in questions},  # one copy each, however pressed
        removed=sum(q.retired for q in survey.questions),
        translations=[
            (lang, done.get(lang.code, (0, needed))[0], needed)
            for lang in LANGUAGES
            if lang.code != survey.main_language
        ],
        stale={lang: len(keys) for lang, keys in stale_pieces(survey).items()},
        moves=[s for s in MOVE_BUTTONS if s in SURVEY_MOVES[survey.status]],
        move_buttons=MOVE_BUTTONS,
        bring_back=BRING_BACK,
        history=services.moves(survey.id),
        start_page=start_page,
        plain=plain_notes(start_page),
        estimate=estimated(survey),
        status_names=STATUS_NAMES,
        kind_names=KIND_NAMES,
        languages=BY_CODE,
        results_url=results_path(survey.id),
        opens_on=_shown_day(survey.opens_at),
        last_day=_shown_day(survey.closes_at, shift=1),
        target=running.target_progress(survey),
        daily_email=running.gets_daily_email(survey.id, current_staff().id),
    )


def _local_day(moment: datetime | None, shift: int = 0) -> date | None:
    """The charity's calendar day of a stored moment, shift days earlier."""
    if moment is None:
        return None
    return (to_user_timezone(as_utc(moment)) - timedelta(days=shift)).date()


def _shown_day(moment: datetime | None, shift: int = 0) -> str | None:
    day = _local_day(moment, shift)
    return format_date(day, "long") if day else None


@bp.route("/<int:survey_id>/status", methods=["POST"])
@roles_required(*BUILDERS)
def change_status(survey_id: int) -> Any:
    survey = survey_or_404(survey_id)  # its token was checked before any view runs
    try:
        wanted = SurveyStatus(request.form.get("to", ""))
    except ValueError:
        abort(400)
    if wanted == SurveyStatus.ARCHIVED:
        # Archiving asks first: the page that says what it means does it.
        return redirect(url_for(".archive", survey_id=survey_id))
    return _move(survey, wanted)


def _move(survey: Survey, wanted: SurveyStatus) -> Any:
    """Make the move, say how it went, and go back to the survey's page."""
    brought_back = survey.status == SurveyStatus.ARCHIVED != wanted
    try:
        services.change_status(survey, wanted, current_staff().id)
    except services.Refused as refused:
        flash(refusal(refused.reason, refused.details))
    else:
        outside_dates = wanted == SurveyStatus.OPEN and not survey.is_accepting()
        done = BROUGHT_BACK if brought_back else MOVE_DONE[wanted]
        flash(str(OPEN_OUTSIDE_DATES if outside_dates else done))
    return redirect(url_for(".overview", survey_id=survey.id))


@bp.route("/<int:survey_id>/archive", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def archive(survey_id: int) -> Any:
    """Archiving asks first, saying what it means: no more answers, off the public site, the
    results and answers kept, and a way back."""
    survey = survey_or_404(survey_id)
    form = Form()
    if form.validate_on_submit():
        return _move(survey, SurveyStatus.ARCHIVED)
    if survey.status == SurveyStatus.ARCHIVED:
        return redirect(url_for(".overview", survey_id=survey_id))
    return form_page(
        "survey_admin/archive.html",
        form,
        survey=survey,
        can_archive=SurveyStatus.ARCHIVED in SURVEY_MOVES[survey.status],
        responses=services.response_count(survey.id),
    )
