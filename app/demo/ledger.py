"""Demo involvement: people with varied needs, a year of sessions, claims in every state."""

from __future__ import annotations

import random
from datetime import date
from datetime import timedelta

from app.db import utcnow
from app.extensions import db
from app.ledger.letterhead import store_letterhead
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
from app.ledger.models import PaymentMethod
from app.ledger.models import Project
from app.ledger.models import Rate
from app.ledger.models import RateBasis
from app.people.models import Participant
from app.people.models import PaymentPreference

PEOPLE = [
    # name, language, contact, needs, payment preference, benefits
    ("Dee", "en", ["email"], ["step_free"], PaymentPreference.BANK_TRANSFER, ["universal_credit"]),
    ("Marek", "pl", ["text"], ["interpreter"], PaymentPreference.CASH, []),
    ("Aisha", "ar", ["phone"], ["childcare"], PaymentPreference.VOUCHER, ["carers_allowance"]),
    (
        "Gwen",
        "cy",
        ["email", "post"],
        ["large_print", "hearing_loop"],
        PaymentPreference.BANK_TRANSFER,
        ["pip"],
    ),
    ("Imran", "ur", ["text"], [], PaymentPreference.EXPENSES_ONLY, ["esa"]),
    ("Rina", "bn", ["phone"], ["companion"], PaymentPreference.CHARITY, []),
    ("Sam", "en", ["email"], ["bsl"], PaymentPreference.DECLINE, []),
    ("Tom", "en", [], [], PaymentPreference.BANK_TRANSFER, []),
]
STATES = [
    ClaimStatus.DRAFT,
    ClaimStatus.SUBMITTED,
    ClaimStatus.APPROVED,
    ClaimStatus.REJECTED,
    ClaimStatus.CHANGES_REQUESTED,
    ClaimStatus.PAID,
    ClaimStatus.CANCELLED,
]
PATHS = {  # how a claim reaches each state, for an honest audit trail
    ClaimStatus.DRAFT: [],
    ClaimStatus.SUBMITTED: [ClaimStatus.SUBMITTED],
    ClaimStatus.APPROVED: [ClaimStatus.SUBMITTED, ClaimStatus.APPROVED],
    ClaimStatus.REJECTED: [ClaimStatus.SUBMITTED, ClaimStatus.REJECTED],
    ClaimStatus.CHANGES_REQUESTED: [ClaimStatus.SUBMITTED, ClaimStatus.CHANGES_REQUESTED],
    ClaimStatus.PAID: [ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID],
    ClaimStatus.CANCELLED: [ClaimStatus.SUBMITTED, ClaimStatus.CANCELLED],
}
REASONS = {
    ClaimStatus.REJECTED: "This bus fare was already paid on another claim.",
    ClaimStatus.CHANGES_REQUESTED: "Please add a photo of the ticket.",
}


# Made up for the demo: letters and statements show a whole letterhead.
DEMO_LETTERHEAD = {
    "name": "Northside Community Voices",
    "address": "The Old Library\n14 Chapel Street\nLeeds\nLS6 2AB",
    "phone": "0113 496 0718",
    "charity_number": "1190000",
    "signer_name": "Owen Price",
    "signer_role": "Involvement Coordinator",
}


def load_demo_ledger(coordinator_id: int, approver_id: int, payer_id: int) -> None:
    """Create the demo people, rates, a year of sessions and claims in every state. Claims are
    approved by one person and paid by another, as the ledger requires."""
    rng = random.Random(11)  # noqa: S311 - made-up demo data, not secrets
    people = [_person(*row) for row in PEOPLE]
    db.session.add_all(people)
    projects = [Project(name="Café review"), Project(name="Advice service redesign")]
    db.session.add_all(projects)
    _rates()
    db.session.flush()
    attendances = _sessions(rng, people, projects, coordinator_id)
    db.session.flush()
    for index, state in enumerate(STATES * 2):
        attendance = attendances[index * 3 % len(attendances)]
        _claim(attendance, state, coordinator_id, approver_id, payer_id)
    store_letterhead(DEMO_LETTERHEAD)
    # Dee took part in three long sessions this month, approved and not paid yet: close to her
    # benefits limits, for the warning. Each line carries its session's day, as a real one does.
    for days_ago in (2, 9, 16):
        session = InvolvementSession(
            project_id=projects[0].id,
            title="Café menu workshop",
            activity_type=ActivityType.WORKSHOP,
            held_on=date.today() - timedelta(days=days_ago),
            minutes=180,
            created_by_id=coordinator_id,
            attendances=[Attendance(participant_id=people[0].id, role=AttendanceRole.TAKING_PART)],
        )
        db.session.add(session)
        db.session.flush()
        _claim(session.attendances[0], ClaimStatus.APPROVED, coordinator_id, approver_id, payer_id)


