"""Participant pages: /s/<slug> and its steps, and /resume."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import make_response
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth.guard import public
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.shared_pages import lasts_until
from app.core.shared_pages import shared
from app.extensions import limiter
from app.i18n import current_language
from app.people.guard import current_participant
from app.surveys import answering
from app.surveys import content
from app.surveys import progress
from app.surveys import services
from app.surveys.flow import next_step
from app.surveys.flow import previous_step
from app.surveys.flow import visible_steps
from app.surveys.forms import ConsentForm
from app.surveys.forms import NameForm
from app.surveys.forms import ResumeForm
from app.surveys.forms import StartForm
from app.surveys.forms import SubmitForm
from app.surveys.forms import limit_hint
from app.surveys.forms import question_form
from app.surveys.models import QuestionKind
from app.surveys.models import SurveyStatus
from app.surveys.summary import reading as summary_reading

bp = Blueprint("surveys", __name__)
SLUG = re.compile(r"[a-z0-9-]{1,60}")  # what the builder allows, nothing else
CLOSED_STATUS = 409  # not 410: a survey can be opened again, and a 410 may be cached


def _survey(slug: str) -> content.SurveyView:
    if not SLUG.fullmatch(slug):
        abort(404)
    survey = content.participant_view(slug, current_language().code)
    if survey is None or survey.status in ("draft", "archived"):
        abort(404)
    g.survey_view = survey
    lasts_until(survey.changes_at)  # a shared copy of its pages ends when it opens or closes
    return survey


def _response_id(survey: content.SurveyView) -> int | None:
    """This browser's in-progress response to the survey, if it has one."""
    found = progress.current(survey.id)
    if found is None:
        return None
    g.response = services.in_progress(found[0], survey.id)
    if g.response is None:
        progress.forget(survey.id)
        return None
    g.resume_code = found[1]
    return found[0]


def _first_step_url(survey: content.SurveyView) -> str:
    if survey.consent_text:
        return url_for(".consent", slug=survey.slug)
    if not survey.anonymous:
        return url_for(".name", slug=survey.slug)
    return _question_url(survey, {}, None)


def _question_url(survey: content.SurveyView, answers: dict[int, Any], after: int | None) -> str:
    following = next_step(survey.steps, answers, after)
    if following is None:
        return url_for(".check", slug=survey.slug)
    return url_for(".question", slug=survey.slug, question_id=following)


def _render(template: str, survey: content.SurveyView, status: int = 200, **context: Any):
    code = g.get("resume_code")
    return render_template(
        template,
        survey=survey,
        resume_code=progress.format_code(code) if code else None,
        resume_days=current_app.config["SURVEY_RESUME_DAYS"],
        **context,
    ), status


