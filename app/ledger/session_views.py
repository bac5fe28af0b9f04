"""Staff pages for sessions, the rate card, benefit thresholds and statements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.wrappers import Response

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.numbers import positive_int
from app.extensions import db
from app.forms import Form
from app.forms import form_page
from app.forms import needs_token
from app.ledger import rates
from app.ledger import sessions
from app.ledger import thresholds
from app.ledger.blueprints import sessions_bp as bp
from app.ledger.claims import Actor
from app.ledger.models import ActivityType
from app.ledger.models import AttendanceRole
from app.ledger.models import BenefitThreshold
from app.ledger.models import RateBasis
from app.ledger.models import ThresholdPeriod as Period
from app.ledger.money import pence_to_text
from app.ledger.session_forms import RateForm
from app.ledger.session_forms import ThresholdForm
from app.ledger.session_forms import amount_of
from app.ledger.session_forms import parse_minutes
from app.ledger.session_forms import session_form
from app.ledger.statement_pages import ledger_words
from app.ledger.statement_pages import letter_page
from app.ledger.statement_pages import statement_page
from app.people.forms import BENEFIT_WORDS
from app.projects.services import project_choices

LOGGERS = (Role.ADMIN, Role.COORDINATOR)
FAR = date(9999, 12, 31)


@bp.context_processor
def _words() -> dict[str, Any]:
    return ledger_words()


@bp.route("/sessions")
@roles_required(*ALL_STAFF)
def index() -> str:
    return render_template(
        "ledger/sessions/index.html",
        rows=sessions.recent_sessions(),
        can_log=staff_has(*LOGGERS),
    )


@bp.route("/sessions/new", methods=["GET", "POST"])
@roles_required(*LOGGERS)
@reshow_on_csrf_failure
def new() -> Any:
    people = sessions.attendee_choices()
    projects = project_choices()
    defaults = {"form_key": new_key(), "held_on": date.today().isoformat(), "basis": ""}
    form = session_form(people, projects, data=defaults if request.method == "GET" else None)
    if request.method == "POST" and request.form.get("then") == "find":
        # Finding people by name only shows the page again, with everything typed kept.
        return render_template("ledger/sessions/new.html", form=form, people=people)
    if form.validate_on_submit():
        try:
            made = sessions.log_session(_details(form), current_staff().id, form.form_key.data)
        except sessions.AlreadyDone:
            flash(_("This session was already saved."))
            return redirect(url_for(".index"))
        except sessions.SessionRefused as refused:
            field = form[refused.field]
            field.errors = [*field.errors, str(refused)]
        else:
            flash(_("The session is saved. Each person's payments are waiting as draft claims."))
            return redirect(url_for(".detail", session_id=made))
    return form_page("ledger/sessions/new.html", form, people=people)


def _details(form: Any) -> sessions.SessionDetails:
    chosen = form.chosen_ids()
    return sessions.SessionDetails(
        title=form.title.data,
        activity=ActivityType(form.activity.data),
        held_on=date.fromisoformat(form.held_on.data.strip()),
        minutes=parse_minutes(form.hours.data),
        basis=RateBasis(form.basis.data) if form.basis.data else None,
        project_id=int(form.project.data) if form.project.data else None,
        new_project=form.new_project.data or "",
        attendees=[
            sessions.AttendeeInput(
                person,
                AttendanceRole(form[f"role_{person}"].data),
                amount_of(form[f"travel_{person}"]),
                amount_of(form[f"care_{person}"]),
            )
            for person in chosen
        ],
    )


@bp.route("/sessions/<int:session_id>")
@roles_required(*ALL_STAFF)
def detail(session_id: int) -> str:
    found = sessions.session_detail(session_id)
    if found is None:
        abort(404)
    session, project, rows = found
    return render_template(
        "ledger/sessions/detail.html",
        session=session,
        project=project,
        rows=rows,
        drafts=len(sessions.draft_claims_of(session_id)),
        can_send=staff_has(*LOGGERS),
        send_form=Form(),
    )


@bp.route("/sessions/<int:session_id>/send-drafts", methods=["POST"])
@roles_required(*LOGGERS)
@needs_token
def send_drafts(session_id: int) -> Response:
    """Send every draft claim the session made for a decision, in one press."""
    if sessions.session_detail(session_id) is None:
        abort(404)
    staff = current_staff()
    done = sessions.send_drafts(session_id, Actor(staff_id=staff.id, role=staff.role))
    if done.sent:
        flash(
            ngettext(
                "%(num)d claim was sent for a decision.",
                "%(num)d claims were sent for a decision.",
                done.sent,
            )
        )
    elif not done.refused:
        flash(_("There were no draft claims left to send. They may have been sent already."))
    for problem in sorted(set(done.refused)):
        flash(problem)
    return redirect(url_for(".detail", session_id=session_id))


@bp.route("/rates")
@roles_required(*ALL_STAFF)
def rate_card() -> str:
    return render_template(
        "ledger/rates/index.html",
        rates=rates.all_rates(),
        today=date.today(),
        can_edit=staff_has(Role.ADMIN),
        remove_form=Form(),
    )


@bp.route("/rates/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def new_rate() -> Any:
    defaults = {"basis": "hourly", "effective_from": date.today().isoformat()}
    form = RateForm(data=defaults if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            rates.add_rate(
                ActivityType(form.activity.data),
                RateBasis(form.basis.data),
                amount_of(form.amount),
                date.fromisoformat(form.effective_from.data.strip()),
            )
        except rates.RateRefused as refused:
            form.effective_from.errors = [*form.effective_from.errors, str(refused)]
        else:
            flash(_("The new rate is on the card. Payments already made keep their old rate."))
            return redirect(url_for(".rate_card"))
    return form_page("ledger/rates/new.html", form)


def _removed(remove: Callable[[], None], done: str, back: str) -> Response:
    """Remove a rate or a limit, then say what happened on the page it was on: done, or why
    not (one already used by a payment stays, the card keeps its history)."""
    try:
        remove()
    except (rates.RateRefused, thresholds.ThresholdRefused) as refused:
        flash(str(refused))
    else:
        flash(done)
    return redirect(url_for(back))


@bp.route("/rates/<int:rate_id>/remove", methods=["POST"])
@roles_required(Role.ADMIN)
@needs_token
def remove_rate(rate_id: int) -> Any:
    return _removed(lambda: rates.remove_rate(rate_id), _("The rate is removed."), ".rate_card")


@bp.route("/thresholds")
@roles_required(*ALL_STAFF)
def threshold_table() -> str:
    return render_template(
        "ledger/thresholds/index.html",
        thresholds=thresholds.all_thresholds(),
        stale_since=thresholds.out_of_date_since(date.today()),
        benefit_words=BENEFIT_WORDS,
        can_edit=staff_has(Role.ADMIN),
        remove_form=Form(),
    )


@bp.route("/thresholds/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def new_threshold() -> Any:
    form = ThresholdForm(data=_threshold_defaults() if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            thresholds.add_threshold(
                thresholds.ThresholdDetails(
                    name=form.name.data,
                    period=Period(form.period.data),
                    amount_pence=amount_of(form.amount),
                    effective_from=date.fromisoformat(form.effective_from.data.strip()),
                    source=form.source.data,
                    benefit=form.benefit.data or None,
                )
            )
        except thresholds.ThresholdRefused as refused:
            form.effective_from.errors = [*form.effective_from.errors, str(refused)]
        else:
            flash(_("The limit is saved."))
            return redirect(url_for(".threshold_table"))
    return form_page("ledger/thresholds/new.html", form)


def _threshold_defaults() -> dict[str, str]:
    """A blank form, or a copy of an existing limit to give it a new figure from a new date."""
    copy = positive_int(request.args.get("from"))
    row = db.session.get(BenefitThreshold, copy) if copy is not None else None
    if row is None:
        return {"period": "week", "effective_from": date.today().isoformat()}
    return {
        "name": row.name,
        "period": row.period.value,
        "amount": pence_to_text(row.amount_pence),
        "effective_from": date.today().isoformat(),
        "source": row.source,
        "benefit": row.benefit or "",
    }


@bp.route("/thresholds/<int:threshold_id>/remove", methods=["POST"])
@roles_required(Role.ADMIN)
@needs_token
def remove_threshold(threshold_id: int) -> Any:
    done = _("The limit is removed.")
    return _removed(lambda: thresholds.remove_threshold(threshold_id), done, ".threshold_table")


@bp.route("/people/<int:participant_id>/statement")
@roles_required(*ALL_STAFF)
def statement(participant_id: int) -> Any:
    return statement_page(
        "ledger/statements/statement.html", participant_id, ".letter", participant_id=participant_id
    )


@bp.route("/people/<int:participant_id>/letter")
@roles_required(*ALL_STAFF)
def letter(participant_id: int) -> Any:
    return letter_page(participant_id, ".letter", for_them=False, participant_id=participant_id)
