"""Logging a session: the attendances (contributions) and each person's draft claim.

One transaction per session, guarded by the form's key so a double tap saves once. Each
attendee gets a draft claim holding a payment line at the rate in force on the day (unless
they take expenses only) and expense lines for their travel and care.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy import select

from app.core.idempotency import use_key
from app.extensions import db
from app.ledger import claims
from app.ledger.claims import Actor
from app.ledger.claims import ClaimRefused
from app.ledger.claims import move
from app.ledger.models import ActivityType
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import Project
from app.ledger.models import RateBasis
from app.ledger.money import format_pence
from app.ledger.rates import BASIS_NAMES
from app.ledger.rates import HALF_DAY_MINUTES
from app.ledger.rates import Offer
from app.ledger.rates import amount_for
from app.ledger.rates import rates_in_force
from app.people.models import Participant
from app.people.models import PaymentPreference
from app.transactions import unit_of_work


class AlreadyDone(Exception):
    """This form was already saved (a double tap)."""


class SessionRefused(Exception):
    """The session cannot be saved as it is; the message says why, `field` says where."""

    def __init__(self, message: str, field: str = "basis") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AttendeeInput:
    participant_id: int
    role: AttendanceRole
    travel_pence: int = 0
    care_pence: int = 0


@dataclass(frozen=True)
class SessionDetails:
    title: str
    activity: ActivityType
    held_on: date
    minutes: int
    basis: RateBasis | None  # None: as the rate card says, when it has one way for this activity
    attendees: list[AttendeeInput]
    project_id: int | None = None
    new_project: str = ""


@unit_of_work()
def log_session(details: SessionDetails, staff_id: int, form_key: str | None) -> int:
    """Save the session, its attendances and draft claims; return the session's id."""
    offer = _offer(details)
    if not use_key(form_key):
        raise AlreadyDone
    session = InvolvementSession(
        project_id=_project_id(details),
        title=details.title,
        activity_type=details.activity,
        held_on=details.held_on,
        minutes=details.minutes,
        created_by_id=staff_id,
    )
    db.session.add(session)
    people = _people([a.participant_id for a in details.attendees])
    for attendee in details.attendees:
        attendance = Attendance(participant_id=attendee.participant_id, role=attendee.role)
        session.attendances.append(attendance)
        db.session.flush()
        lines = _lines(details, attendee, people[attendee.participant_id], attendance.id, offer)
        if lines:
            _add_draft_claim(attendee.participant_id, lines, staff_id)
    db.session.flush()
    return session.id


def _offer(details: SessionDetails) -> Offer | None:
    """What each person is offered: the rate card's one way of paying this activity on that day,
    or the way staff chose. When it is not plain which, the message says what the card has."""
    in_force = rates_in_force(details.activity, details.held_on)
    if not in_force:
        return None  # no rate for this activity: costs only, as the page says
    chosen = [r for r in in_force if details.basis in (None, r.basis)]
    if len(chosen) == 1:
        rate = chosen[0]
        if rate.basis == RateBasis.HALF_DAY and details.minutes > HALF_DAY_MINUTES:
            raise SessionRefused(
                _("A half day is up to 4 hours. Choose another way to pay."), field="basis"
            )
        return Offer(rate.id, rate.basis, amount_for(rate, details.minutes))
    card = format_list(
        [
            _("%(way)s (%(amount)s)", way=BASIS_NAMES[r.basis], amount=format_pence(r.amount_pence))
            for r in in_force
        ],
        style="or",
        locale=str(get_locale()),
    )
    if details.basis is None:
        message = _(
            "On that date the rate card pays this kind of session %(ways)s. Choose one.", ways=card
        )
    else:
        message = _(
            "The rate card has no rate paid that way for this kind of session on that "
            "date. It pays %(ways)s. Choose one of those, or ask an admin to add a rate.",
            ways=card,
        )
    raise SessionRefused(message, field="basis")


def _people(ids: list[int]) -> dict[int, Participant]:
    found = {
        p.id: p for p in db.session.scalars(select(Participant).where(Participant.id.in_(ids)))
    }
    if len(found) != len(set(ids)):
        raise SessionRefused(
            _("One of the people you chose is no longer on the list."), field="attendees"
        )
    return found


def _project_id(details: SessionDetails) -> int | None:
    name = details.new_project.strip()
    if not name:
        return details.project_id
    existing = db.session.scalar(select(Project.id).where(func.lower(Project.name) == name.lower()))
    if existing is not None:
        return existing
    project = Project(name=name)
    db.session.add(project)
    db.session.flush()
    return project.id


def _lines(
    details: SessionDetails,
    attendee: AttendeeInput,
    person: Participant,
    attendance_id: int,
    offer: Offer | None,
) -> list[ClaimLine]:
    lines = []
    if offer is not None and person.payment_preference != PaymentPreference.EXPENSES_ONLY:
        lines.append(_payment_line(details, person, attendance_id, offer))
    for pence, category, words in (
        (attendee.travel_pence, Category.TRAVEL, _("Travel to “%(title)s”", title=details.title)),
        (attendee.care_pence, Category.CARE, _("Care for “%(title)s”", title=details.title)),
    ):
        if pence > 0:
            lines.append(
                ClaimLine(
                    kind=LineKind.EXPENSE,
                    category=category,
                    spent_on=details.held_on,
                    description=words[:300],
                    amount_pence=pence,
                    counts_as_income=False,
                    attendance_id=attendance_id,
                )
            )
    return lines


