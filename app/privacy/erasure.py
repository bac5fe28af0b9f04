"""Erasing a participant at their request: their details go, the payment records stay.

The charity must keep payment records for six years, so claims, their lines, receipts, batches,
sessions attended and the claim audit stay, under the reference "Person 0042" instead of a name.
Everything else that says who they are or how to reach them goes, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.people.models import PaymentPreference
from app.people.models import SignInCode
from app.privacy.models import ErasureRequest
from app.privacy.models import PrivacyEvent
from app.surveys.response_models import Response
from app.transactions import unit_of_work

# Claims still moving: someone may be owed money, so they are settled before the details go.
OPEN_CLAIMS = (
    ClaimStatus.DRAFT,
    ClaimStatus.SUBMITTED,
    ClaimStatus.CHANGES_REQUESTED,
    ClaimStatus.APPROVED,
)


class ErasureRefused(Exception):
    """Erasure cannot happen now; the view says why."""


class AlreadyErased(ErasureRefused):
    """Another press (or another admin) erased this person first."""


@dataclass(frozen=True)
class Erased:
    sign_in_codes: int
    messages: int
    survey_links: int

    def counts(self) -> str:
        return (
            f"sign_in_codes={self.sign_in_codes} messages={self.messages} "
            f"survey_links={self.survey_links}"
        )

    @property
    def rows(self) -> int:
        return 1 + self.sign_in_codes + self.messages + self.survey_links


def erased_name(participant_id: int) -> str:
    """The reference an erased person's payment records are kept under."""
    return f"Person {participant_id:04d}"


def open_claims(participant_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count(Claim.id)).where(
                Claim.participant_id == participant_id, Claim.status.in_(OPEN_CLAIMS)
            )
        )
        or 0
    )


@unit_of_work()
def ask(participant_id: int) -> bool:
    """Record a participant's request; False if one is already waiting (a second press)."""
    waiting = db.session.scalar(
        select(ErasureRequest.id).where(
            ErasureRequest.participant_id == participant_id, ErasureRequest.handled_at.is_(None)
        )
    )
    if waiting is not None:
        return False
    db.session.add(ErasureRequest(participant_id=participant_id))
    return True


def waiting_request(participant_id: int) -> ErasureRequest | None:
    return db.session.scalar(
        select(ErasureRequest).where(
            ErasureRequest.participant_id == participant_id, ErasureRequest.handled_at.is_(None)
        )
    )


def waiting_requests() -> list[tuple[ErasureRequest, Participant]]:
    """Requests staff have not acted on yet, oldest first."""
    rows = db.session.execute(
        select(ErasureRequest, Participant)
        .join(Participant, Participant.id == ErasureRequest.participant_id)
        .where(ErasureRequest.handled_at.is_(None))
        .order_by(ErasureRequest.requested_at, ErasureRequest.id)
    ).all()
    return [(request, person) for request, person in rows]


@unit_of_work()
def erase(participant_id: int, staff_id: int) -> Erased:
    """Erase one participant's details in a single audited transaction."""
    if open_claims(participant_id):
        raise ErasureRefused
    _blank_person(participant_id)
    done = Erased(
        sign_in_codes=_delete(SignInCode, SignInCode.participant_id == participant_id),
        messages=_delete(OutboxMessage, OutboxMessage.participant_id == participant_id),
        survey_links=_unlink_answers(participant_id),
    )
    _close_requests(participant_id, staff_id)
    db.session.add(
        PrivacyEvent(
            action="erasure",
            participant_id=participant_id,
            actor_staff_id=staff_id,
            counts=done.counts(),
            rows=done.rows,
        )
    )
    return done


def _blank_person(participant_id: int) -> None:
    """Only the one request whose UPDATE finds the person not yet erased goes on."""
    result = db.session.execute(
        update(Participant)
        .where(Participant.id == participant_id, Participant.erased_at.is_(None))
        .values(
            name=erased_name(participant_id),
            email=None,
            phone=None,
            preferred_language="en",
            contact_ways=[],
            hear_back=False,
            access_needs=[],
            interpreter_language="",
            access_other="",
            payment_preference=PaymentPreference.BANK_TRANSFER,
            receives_benefits=False,
            benefits=[],
            paused=True,  # nobody contacts them again
            staff_user_id=None,
            card_code_digest=None,  # their card stops working
            session_version=Participant.session_version + 1,  # signed out everywhere
            updates_seen_at=None,
            erased_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise AlreadyErased


def _delete(model: type, condition: object) -> int:
    result = db.session.execute(
        delete(model).where(condition).execution_options(synchronize_session=False)
    )
    return result.rowcount


def _unlink_answers(participant_id: int) -> int:
    """Their survey answers stay in the results, but no longer say whose they are."""
    result = db.session.execute(
        update(Response)
        .where(Response.participant_id == participant_id)
        .values(
            participant_id=None, respondent_name=None, resume_digest=None, resume_expires_at=None
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def _close_requests(participant_id: int, staff_id: int) -> None:
    db.session.execute(
        update(ErasureRequest)
        .where(ErasureRequest.participant_id == participant_id, ErasureRequest.handled_at.is_(None))
        .values(handled_at=utcnow(), handled_by_id=staff_id)
        .execution_options(synchronize_session=False)
    )
