"""Staff pages for claims: create on someone's behalf, approve, pay, and correct mistakes.

Every status change goes through app.ledger.claims.move. A broken rule shows the page again
with a plain message (400); a move someone already made shows a plain "already done" page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from wtforms.fields import SelectChoice

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.numbers import positive_int
from app.forms import form_page
from app.ledger import claim_services as services
from app.ledger import claims
from app.ledger import export
from app.ledger import letterhead
from app.ledger import limit_views
from app.ledger.blueprints import claims_bp as bp
from app.ledger.claim_forms import ButtonForm
from app.ledger.claim_forms import ExportForm
from app.ledger.claim_forms import NewStaffClaimForm
from app.ledger.claim_forms import PayForm
from app.ledger.claim_forms import ReasonForm
from app.ledger.claim_forms import ReversalForm
from app.ledger.claim_forms import StaffLineForm
from app.ledger.claim_forms import category_label
from app.ledger.claim_forms import line_input
from app.ledger.claims import Actor
from app.ledger.claims import AlreadyDone
from app.ledger.claims import ClaimRefused
from app.ledger.claims import Payment
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentMethod
from app.ledger.money import format_pence
from app.ledger.receipts import receipt_response

# The approval limit and letterhead pages hang on the same blueprint: importing them adds them.
OTHER_PAGES = (limit_views, letterhead)
MAKERS = (Role.ADMIN, Role.COORDINATOR, Role.FINANCE)
FINANCE = (Role.ADMIN, Role.FINANCE)
ACTIONS = {
    "send": ClaimStatus.SUBMITTED,
    "approve": ClaimStatus.APPROVED,
    "reject": ClaimStatus.REJECTED,
    "changes": ClaimStatus.CHANGES_REQUESTED,
    "pay": ClaimStatus.PAID,
    "cancel": ClaimStatus.CANCELLED,
}


@bp.route("")
@roles_required(*ALL_STAFF)
def index() -> str:
    wanted = request.args.get("status", "")
    status = ClaimStatus(wanted) if wanted in set(ClaimStatus) else None
    return render_template(
        "ledger/claims/index.html",
        rows=services.claim_rows(status),
        status=status,
        statuses=list(ClaimStatus),
        label=claims.status_label,
        can_make=_role() in MAKERS,
        can_export=_role() in FINANCE,
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*MAKERS)
@reshow_on_csrf_failure
def new() -> Any:
    form = NewStaffClaimForm(data={"form_key": new_key()} if request.method == "GET" else None)
    form.participant.choices = [SelectChoice(*pair) for pair in services.people_choices()]
    named = positive_int(request.args.get("participant"))
    if request.method == "GET" and named is not None:
        form.participant.data = named
    if form.validate_on_submit():
        if form.participant.data not in {choice.value for choice in form.participant.choices}:
            form.participant.errors.append(_("Choose who the claim is for"))
        else:
            return _start(form)
    return form_page("ledger/claims/new.html", form)


def _start(form: NewStaffClaimForm) -> Any:
    try:
        claim_id = services.start_staff_claim(
            form.participant.data, _staff_id(), line_input(form), form.form_key.data or ""
        )
    except services.DuplicateForm as duplicate:
        return redirect(_claim_url(duplicate.claim_id))
    flash(_("The claim is saved but not sent yet. Add more lines, then send it for approval."))
    return redirect(url_for(".show", claim_id=claim_id))


@bp.route("/<int:claim_id>")
@roles_required(*ALL_STAFF)
def show(claim_id: int) -> str:
    return _show(_claim_or_404(claim_id))


def _show(claim: Claim, failed: Any = None, message: str = "", status: int = 200) -> Any:
    forms = {
        "approve": ButtonForm(),
        "send": ButtonForm(),
        "cancel": ButtonForm(),
        "reject": ReasonForm(prefix="reject"),
        "changes": ReasonForm(prefix="changes"),
        "pay": PayForm(prefix="pay", data={"paid_on": date.today()}),
    }
    if failed is not None:
        forms[failed[0]] = failed[1]
    page = render_template(
        "ledger/claims/show.html",
        **services.claim_page(claim, message),
        actions=_actions(claim),
        in_batch=claims.in_batch(claim.id),
        own_reason=_own_reason(claim),
        in_batch_words=claims.in_batch_message(),
        warnings=_warnings(claim),
        forms=forms,
        form=failed[1] if failed else None,
        category=category_label,
        **services.claim_facts(claim),
    )
    return page, status


def _actions(claim: Claim) -> set[str]:
    """What this member of staff may try next; the rules themselves live in claims.move."""
    role = _role()
    if role not in MAKERS:
        return set()
    allowed = {name for name, to in ACTIONS.items() if to in claims.CLAIM_MOVES[claim.status]}
    if role not in FINANCE:
        allowed.discard("pay")
    actor = Actor(staff_id=_staff_id(), role=role)
    for name in ("approve", "pay"):
        if name in allowed and claims.own_claim_reason(claim, actor, ACTIONS[name]):
            allowed.discard(name)  # nobody decides on their own claim: no button to press
    if claims.in_batch(claim.id):
        allowed.discard("cancel")  # the batch pays it; only a reversal undoes it
    if claim.status == ClaimStatus.DRAFT:
        allowed.add("add_line")
    if claim.status == ClaimStatus.PAID and role in FINANCE:
        allowed.add("correct")
    return allowed


def _own_reason(claim: Claim) -> str:
    """Why the approve or pay button is missing for this member of staff, if it is."""
    to = {ClaimStatus.SUBMITTED: ClaimStatus.APPROVED, ClaimStatus.APPROVED: ClaimStatus.PAID}
    if claim.status not in to or _role() not in MAKERS:
        return ""
    return claims.own_claim_reason(
        claim, Actor(staff_id=_staff_id(), role=_role()), to[claim.status]
    )


def _warnings(claim: Claim) -> list[str]:
    """Benefit threshold warnings before approval; helper module may be absent."""
    if claim.status != ClaimStatus.SUBMITTED:
        return []
    try:
        from app.ledger.totals import threshold_warnings
    except ImportError:
        return []
    return [warning.message for warning in threshold_warnings(claim.id)]


@bp.route(
    "/<int:claim_id>/<any(send, approve, reject, changes, pay, cancel):action>", methods=["POST"]
)
@roles_required(*MAKERS)
def act(claim_id: int, action: str) -> Any:
    claim = _claim_or_404(claim_id)
    form, reason, payment = _decision(action)
    if not form.validate_on_submit():
        return _show(claim, (action, form), status=400)
    actor = Actor(staff_id=_staff_id(), role=_role())
    try:
        claims.move(claim.id, ACTIONS[action], actor, reason, payment=payment)
    except AlreadyDone:
        return already_done(url_for(".show", claim_id=claim.id))
    except ClaimRefused as refused:
        return _show(_claim_or_404(claim_id), message=str(refused), status=400)
    flash(_("Done. The claim is now: %(status)s.", status=claims.status_label(ACTIONS[action])))
    return redirect(url_for(".show", claim_id=claim.id))


def _decision(action: str) -> tuple[Any, str, Payment | None]:
    """The form for this action, and the reason or payment details it carries."""
    if action in ("reject", "changes"):
        form = ReasonForm(prefix=action)
        return form, form.reason.data or "", None
    if action == "pay":
        pay = PayForm(prefix="pay")
        payment = None
        if pay.method.data in set(PaymentMethod) and pay.paid_on.data:
            payment = Payment(
                PaymentMethod(pay.method.data), pay.reference.data or "", pay.paid_on.data
            )
        return pay, "", payment
    return ButtonForm(), "", None


@bp.route("/<int:claim_id>/lines/new", methods=["GET", "POST"])
@roles_required(*MAKERS)
@reshow_on_csrf_failure
def add_line(claim_id: int) -> Any:
    claim = _claim_or_404(claim_id)
    if claim.status != ClaimStatus.DRAFT:
        return _not_now(claim, _("This claim has been sent, so no lines can be added to it."))
    form = StaffLineForm()
    if form.validate_on_submit():
        try:
            services.add_line(claim.id, line_input(form), _staff_id())
        except ClaimRefused as refused:
            form.kind.errors.append(str(refused))
        else:
            flash(_("The line is added."))
            return redirect(url_for(".show", claim_id=claim.id))
    return form_page("ledger/claims/add_line.html", form, claim=claim)


@bp.route("/<int:claim_id>/receipts/<int:receipt_id>")
@roles_required(*ALL_STAFF)
def receipt(claim_id: int, receipt_id: int) -> Any:
    return receipt_response(services.receipt_data(claim_id, receipt_id))


@bp.route("/<int:claim_id>/correct", methods=["GET", "POST"])
@roles_required(*FINANCE)
@reshow_on_csrf_failure
def correct(claim_id: int) -> Any:
    claim = _claim_or_404(claim_id)
    if claim.status != ClaimStatus.PAID:
        return _not_now(claim, _("Only a paid claim is corrected this way."))
    form = ReversalForm(data={"form_key": new_key()} if request.method == "GET" else None)
    made_already = services.claim_with_key(form.form_key.data or "")
    if request.method == "POST" and made_already is not None:
        return redirect(url_for(".show", claim_id=made_already))  # a double tap
    done = services.reversed_line_ids(claim.id)
    form.line.choices = [
        SelectChoice(line.id, f"{line.description} ({format_pence(line.amount_pence)})")
        for line in claim.lines
        if line.id not in done
    ]
    if form.validate_on_submit():
        actor = Actor(staff_id=_staff_id(), role=_role())
        try:
            made = services.reverse_line(claim.id, form.line.data, actor, form.form_key.data or "")
        except services.DuplicateForm as duplicate:
            return redirect(_claim_url(duplicate.claim_id))
        except ClaimRefused as refused:
            form.line.errors.append(str(refused))
        else:
            flash(_("A new claim now reverses that line. Add the right amount, then send it."))
            return redirect(url_for(".show", claim_id=made))
    return form_page("ledger/claims/correct.html", form, claim=claim)


@bp.route("/export", methods=["GET", "POST"])
@roles_required(*FINANCE)
def export_lines() -> Any:
    lines = export.pending_lines()
    form = ExportForm(data={"line_ids": ",".join(str(line.line_id) for line in lines)})
    if request.method == "POST":
        form = ExportForm()
        if form.validate_on_submit() and form.ids():
            try:
                number = export.export_batch(form.ids(), _staff_id())
            except export.NothingToExport:
                return already_done(url_for(".export_lines"), _("Go back to the export"))
            return _csv(number)
        form.line_ids.errors.append(_("There is nothing new to export."))
    return form_page(
        "ledger/claims/export.html",
        form,
        lines=lines,
        batches=export.batch_numbers(),
        category=category_label,
        method=export.preference_words,
    )


@bp.route("/batches/<int:number>.csv")
@roles_required(*FINANCE)
def batch(number: int) -> Response:
    return _csv(number)


def _csv(number: int) -> Response:
    lines = export.batch_lines(number) if 0 < number <= services.LARGEST_ID else None
    if lines is None:
        abort(404)
    response = Response(export.csv_text(lines), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="batch-{number}.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response


def already_done(back: str, back_text: str = "") -> str:
    """Someone (perhaps this person, a moment ago) already did it: say so plainly."""
    return render_template("ledger/claims/already_done.html", back=back, back_text=back_text)


def _not_now(claim: Claim, why: str) -> str:
    return render_template("ledger/claims/not_now.html", claim=claim, why=why)


def _claim_or_404(claim_id: int) -> Claim:
    claim = services.load_claim(claim_id)
    if claim is None:
        abort(404)
    return claim


def _claim_url(claim_id: int | None) -> str:
    return url_for(".show", claim_id=claim_id) if claim_id else url_for(".index")


def _role() -> Role | None:
    staff = current_staff()
    return staff.role if staff else None


def _staff_id() -> int:
    return signed_in_staff().id
