"""Participants' own claims at /me/claims: claim expenses with a receipt photo.

Every claim, line and receipt is looked up by the signed-in person's id as well as the id in
the address, so guessing someone else's number only ever finds "Page not found".
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

from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.forms import form_page
from app.forms import needs_token
from app.ledger import claim_services as services
from app.ledger import claims
from app.ledger.blueprints import me_claims_bp as bp
from app.ledger.claim_forms import ExpenseFields
from app.ledger.claim_forms import FixLineForm
from app.ledger.claim_forms import MeClaimForm
from app.ledger.claim_forms import line_input
from app.ledger.claim_forms import my_category_label
from app.ledger.claims import Actor
from app.ledger.claims import AlreadyDone
from app.ledger.claims import ClaimRefused
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import claim_total
from app.ledger.money import format_pence
from app.ledger.money import pence_to_text
from app.ledger.receipts import ReceiptRefused
from app.ledger.receipts import clean_receipt
from app.ledger.receipts import read_upload
from app.ledger.receipts import receipt_response
from app.outbox.reach import channel_for
from app.people.guard import current_participant
from app.people.guard import participant_required

CANCELLABLE = (
    ClaimStatus.DRAFT,
    ClaimStatus.SUBMITTED,
    ClaimStatus.CHANGES_REQUESTED,
    ClaimStatus.APPROVED,
)


@bp.route("")
@participant_required
def index() -> str:
    rows = services.claim_rows(participant_id=_me())
    return render_template("me/claims/index.html", rows=rows, label=claims.status_label)


@bp.route("/new", methods=["GET", "POST"])
@participant_required
@reshow_on_csrf_failure
def new() -> Any:
    form = MeClaimForm(data={"form_key": new_key()} if request.method == "GET" else None)
    if form.validate_on_submit():
        photo = _photo(form, None)
        if not form.errors:
            try:
                claim_id = services.submit_own_claim(
                    _me(), line_input(form), photo, form.form_key.data or ""
                )
            except services.DuplicateForm as duplicate:
                claim_id = duplicate.claim_id
                if claim_id is None:
                    return redirect(url_for(".index"))
            else:
                flash(_sent_words(), "success")
            return redirect(url_for(".show", claim_id=claim_id))
    return form_page("me/claims/new.html", form)


@needs_token
def _sent_words() -> str:
    """Only promise an email to someone we can email."""
    person = current_participant()
    if person is not None and channel_for(person) is not None:
        return _("Your claim is sent. We will email you when we decide, and when we pay it.")
    return _("Your claim is sent. Look here in your area to see when we decide.")


@bp.route("/<int:claim_id>")
@participant_required
def show(claim_id: int) -> str:
    return _show(_own_claim(claim_id))


def _show(claim: Claim, message: str = "", status: int = 200) -> Any:
    batched = claim.status == ClaimStatus.APPROVED and claims.in_batch(claim.id)
    page = render_template(
        "me/claims/show.html",
        **services.claim_page(claim, message),
        can_fix=claim.status == ClaimStatus.CHANGES_REQUESTED,
        can_cancel=_can_cancel(claim),
        batched_words=claims.in_batch_message() if batched else "",
        expense=LineKind.EXPENSE,
        category=my_category_label,
    )
    return page, status


@bp.route("/<int:claim_id>/lines/<int:line_id>", methods=["GET", "POST"])
@participant_required
@reshow_on_csrf_failure
def fix_line(claim_id: int, line_id: int) -> Any:
    claim = _own_claim(claim_id)
    line = next((x for x in claim.lines if x.id == line_id and x.kind == LineKind.EXPENSE), None)
    if line is None or claim.status != ClaimStatus.CHANGES_REQUESTED:
        abort(404)
    form = FixLineForm(obj=line if request.method == "GET" else None)
    if request.method == "GET":
        _fill(form, line.amount_pence)
    if form.validate_on_submit():
        photo = _photo(form, claim.id)
        if not form.errors:
            try:
                services.fix_line(claim, line.id, line_input(form), photo, _me())
            except ClaimRefused as refused:
                return _show(_own_claim(claim_id), str(refused), 400)
            flash(_("Your change is saved. Send the claim again when it is ready."), "success")
            return redirect(url_for(".show", claim_id=claim.id))
    return form_page("me/claims/fix_line.html", form, claim=claim)


@bp.route("/<int:claim_id>/resubmit", methods=["POST"])
@participant_required
def act(claim_id: int) -> Any:
    return _move(_own_claim(claim_id), ClaimStatus.SUBMITTED, _("Your claim is sent again."))


@bp.route("/<int:claim_id>/cancel", methods=["GET", "POST"])
@participant_required
def cancel(claim_id: int) -> Any:
    """Cancelling gives up the money, payment for time included, so it is asked first.

    Only a POST from the question page (confirm=yes) cancels; any other press shows the question.
    """
    claim = _own_claim(claim_id)
    if request.method == "POST" and request.form.get("confirm") == "yes":
        return _move(claim, ClaimStatus.CANCELLED, _("Your claim is cancelled."))
    if not _can_cancel(claim):
        return redirect(url_for(".show", claim_id=claim.id))
    if request.method == "POST":
        return redirect(url_for(".cancel", claim_id=claim.id))
    return _cancel_question(claim)


def _cancel_question(claim: Claim) -> str:
    time_pence = sum(line.amount_pence for line in claim.lines if line.kind == LineKind.PAYMENT)
    return render_template(
        "me/claims/cancel.html",
        claim=claim,
        total=format_pence(claim_total(claim)),
        for_time=format_pence(time_pence) if time_pence > 0 else "",
    )


def _move(claim: Claim, to: ClaimStatus, done: str) -> Any:
    """Move the claim as the person pressed, then say it is done, or show why it was not."""
    try:
        claims.move(claim.id, to, Actor(participant_id=_me()))
    except AlreadyDone:
        return render_template(
            "ledger/claims/already_done.html", back=url_for(".show", claim_id=claim.id)
        )
    except ClaimRefused as refused:
        return _show(_own_claim(claim.id), str(refused), 400)
    flash(done, "success")
    return redirect(url_for(".show", claim_id=claim.id))


def _can_cancel(claim: Claim) -> bool:
    batched = claim.status == ClaimStatus.APPROVED and claims.in_batch(claim.id)
    return claim.status in CANCELLABLE and not batched


@bp.route("/<int:claim_id>/receipts/<int:receipt_id>")
@participant_required
def receipt(claim_id: int, receipt_id: int) -> Any:
    return receipt_response(services.receipt_data(claim_id, receipt_id, participant_id=_me()))


def _photo(form: MeClaimForm | FixLineForm, claim_id: int | None) -> bytes | None:
    """The cleaned receipt photo, None when none was sent; problems go on the field."""
    upload = form.receipt.data
    if upload is None or not getattr(upload, "filename", ""):
        return None
    too_many = services.receipt_limit_reason(_me(), claim_id)
    if too_many:
        form.receipt.errors = [*form.receipt.errors, too_many]
        return None
    try:
        return clean_receipt(read_upload(upload.stream))
    except ReceiptRefused as refused:
        form.receipt.errors = [*form.receipt.errors, str(refused)]
        return None


def _fill(form: ExpenseFields, pence: int) -> None:
    form.amount.data = pence_to_text(pence)
    form.miles.data = str(form.miles.data) if form.miles.data else ""


def _own_claim(claim_id: int) -> Claim:
    claim = services.load_claim(claim_id, participant_id=_me())
    if claim is None:
        abort(404)
    return claim


def _me() -> int:
    return current_participant().id