def _person(name, language, contact, needs, preference, benefits) -> Participant:
    return Participant(
        name=name,
        email=f"{name.lower()}@example.org" if "email" in contact else None,
        phone="07700 900" + str(100 + len(name)) if {"text", "phone"} & set(contact) else None,
        preferred_language=language,
        contact_ways=contact,
        hear_back=bool(contact),
        access_needs=needs,
        interpreter_language="Polish" if "interpreter" in needs else "",
        payment_preference=preference,
        receives_benefits=bool(benefits),
        benefits=benefits,
    )


def _rates() -> None:
    last_april, this_april = date(utcnow().year - 1, 4, 1), date(utcnow().year, 4, 1)
    for when, hourly in ((last_april, 1500), (this_april, 1600)):
        card = (
            (ActivityType.WORKSHOP, RateBasis.HOURLY, hourly),
            (ActivityType.FOCUS_GROUP, RateBasis.HOURLY, hourly),
            (ActivityType.MEETING, RateBasis.HALF_DAY, hourly * 3),
            (ActivityType.INTERVIEW_PANEL, RateBasis.SESSION, 5000),
        )
        db.session.add_all(
            Rate(activity_type=kind, basis=basis, amount_pence=pence, effective_from=when)
            for kind, basis, pence in card
        )


def _sessions(rng, people, projects, coordinator_id) -> list[Attendance]:
    titles = [
        "Café menu workshop",
        "Advice line focus group",
        "Steering group meeting",
        "Interview panel: new support worker",
        "Opening hours workshop",
    ]
    kinds = [
        ActivityType.WORKSHOP,
        ActivityType.FOCUS_GROUP,
        ActivityType.MEETING,
        ActivityType.INTERVIEW_PANEL,
        ActivityType.WORKSHOP,
    ]
    attendances = []
    for month in range(12, 0, -1):
        pick = month % len(titles)
        session = InvolvementSession(
            project_id=projects[month % 2].id,
            title=titles[pick],
            activity_type=kinds[pick],
            held_on=date.today() - timedelta(days=30 * month - rng.randint(0, 10)),
            minutes=rng.choice([60, 90, 120, 180]),
            created_by_id=coordinator_id,
        )
        for person in rng.sample(people, rng.randint(4, 7)):
            session.attendances.append(
                Attendance(participant_id=person.id, role=rng.choice(list(AttendanceRole)))
            )
        db.session.add(session)
        attendances += session.attendances
    return attendances


def _claim(
    attendance: Attendance,
    state: ClaimStatus,
    coordinator_id: int,
    approver_id: int,
    payer_id: int,
) -> None:
    held = attendance.session.held_on
    pay = 1600 * attendance.session.minutes // 60
    claim = Claim(
        participant_id=attendance.participant_id,
        status=state,
        created_by_staff_id=coordinator_id,
        reason=REASONS.get(state, ""),
        lines=[
            ClaimLine(
                kind=LineKind.EXPENSE,
                category=Category.TRAVEL,
                spent_on=held,
                description="Bus there and back",
                amount_pence=480,
            ),
            ClaimLine(
                kind=LineKind.PAYMENT,
                category=Category.TIME,
                spent_on=held,
                description=attendance.session.title,
                amount_pence=pay,
                offered_pence=pay,
                counts_as_income=True,
                choice=PaymentChoice.ACCEPT,
                attendance_id=attendance.id,
            ),
        ],
    )
    if state in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        claim.approved_by_id = approver_id
    if state == ClaimStatus.PAID:
        claim.paid_by_id, claim.paid_method = payer_id, PaymentMethod.BANK_TRANSFER
        claim.paid_reference, claim.paid_on = f"BACS-{attendance.id:05d}", held + timedelta(7)
    db.session.add(claim)
    db.session.flush()
    before = ClaimStatus.DRAFT
    actors = {ClaimStatus.APPROVED: approver_id, ClaimStatus.PAID: payer_id}
    for step in PATHS[state]:
        actor = actors.get(step, coordinator_id)
        db.session.add(
            ClaimEvent(
                claim_id=claim.id,
                from_status=before.value,
                to_status=step.value,
                actor_staff_id=actor,
                reason=REASONS.get(step, ""),
            )
        )
        before = step
