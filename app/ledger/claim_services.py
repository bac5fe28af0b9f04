"""Making claims and their lines, fixing them when changes are asked for, and reversals.

Status changes always go through app.ledger.claims.move; this module only builds what moves.
Edits to an unfinished claim first bump its version with a conditional UPDATE, so an edit and
a decision racing each other cannot both succeed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import selectinload

from app.auth.models import StaffUser
from app.core.idempotency import use_key
from app.db import utcnow
from app.extensions import db
from app.forms import ErrorSummary
from app.ledger import claims
from app.ledger.claims import Actor
from app.ledger.claims import ClaimRefused
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import Receipt
from app.ledger.models import claim_total
from app.ledger.money import format_pence
from app.ledger.receipts import CONTENT_TYPE
from app.ledger.statements import METHOD_NAMES
from app.people.models import Participant
from app.transactions import unit_of_work

UNDONE = (ClaimStatus.REJECTED, ClaimStatus.CANCELLED)
MAX_RECEIPTS_PER_CLAIM = 5  # a claim is one expense: a few photos of it are plenty
MAX_RECEIPTS_PER_DAY = 20  # per person, over the last 24 hours


class DuplicateForm(Exception):
    """This form was already saved (a double tap); claim_id is what the first tap made."""

    def __init__(self, claim_id: int | None) -> None:
        super().__init__(claim_id)
        self.claim_id = claim_id


@dataclass(frozen=True)
class LineInput:
    """One line as typed: an expense, or a payment with the offer and the person's choice."""

    kind: LineKind
    category: Category
    spent_on: date
    description: str
    amount_pence: int
    miles: int | None = None
    offered_pence: int | None = None
    choice: PaymentChoice | None = None


MILEAGE_PENCE_PER_MILE = 45


def mileage_pence(miles: int) -> int:
    """What driving one's own car pays: whole miles at the mileage rate, so whole pence."""
    return miles * MILEAGE_PENCE_PER_MILE


def expense_line(
    category: Category, spent_on: date, description: str, amount_pence: int, miles: int | None
) -> LineInput:
    """An expense as typed: mileage is paid by the mile, anything else is the amount typed."""
    if category == Category.MILEAGE:
        pence = mileage_pence(miles or 0)
        return LineInput(LineKind.EXPENSE, category, spent_on, description, pence, miles=miles)
    return LineInput(LineKind.EXPENSE, category, spent_on, description, amount_pence)


def payment_line(
    spent_on: date, description: str, offered_pence: int, choice: PaymentChoice, taken_pence: int
) -> LineInput:
    """A payment for time: what the person chose decides what it pays."""
    return LineInput(
        kind=LineKind.PAYMENT,
        category=Category.TIME,
        spent_on=spent_on,
        description=description,
        amount_pence=payment_pence(offered_pence, choice, taken_pence),
        offered_pence=offered_pence,
        choice=choice,
    )


def payment_pence(offered: int, choice: PaymentChoice, taken: int) -> int:
    """What a payment line pays: all, less, nothing, or all of it to a charity."""
    if choice == PaymentChoice.TAKE_LESS:
        return min(taken, offered)
    return 0 if choice == PaymentChoice.DECLINE else offered


def new_line(given: LineInput, author_staff_id: int | None = None) -> ClaimLine:
    """A line as typed; author_staff_id is who wrote it (None: the person, at /me)."""
    # Payments the person keeps count as income; expenses and gifts to a charity do not.
    income = given.kind == LineKind.PAYMENT and given.choice in (
        PaymentChoice.ACCEPT,
        PaymentChoice.TAKE_LESS,
    )
    return ClaimLine(
        kind=given.kind,
        category=given.category,
        spent_on=given.spent_on,
        description=given.description,
        amount_pence=given.amount_pence,
        counts_as_income=income,
        miles=given.miles,
        offered_pence=given.offered_pence,
        choice=given.choice,
        author_staff_id=author_staff_id,
    )


@unit_of_work()
def submit_own_claim(participant_id: int, given: LineInput, receipt: bytes | None, key: str) -> int:
    """A participant's expense claim, saved and sent in one transaction; the claim's id."""
    _use_key_or_raise(key)
    line = new_line(given)
    claim = Claim(participant_id=participant_id, form_key=key, lines=[line])
    db.session.add(claim)
    db.session.flush()
    if receipt is not None:
        _add_receipt(claim.id, line.id, receipt)
    # move() joins this unit of work: the key, the claim, its line, the receipt and the audit
    # row are saved together.
    claims.move(claim.id, ClaimStatus.SUBMITTED, Actor(participant_id=participant_id))
    return claim.id


@unit_of_work()
def start_staff_claim(participant_id: int, staff_id: int, given: LineInput, key: str) -> int:
    """A draft claim made by staff on someone's behalf, with its first line."""
    _use_key_or_raise(key)
    claim = Claim(
        participant_id=participant_id,
        created_by_staff_id=staff_id,
        form_key=key,
        lines=[new_line(given, staff_id)],
    )
    db.session.add(claim)
    db.session.flush()
    return claim.id