@bp.route("/s/<slug>", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@shared
def start(slug: str):
    survey = _survey(slug)
    summary = _published_summary(survey)
    if summary is not None:
        return _render(
            "surveys/summary.html", survey, summary=summary, updates_url=_updates_url(survey)
        )
    response_id = _response_id(survey)
    form = StartForm()
    if survey.accepting and form.validate_on_submit():
        if response_id is None:
            try:
                response_id, code = services.start_response(
                    survey, current_language().code, form.form_key.data, _participant_id()
                )
            except services.AlreadyDone:
                again = services.started_with(survey, form.form_key.data)
                if again is None:
                    return redirect(url_for(".start", slug=slug))
                response_id, code = again  # the first press worked; its reply was lost
            progress.remember(survey.id, response_id, code)
        return redirect(_first_step_url(survey))
    form.form_key.data = new_key()
    continue_url = None
    if response_id is not None:
        answers, _declined = services.answers_of(response_id)
        continue_url = _question_url(survey, answers, _last_answered(survey, answers))
    return _render("surveys/start.html", survey, form=form, continue_url=continue_url)


def _published_summary(survey: content.SurveyView) -> summary_reading.SummaryPage | None:
    """What you told us: once a survey has closed, its address shows any published summary."""
    if survey.status != SurveyStatus.CLOSED:
        return None
    return summary_reading.for_participants(survey)


def _updates_url(survey: content.SurveyView) -> str | None:
    if "updates.index" not in current_app.view_functions:
        return None  # the public log is not switched on
    return url_for("updates.index", survey=survey.id)


def _last_answered(survey: content.SurveyView, answers: dict[int, Any]) -> int | None:
    shown = [s.id for s in visible_steps(survey.steps, answers) if s.id in answers]
    return shown[-1] if shown else None


def _needs_response(survey: content.SurveyView, consented: bool = True) -> int:
    """This browser's open response, if the survey still takes answers.

    Otherwise: the "done" page when this browser's response was already sent (a press repeated
    after its reply was lost), a "closed" page when the survey has closed, or the start.
    """
    remembered = progress.current(survey.id)
    response_id = _response_id(survey)
    if response_id is None:
        sent = remembered[0] if remembered is not None else progress.sent(survey.id)
        if sent is not None:
            _done_already(survey, sent)
        abort(redirect(url_for(".start", slug=survey.slug)))
    if not survey.accepting:
        abort(_closed(survey, response_id))
    if consented and survey.consent_text and g.response.consented_at is None:
        abort(redirect(url_for(".consent", slug=survey.slug)))
    return response_id


def _done_already(survey: content.SurveyView, response_id: int) -> None:
    """The press that sent these answers succeeded, though its reply may never have arrived:
    show its outcome again, never the survey's start."""
    if services.was_sent(response_id, survey.id):
        progress.mark_sent(survey.id, response_id)
        abort(redirect(url_for(".done", slug=survey.slug)))


def _closed(survey: content.SurveyView, response_id: int | None) -> Response:
    """A survey that has closed takes nothing more; answers stored before stay, unsent."""
    g.resume_code = None  # a code to carry on would only lead back here
    answered = response_id is not None and bool(services.answers_of(response_id)[0])
    page = _render(
        "surveys/closed.html",
        survey,
        CLOSED_STATUS,
        had_started=answered,
        sent_now=request.method == "POST",
        updates_url=_updates_url(survey),
    )
    return make_response(*page)


@bp.route("/s/<slug>/consent", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def consent(slug: str):
    survey = _survey(slug)
    response_id = _needs_response(survey, consented=False)
    form = ConsentForm()
    if form.validate_on_submit():
        services.record_consent(response_id, survey)
        next_url = url_for(".name", slug=slug) if not survey.anonymous else None
        return redirect(
            next_url or _question_url(survey, services.answers_of(response_id)[0], None)
        )
    back = url_for(".start", slug=slug)
    return _render("surveys/consent.html", survey, form.http_status, form=form, back=back)


@bp.route("/s/<slug>/name", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def name(slug: str):
    survey = _survey(slug)
    if survey.anonymous:
        abort(404)
    response_id = _needs_response(survey)
    form = NameForm()
    if form.validate_on_submit():
        services.record_name(response_id, survey, form.name.data or "")
        return redirect(_question_url(survey, services.answers_of(response_id)[0], None))
    back = url_for(".consent" if survey.consent_text else ".start", slug=slug)
    return _render("surveys/name.html", survey, form.http_status, form=form, back=back)


@bp.route("/s/<slug>/q/<int:question_id>", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def question(slug: str, question_id: int):
    survey = _survey(slug)
    response_id = _needs_response(survey)
    asked = survey.question(question_id)
    answers, declined = services.answers_of(response_id)
    if asked is None or question_id not in {s.id for s in visible_steps(survey.steps, answers)}:
        abort(404)
    other = services.other_words(response_id, question_id) if asked.offers_other else None
    form = question_form(asked, answers.get(question_id), other)
    if form.validate_on_submit():
        parsed = answering.parse(asked, request.form)
        if parsed.error is None:
            services.save_answer(response_id, survey, question_id, parsed)
            answers[question_id] = None if parsed.declined else parsed.value
            if (
                request.args.get("change")
                and next_step(survey.steps, answers, question_id) in answers
            ):
                return redirect(url_for(".check", slug=slug))
            return redirect(_question_url(survey, answers, question_id))
        _show_error(form, asked, parsed)
    return _render_question(survey, asked, form, answers)


def _show_error(form, asked: content.QuestionView, parsed: answering.Parsed) -> None:
    message = parsed.error or ""
    main = "answer-1" if asked.kind == QuestionKind.PRIORITIES else "answer"
    field = form._fields.get(parsed.error_field) or form._fields.get(main)
    field.errors = [*field.errors, message] if isinstance(field.errors, list) else [message]


def _render_question(survey, asked, form, answers):
    before = previous_step(survey.steps, answers, asked.id)
    if before is not None:
        back = url_for(".question", slug=survey.slug, question_id=before)
    elif not survey.anonymous:
        back = url_for(".name", slug=survey.slug)
    elif survey.consent_text:
        back = url_for(".consent", slug=survey.slug)
    else:
        back = url_for(".start", slug=survey.slug)
    hint = asked.help_text
    if asked.kind.is_text:
        current = form.answer.data if isinstance(form.answer.data, str) else ""
        hint = " ".join(filter(None, [asked.help_text, limit_hint(asked, current)]))
    # Counted among the questions this person is asked: a skipped question is not a number.
    shown = [step.id for step in visible_steps(survey.steps, answers)]
    number = shown.index(asked.id) + 1 if asked.id in shown else len(shown) + 1
    return _render(
        "surveys/question.html",
        survey,
        form.http_status,
        form=form,
        question=asked,
        back=back,
        hint=hint,
        number=number,
        total=max(len(shown), number),
    )


@bp.route("/s/<slug>/check", methods=["GET", "POST"])
@public
def check(slug: str):
    survey = _survey(slug)
    response_id = _needs_response(survey)
    form = SubmitForm()
    answers, declined = services.answers_of(response_id)
    if form.validate_on_submit():
        missing = [s for s in visible_steps(survey.steps, answers) if s.id not in answers]
        if missing:
            return redirect(url_for(".question", slug=slug, question_id=missing[0].id))
        if not services.submit(response_id, survey):
            _done_already(survey, response_id)  # a second tap, a moment behind the first
            abort(_closed(survey, response_id))  # it closed while they were on this page
        progress.mark_sent(survey.id, response_id)
        g.resume_code = None
        return redirect(url_for(".done", slug=slug))
    others = services.others_of(response_id)
    rows = [
        (
            q.text,
            answering.describe(q, answers.get(q.id), q.id in declined, others.get(q.id)),
            url_for(".question", slug=slug, question_id=q.id, change=1),
            survey.language if answering.in_survey_words(q, answers, declined) else None,
        )
        for q in survey.questions
        if q.id in {s.id for s in visible_steps(survey.steps, answers)}
    ]
    steps = visible_steps(survey.steps, answers)
    back = (
        url_for(".question", slug=slug, question_id=steps[-1].id)
        if steps
        else url_for(".start", slug=slug)
    )
    return _render("surveys/check.html", survey, form=form, rows=rows, back=back)


@bp.route("/s/<slug>/done")
@public
def done(slug: str):
    survey = _survey(slug)
    has_updates = "updates.index" in current_app.view_functions
    return _render(
        "surveys/done.html", survey, updates_url=url_for("updates.index") if has_updates else None
    )


def _resume_limit() -> str:
    return current_app.config["RESUME_LIMIT"]


def _resume_failed(response) -> bool:
    """Only wrong codes count: a group on one Wi-Fi address all carrying on is never shut out."""
    return response.status_code != 302


@bp.route("/resume", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@limiter.limit(_resume_limit, methods=["POST"], deduct_when=_resume_failed)
def resume():
    form = ResumeForm()
    if form.validate_on_submit():
        found = services.resume(form.code.data or "")
        if found is not None:
            response_id, survey_id, slug = found
            opened = content.load_survey(slug)
            if opened is not None and not opened.is_accepting():
                g.survey_view = content.view_of(opened, current_language().code)
                return _closed(g.survey_view, response_id)
            progress.remember(survey_id, response_id, services.normalise_code(form.code.data or ""))
            if opened is None:
                return redirect(url_for(".start", slug=slug))
            # Straight back to where they stopped, in one step: no start page in between.
            survey = content.view_of(opened, current_language().code)
            answers, _declined = services.answers_of(response_id)
            flash(_("Welcome back. Carry on from where you stopped."))
            if not answers:
                return redirect(_first_step_url(survey))
            return redirect(_question_url(survey, answers, _last_answered(survey, answers)))
        form.code.errors.append(
            _(
                "We could not find that code. Check it and try again. Codes stop working after "
                "%(days)d days.",
                days=current_app.config["SURVEY_RESUME_DAYS"],
            )
        )
    return render_template("surveys/resume.html", form=form), form.http_status


def _participant_id() -> int | None:
    person = current_participant()
    return person.id if person is not None else None
