"""Moving a claim through its life: the rules, the audit trail, and exactly-once under races.

Every move is one conditional UPDATE (status and version must still be what we read) checked by
row count, then an audit row, in one transaction. Two people pressing "Pay" at once, two app
processes, a double tap: one wins, the others get AlreadyDone. This holds on SQLite (where
SELECT ... FOR UPDATE does nothing) and on PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.auth.models import StaffUser
from app.db import utcnow
from app.extensions import db
from app.ledger import claim_messages
from app.ledger.models import CLAIM_MOVES
from app.ledger.models import NEEDS_REASON
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentMethod
from app.ledger.models import Setting
from app.people.models import Participant
from app.people.staff_link import is_own_record
from app.transactions import unit_of_work

COORDINATOR_LIMIT_KEY = "coordinator_approval_limit_pence"
DEFAULT_COORDINATOR_LIMIT = 5000
APPROVERS = frozenset({Role.ADMIN, Role.FINANCE})
PAYERS = frozenset({Role.ADMIN, Role.FINANCE})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a member of staff with a role, or the participant whose claim it is."""

    staff_id: int | None = None
    role: Role | None = None
    participant_id: int | None = None


@dataclass(frozen=True)
class Payment:
    method: PaymentMethod
    reference: str
    paid_on: date


class ClaimRefused(Exception):
    """The move breaks a rule; the message says which, in plain words."""


class AlreadyDone(Exception):
    """Someone else (or the same person, a moment ago) already moved this claim."""


def coordinator_limit() -> int:
    stored = db.session.get(Setting, COORDINATOR_LIMIT_KEY)
    return int(stored.value) if stored else DEFAULT_COORDINATOR_LIMIT


@unit_of_work()
def set_coordinator_limit(pence: int) -> None:
    stored = db.session.get(Setting, COORDINATOR_LIMIT_KEY)
    if stored is None:
        db.session.add(Setting(key=COORDINATOR_LIMIT_KEY, value=str(pence)))
    else:
        stored.value = str(pence)


def move(
    claim_id: int, to: ClaimStatus, actor: Actor, reason: str = "", payment: Payment | None = None
) -> Claim:
    """Move the claim to `to`, or raise ClaimRefused / AlreadyDone. One transaction."""
    with unit_of_work():
        claim = _move(claim_id, to, actor, reason, payment)
    db.session.refresh(claim)
    return claim