@unit_of_work()
def add_line(claim_id: int, given: LineInput, staff_id: int) -> None:
    """Another line on a draft claim, written by this member of staff."""
    _claim_edit(claim_id, ClaimStatus.DRAFT)
    line = new_line(given, staff_id)
    line.claim_id = claim_id
    db.session.add(line)


@unit_of_work()
def fix_line(
    claim: Claim, line_id: int, given: LineInput, receipt: bytes | None, participant_id: int
) -> None:
    """Change an expense line while changes are asked for; the claim stays with the person."""
    line = next((x for x in claim.lines if x.id == line_id and x.kind == LineKind.EXPENSE), None)
    if line is None or claim.participant_id != participant_id:
        raise ClaimRefused(_("There is no such claim."))
    _claim_edit(claim.id, ClaimStatus.CHANGES_REQUESTED)
    line.category, line.spent_on = given.category, given.spent_on
    line.description, line.amount_pence, line.miles = (
        given.description,
        given.amount_pence,
        given.miles,
    )
    if receipt is not None:
        _add_receipt(claim.id, line.id, receipt)


@unit_of_work()
def reverse_line(paid_claim_id: int, line_id: int, actor: Actor, key: str) -> int:
    """A new draft claim whose one reversal line cancels out a line of a paid claim."""
    original = db.session.scalar(
        select(ClaimLine)
        .join(Claim, Claim.id == ClaimLine.claim_id)
        .where(ClaimLine.id == line_id, Claim.id == paid_claim_id, Claim.status == ClaimStatus.PAID)
    )
    if original is None or original.kind == LineKind.REVERSAL or original.amount_pence == 0:
        raise ClaimRefused(_("Only a line of a paid claim, with an amount, can be reversed."))
    if line_id in reversed_line_ids(paid_claim_id):
        raise ClaimRefused(_("This line has already been reversed."))
    _use_key_or_raise(key)
    claim = Claim(
        participant_id=original.claim.participant_id,
        created_by_staff_id=actor.staff_id,
        form_key=key,
        lines=[reversal_of(original, actor.staff_id)],
    )
    db.session.add(claim)
    db.session.flush()
    return claim.id


def reversal_of(original: ClaimLine, author_staff_id: int | None = None) -> ClaimLine:
    """A line that nets the original to zero, on the original's date and income footing."""
    return ClaimLine(
        kind=LineKind.REVERSAL,
        category=original.category,
        spent_on=original.spent_on,
        description=_(
            "Reversal of line %(line)d on claim %(claim)d",
            line=original.id,
            claim=original.claim_id,
        ),
        amount_pence=-original.amount_pence,
        counts_as_income=original.counts_as_income,
        reverses_line_id=original.id,
        author_staff_id=author_staff_id,
    )


def reversed_line_ids(claim_id: int) -> set[int]:
    """Lines of this claim already reversed by a claim that is not rejected or cancelled."""
    rows = db.session.scalars(
        select(ClaimLine.reverses_line_id)
        .join(Claim, Claim.id == ClaimLine.claim_id)
        .where(
            ClaimLine.reverses_line_id.in_(
                select(ClaimLine.id).where(ClaimLine.claim_id == claim_id)
            ),
            Claim.status.not_in(UNDONE),
        )
    )
    return {row for row in rows if row is not None}