def _payment_line(
    details: SessionDetails, person: Participant, attendance_id: int, offer: Offer
) -> ClaimLine:
    choice = {
        PaymentPreference.DECLINE: PaymentChoice.DECLINE,
        PaymentPreference.CHARITY: PaymentChoice.CHARITY,
    }.get(person.payment_preference, PaymentChoice.ACCEPT)
    declined = choice == PaymentChoice.DECLINE
    return ClaimLine(
        kind=LineKind.PAYMENT,
        category=Category.TIME,
        spent_on=details.held_on,
        description=_("Time at “%(title)s”", title=details.title)[:300],
        amount_pence=0 if declined else offer.pence,
        # Nothing is received when a payment is declined, so nothing counts as income.
        counts_as_income=not declined,
        offered_pence=offer.pence,
        choice=choice,
        rate_id=offer.rate_id,
        attendance_id=attendance_id,
    )


def _add_draft_claim(participant_id: int, lines: list[ClaimLine], staff_id: int) -> None:
    for line in lines:
        line.author_staff_id = staff_id  # whoever logged the session wrote these lines
    claim = Claim(
        participant_id=participant_id,
        status=ClaimStatus.DRAFT,
        created_by_staff_id=staff_id,
        lines=lines,
    )
    db.session.add(claim)
    db.session.flush()
    db.session.add(
        ClaimEvent(claim_id=claim.id, to_status=claim.status.value, actor_staff_id=staff_id)
    )


def attendee_choices() -> list[Participant]:
    """Everyone who can be picked as an attendee, by name. Nobody whose details were erased:
    they can no longer sign in, and nothing new may be recorded about them."""
    return list(
        db.session.scalars(
            select(Participant)
            .where(Participant.erased_at.is_(None))
            .order_by(Participant.name, Participant.id)
        )
    )


def project_choices() -> list[Project]:
    return list(db.session.scalars(select(Project).order_by(Project.name)))


@dataclass(frozen=True)
class SessionRow:
    session: InvolvementSession
    project: str
    attendees: int


@dataclass(frozen=True)
class AttendeeRow:
    name: str
    reference: str
    role: AttendanceRole
    claim_status: ClaimStatus | None
    lines: list[ClaimLine]


def recent_sessions(limit: int = 200) -> list[SessionRow]:
    """The newest sessions first, with their project and how many came."""
    count = (
        select(func.count(Attendance.id))
        .where(Attendance.session_id == InvolvementSession.id)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(InvolvementSession, Project.name, count)
        .outerjoin(Project, Project.id == InvolvementSession.project_id)
        .order_by(InvolvementSession.held_on.desc(), InvolvementSession.id.desc())
        .limit(limit)
    )
    return [SessionRow(session, name or "", attendees) for session, name, attendees in rows]


def session_detail(session_id: int) -> tuple[InvolvementSession, str, list[AttendeeRow]] | None:
    """The session, its project's name, and each attendee with the lines made for them."""
    session = db.session.get(InvolvementSession, session_id)
    if session is None:
        return None
    project = db.session.get(Project, session.project_id) if session.project_id else None
    people = db.session.execute(
        select(Attendance, Participant)
        .join(Participant, Participant.id == Attendance.participant_id)
        .where(Attendance.session_id == session_id)
        .order_by(Participant.name, Participant.id)
    ).all()
    lines = db.session.execute(
        select(ClaimLine, Claim.status)
        .join(Claim)
        .where(ClaimLine.attendance_id.in_([a.id for a, _p in people]))
        .order_by(ClaimLine.id)
    ).all()
    rows = []
    for attendance, person in people:
        mine = [(line, status) for line, status in lines if line.attendance_id == attendance.id]
        status = mine[0][1] if mine else None
        rows.append(
            AttendeeRow(
                person.name, person.reference, attendance.role, status, [m[0] for m in mine]
            )
        )
    return session, project.name if project else "", rows


@dataclass(frozen=True)
class SentDrafts:
    sent: int  # sent for a decision now
    refused: list[str]  # why others could not go, in words a person understands


def draft_claims_of(session_id: int) -> list[int]:
    """The claims made for this session's attendees that are still drafts, oldest first."""
    attendances = select(Attendance.id).where(Attendance.session_id == session_id)
    return list(
        db.session.scalars(
            select(Claim.id)
            .join(ClaimLine, ClaimLine.claim_id == Claim.id)
            .where(ClaimLine.attendance_id.in_(attendances), Claim.status == ClaimStatus.DRAFT)
            .distinct()
            .order_by(Claim.id)
        )
    )


def send_drafts(session_id: int, actor: Actor) -> SentDrafts:
    """Send every draft claim of the session for a decision, each in its own transaction.

    A second press (or a colleague pressing at once) finds them sent already and sends none
    twice: each move is a conditional UPDATE on the claim's status and version.
    """
    sent, refused = 0, []
    for claim_id in draft_claims_of(session_id):
        try:
            move(claim_id, ClaimStatus.SUBMITTED, actor)
        except claims.AlreadyDone:
            continue
        except ClaimRefused as problem:
            refused.append(str(problem))
        else:
            sent += 1
    return SentDrafts(sent, refused)