def _move(
    claim_id: int, to: ClaimStatus, actor: Actor, reason: str, payment: Payment | None
) -> Claim:
    claim = db.session.scalar(select(Claim).where(Claim.id == claim_id))
    if claim is None:
        raise ClaimRefused(_("There is no such claim."))
    if claim.status == to:
        raise AlreadyDone
    _check(claim, to, actor, reason.strip(), payment)
    values = _values(to, actor, reason.strip(), payment)
    changed = db.session.execute(
        update(Claim)
        .where(Claim.id == claim.id, Claim.status == claim.status, Claim.version == claim.version)
        .where(*_guards(to, actor))
        .values(status=to, version=Claim.version + 1, **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        if to == ClaimStatus.CANCELLED and in_batch(claim.id):
            raise ClaimRefused(in_batch_message())
        raise AlreadyDone
    event = ClaimEvent(
        claim_id=claim.id,
        from_status=claim.status.value,
        to_status=to.value,
        actor_staff_id=actor.staff_id,
        actor_participant_id=actor.participant_id,
        reason=reason.strip(),
    )
    db.session.add(event)
    db.session.flush()
    db.session.refresh(claim)
    # The person hears of it, queued in the same transaction.
    claim_messages.enqueue(claim, event)
    return claim


def _guards(to: ClaimStatus, actor: Actor) -> list:
    """Conditions the database itself checks in the same UPDATE, so no race slips past them."""
    if to in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        return _not_own_guards(to, actor.staff_id)
    if to == ClaimStatus.CANCELLED:
        # Once finance has put a line in a payment batch, the batch pays it: only a reversal
        # may undo it, never a cancel (the export bumps the claim's version to meet us here).
        return [~exists().where(ClaimLine.claim_id == Claim.id, ClaimLine.batch_id.is_not(None))]
    return []


def _not_own_guards(to: ClaimStatus, staff_id: int | None) -> list:
    """Nobody who made, wrote a line of, or sent a claim, nor its own person, decides on it."""

    def not_me(column):
        return or_(column.is_(None), column != staff_id)

    guards = [
        not_me(Claim.created_by_staff_id),
        not_me(Claim.submitted_by_staff_id),
        ~exists().where(ClaimLine.claim_id == Claim.id, ClaimLine.author_staff_id == staff_id),
        ~exists().where(
            Participant.id == Claim.participant_id, Participant.staff_user_id == staff_id
        ),
    ]
    if to == ClaimStatus.PAID:
        guards.append(not_me(Claim.approved_by_id))  # the approver and the payer differ
    return guards


def in_batch(claim_id: int) -> bool:
    """Whether any line of this claim is in a payment batch."""
    query = select(ClaimLine.id).where(
        ClaimLine.claim_id == claim_id, ClaimLine.batch_id.is_not(None)
    )
    return db.session.scalar(query.limit(1)) is not None


def in_batch_message() -> str:
    return _(
        "This claim is already being paid, so it cannot be cancelled. "
        "Once it is paid, staff can undo it with a reversal."
    )


def _values(to: ClaimStatus, actor: Actor, reason: str, payment: Payment | None) -> dict:
    values: dict = {}
    if to in NEEDS_REASON:
        values["reason"] = reason
    if to == ClaimStatus.SUBMITTED:
        values["submitted_at"] = utcnow()
        values["submitted_by_staff_id"] = actor.staff_id  # None: the person sent it
    if to == ClaimStatus.APPROVED:
        values["approved_by_id"] = actor.staff_id
    if to == ClaimStatus.PAID and payment is not None:
        values.update(
            paid_by_id=actor.staff_id,
            paid_method=payment.method,
            paid_reference=payment.reference.strip()[:120],
            paid_on=payment.paid_on,
        )
    return values


def _check(
    claim: Claim, to: ClaimStatus, actor: Actor, reason: str, payment: Payment | None
) -> None:
    if to not in CLAIM_MOVES[claim.status]:
        raise ClaimRefused(
            _(
                "This claim cannot go from “%(from)s” to “%(to)s”.",
                **{"from": status_label(claim.status), "to": status_label(to)},
            )
        )
    if to in NEEDS_REASON and not reason:
        raise ClaimRefused(_("Write a reason. The person will see it."))
    if to == ClaimStatus.CANCELLED and in_batch(claim.id):
        raise ClaimRefused(in_batch_message())
    if actor.participant_id is not None:
        _check_participant(claim, to, actor)
        return
    if actor.staff_id is None or actor.role is None:
        raise ClaimRefused(_("Sign in to do this."))
    if to in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        _check_not_own(claim, actor, to)
    if to == ClaimStatus.APPROVED:
        _check_approver(claim, actor)
    if to == ClaimStatus.PAID:
        if actor.role not in PAYERS:
            raise ClaimRefused(_("Only finance can mark a claim as paid."))
        if payment is None:
            raise ClaimRefused(_("Say how and when it was paid."))
    if to in (ClaimStatus.REJECTED, ClaimStatus.CHANGES_REQUESTED) and actor.role == Role.VIEWER:
        raise ClaimRefused(_("Viewers cannot change claims."))


def _check_participant(claim: Claim, to: ClaimStatus, actor: Actor) -> None:
    if claim.participant_id != actor.participant_id:
        raise ClaimRefused(_("There is no such claim."))
    if to not in (ClaimStatus.SUBMITTED, ClaimStatus.CANCELLED):
        raise ClaimRefused(_("Only staff can do this."))


def _check_not_own(claim: Claim, actor: Actor, to: ClaimStatus) -> None:
    if claim.created_by_staff_id == actor.staff_id:
        raise ClaimRefused(_("You made this claim, so someone else must approve and pay it."))
    if claim.submitted_by_staff_id == actor.staff_id:
        raise ClaimRefused(_("You sent this claim, so someone else must approve and pay it."))
    authors = select(ClaimLine.id).where(
        ClaimLine.claim_id == claim.id, ClaimLine.author_staff_id == actor.staff_id
    )
    if db.session.scalar(authors.limit(1)) is not None:
        raise ClaimRefused(
            _("You wrote a line of this claim, so someone else must approve and pay it.")
        )
    if _is_own_record(claim.participant_id, actor.staff_id):
        raise ClaimRefused(_("This is your own claim, so someone else must approve and pay it."))
    if to == ClaimStatus.PAID and claim.approved_by_id == actor.staff_id:
        raise ClaimRefused(_("You approved this claim, so someone else must pay it."))


def own_claim_reason(claim: Claim, actor: Actor, to: ClaimStatus) -> str:
    """Why this member of staff may not approve or pay the claim; empty when they may."""
    try:
        _check_not_own(claim, actor, to)
    except ClaimRefused as refused:
        return str(refused)
    return ""


def _is_own_record(participant_id: int, staff_id: int | None) -> bool:
    person = db.session.get(Participant, participant_id)
    return is_own_record(person, db.session.get(StaffUser, staff_id or 0))


def _check_approver(claim: Claim, actor: Actor) -> None:
    if actor.role in APPROVERS:
        return
    if actor.role == Role.COORDINATOR:
        total = db.session.scalar(
            select(func.coalesce(func.sum(ClaimLine.amount_pence), 0)).where(
                ClaimLine.claim_id == claim.id
            )
        )
        if total <= coordinator_limit():
            return
        raise ClaimRefused(
            _("This claim is over the amount coordinators can approve. Ask finance to approve it.")
        )
    raise ClaimRefused(_("Only finance and coordinators can approve claims."))


def status_label(status: ClaimStatus) -> str:
    labels = {
        ClaimStatus.DRAFT: _("Not sent yet"),
        ClaimStatus.SUBMITTED: _("Sent, waiting for a decision"),
        ClaimStatus.APPROVED: _("Approved, waiting to be paid"),
        ClaimStatus.REJECTED: _("Not approved"),
        ClaimStatus.CHANGES_REQUESTED: _("Changes needed"),
        ClaimStatus.PAID: _("Paid"),
        ClaimStatus.CANCELLED: _("Cancelled"),
    }
    return labels[status]