def _claim_edit(claim_id: int, status: ClaimStatus) -> None:
    """Claim the right to edit: refused when the claim moved on in the meantime."""
    changed = db.session.execute(
        update(Claim)
        .where(Claim.id == claim_id, Claim.status == status)
        .values(version=Claim.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        raise ClaimRefused(_("This claim cannot be changed now. Look at its status."))


def claim_with_key(key: str) -> int | None:
    """The claim a form with this key already made, if any."""
    return db.session.scalar(select(Claim.id).where(Claim.form_key == key)) if key else None


def _use_key_or_raise(key: str) -> None:
    if not use_key(key):
        raise DuplicateForm(claim_with_key(key))


def receipt_limit_reason(participant_id: int, claim_id: int | None = None) -> str:
    """Why this person may not send another receipt photo now; empty when they may.

    Checked before the upload is even read, so a flood of photos costs a count, not a decode."""
    if claim_id is not None:
        on_claim = db.session.scalar(
            select(func.count(Receipt.id)).where(Receipt.claim_id == claim_id)
        )
        if (on_claim or 0) >= MAX_RECEIPTS_PER_CLAIM:
            return _("This claim already has as many receipt photos as it can take.")
    since = utcnow() - timedelta(days=1)
    today = db.session.scalar(
        select(func.count(Receipt.id))
        .join(Claim, Claim.id == Receipt.claim_id)
        .where(Claim.participant_id == participant_id, Receipt.created_at >= since)
    )
    if (today or 0) >= MAX_RECEIPTS_PER_DAY:
        return _("You have sent a lot of receipt photos today. Please try again tomorrow.")
    return ""


def _add_receipt(claim_id: int, line_id: int | None, data: bytes) -> None:
    db.session.add(
        Receipt(claim_id=claim_id, line_id=line_id, content_type=CONTENT_TYPE, data=data)
    )


# Reading: every participant-facing read takes the signed-in person's id, never the URL's alone.

LARGEST_ID = 2**31 - 1  # an address can carry any number; the database cannot


@dataclass(frozen=True)
class ClaimRow:
    id: int
    name: str
    reference: str
    status: ClaimStatus
    total_pence: int
    created_at: date
    reason: str


def claim_rows(status: ClaimStatus | None = None, participant_id: int | None = None) -> list:
    """Claims, newest first, with their totals, in one query."""
    total = func.coalesce(func.sum(ClaimLine.amount_pence), 0)
    query = (
        select(
            Claim.id,
            Participant.id,
            Participant.name,
            Claim.status,
            Claim.created_at,
            total,
            Claim.reason,
        )
        .join(Participant, Participant.id == Claim.participant_id)
        .outerjoin(ClaimLine, ClaimLine.claim_id == Claim.id)
        .group_by(Claim.id, Participant.id)
        .order_by(Claim.created_at.desc(), Claim.id.desc())
        .limit(500)
    )
    if status is not None:
        query = query.where(Claim.status == status)
    if participant_id is not None:
        query = query.where(Claim.participant_id == participant_id)
    return [
        ClaimRow(cid, name, f"P{pid:05d}", state, int(pence), made.date(), reason)
        for cid, pid, name, state, made, pence, reason in db.session.execute(query)
    ]


def load_claim(claim_id: int, participant_id: int | None = None) -> Claim | None:
    """The claim with its lines; with participant_id, only if it is that person's."""
    if not 0 < claim_id <= LARGEST_ID:
        return None
    query = select(Claim).options(selectinload(Claim.lines)).where(Claim.id == claim_id)
    if participant_id is not None:
        query = query.where(Claim.participant_id == participant_id)
    return db.session.scalar(query)


def claim_page(claim: Claim, message: str = "") -> dict[str, Any]:
    """What every page showing one claim needs, for staff and for the person alike: its total,
    its history, its receipts, and the refusal to show at the top if an action failed."""
    return {
        "claim": claim,
        "total": claim_total(claim),
        "history": claim_history(claim.id),
        "receipts": receipt_ids(claim.id),
        "label": claims.status_label,
        "refusal": ErrorSummary.of(also=[("main-content", message)] if message else []),
    }


def claim_history(claim_id: int) -> list[tuple[ClaimEvent, str | None]]:
    """The audit rows, oldest first, each with the staff member's name (None: the person)."""
    query = (
        select(ClaimEvent, StaffUser.name)
        .outerjoin(StaffUser, StaffUser.id == ClaimEvent.actor_staff_id)
        .where(ClaimEvent.claim_id == claim_id)
        .order_by(ClaimEvent.id)
    )
    return [(event, name) for event, name in db.session.execute(query)]


def receipt_ids(claim_id: int) -> list[int]:
    return list(db.session.scalars(select(Receipt.id).where(Receipt.claim_id == claim_id)))


def receipt_data(claim_id: int, receipt_id: int, participant_id: int | None = None) -> bytes | None:
    """A receipt's bytes, only through its own claim (and its own person, when given)."""
    if not 0 < receipt_id <= LARGEST_ID or not 0 < claim_id <= LARGEST_ID:
        return None
    query = select(Receipt.data).join(Claim, Claim.id == Receipt.claim_id)
    query = query.where(Receipt.id == receipt_id, Claim.id == claim_id)
    if participant_id is not None:
        query = query.where(Claim.participant_id == participant_id)
    return db.session.scalar(query)


def claim_facts(claim: Claim) -> dict:
    """Who the claim is for, who made it, and how it was paid, for the staff page."""
    person = db.session.get(Participant, claim.participant_id)
    maker = db.session.get(StaffUser, claim.created_by_staff_id or 0)
    paid = ""
    if claim.status == ClaimStatus.PAID and claim.paid_on:
        words = {
            "amount": format_pence(claim_total(claim)),
            "day": format_date(claim.paid_on, "long"),
            "how": str(METHOD_NAMES[claim.paid_method]) if claim.paid_method else "",
        }
        if claim.paid_reference:
            paid = _(
                "%(amount)s on %(day)s by %(how)s, reference %(ref)s",
                ref=claim.paid_reference,
                **words,
            )
        else:
            paid = _("%(amount)s on %(day)s by %(how)s, with no reference", **words)
    return {"person": person, "made_by": maker.name if maker else _("The person"), "paid": paid}


def people_choices() -> list[tuple[int, str]]:
    """Everyone who can have a new claim, by name: (id, "name (reference)"). Not those whose
    details were erased: nothing new may be recorded about them."""
    rows = db.session.execute(
        select(Participant.id, Participant.name)
        .where(Participant.erased_at.is_(None))
        .order_by(Participant.name)
    )
    return [(pid, f"{name} (P{pid:05d})") for pid, name in rows]
