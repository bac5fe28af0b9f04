"""A person's statement for a period: sessions, payments, expenses and what they chose.

`statement_for` returns plain data, so the staff pages and the person's own /me pages show the
same figures. Only approved and paid claims appear: they are what the charity owes or paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import LineKind
from app.ledger.models import PaymentChoice
from app.ledger.models import PaymentMethod
from app.ledger.totals import COUNTED
from app.people.models import Participant

CHOICE_NAMES = PaymentChoice.labels()
METHOD_NAMES = PaymentMethod.labels()
# A kind of cost's short words (Category.label): tables with little room use them
# (statements and letters, a session's payments, the payment export); the claim pages have
# their fuller choices (claim_forms.CATEGORY_WORDS, "Payment for time").
CATEGORY_SHORT_NAMES = Category.labels()
# On the person's own statement: no "mileage".
MY_CATEGORY_SHORT_NAMES = {**CATEGORY_SHORT_NAMES, Category.MILEAGE: _l("Driving your own car")}


@dataclass(frozen=True)
class SessionEntry:
    held_on: date
    title: str
    minutes: int
    role: AttendanceRole


@dataclass(frozen=True)
class StatementLine:
    spent_on: date
    description: str
    category: Category
    kind: LineKind
    amount_pence: int
    offered_pence: int | None
    choice: PaymentChoice | None
    counts_as_income: bool
    status: ClaimStatus
    method: PaymentMethod | None
    paid_on: date | None


@dataclass(frozen=True)
class PaymentMade:
    paid_on: date
    income_pence: int
    not_income_pence: int  # expenses paid back, and anything else that is not income

    @property
    def total_pence(self) -> int:
        return self.income_pence + self.not_income_pence


def _pence(lines: list[StatementLine], *, paid: bool) -> int:
    """The sum of these lines that are paid (or, with paid=False, approved and not paid yet)."""
    return sum(line.amount_pence for line in lines if (line.status == ClaimStatus.PAID) == paid)


@dataclass(frozen=True)
class PaidOwed:
    """Money in pence that has reached the person, and money approved that has not yet."""

    paid: int
    owed: int

    @classmethod
    def of(cls, lines: list[StatementLine]) -> PaidOwed:
        return cls(_pence(lines, paid=True), _pence(lines, paid=False))


@dataclass(frozen=True)
class Statement:
    participant_id: int
    name: str
    reference: str
    start: date
    end: date
    sessions: list[SessionEntry]
    payments: list[StatementLine]
    expenses: list[StatementLine]
    erased: bool = False  # their details were erased; the name is only a reference now
    language: str = "en"  # the language they chose, for their own copy of a letter

    @property
    def minutes(self) -> int:
        return sum(entry.minutes for entry in self.sessions)

    @property
    def income_pence(self) -> int:
        return sum(line.amount_pence for line in self.payments if line.counts_as_income)

    @property
    def expenses_pence(self) -> int:
        return sum(line.amount_pence for line in self.expenses)

    @property
    def paid_pence(self) -> int:
        return _pence(self.payments + self.expenses, paid=True)

    @property
    def for_time(self) -> PaidOwed:
        """Paid to them for their time (what went to a charity at their request is not), and
        approved but not paid yet: that is not in their hands."""
        return PaidOwed.of(self._income)

    @property
    def for_costs(self) -> PaidOwed:
        """Expenses paid back, and approved but not paid back yet."""
        return PaidOwed.of(self.expenses)

    @property
    def payments_made(self) -> list[PaymentMade]:
        """What reached them, one entry a day something was paid, oldest first."""
        days: dict[date, list[int]] = {}
        for line in self.payments + self.expenses:
            if line.status != ClaimStatus.PAID or line.paid_on is None or not line.amount_pence:
                continue
            if line.choice == PaymentChoice.CHARITY:
                continue
            amounts = days.setdefault(line.paid_on, [0, 0])
            amounts[0 if line.counts_as_income else 1] += line.amount_pence
        return [PaymentMade(day, *amounts) for day, amounts in sorted(days.items())]

    @property
    def _income(self) -> list[StatementLine]:
        return [
            line
            for line in self.payments
            if line.counts_as_income and line.choice != PaymentChoice.CHARITY
        ]

    @property
    def declined(self) -> list[StatementLine]:
        return [line for line in self.payments if line.choice == PaymentChoice.DECLINE]

    @property
    def declined_pence(self) -> int:
        return sum(line.offered_pence or 0 for line in self.declined)

    @property
    def charity(self) -> list[StatementLine]:
        return [line for line in self.payments if line.choice == PaymentChoice.CHARITY]

    @property
    def charity_pence(self) -> int:
        return sum(line.amount_pence for line in self.charity)


def statement_for(participant_id: int, start: date, end: date) -> Statement | None:
    """Everything for one person from start to end (both days included); None if no such person."""
    person = db.session.get(Participant, participant_id)
    if person is None:
        return None
    lines = _lines(participant_id, start, end)
    return Statement(
        participant_id=person.id,
        name=person.name,
        reference=person.reference,
        start=start,
        end=end,
        sessions=_sessions(participant_id, start, end),
        payments=[line for line in lines if line.category == Category.TIME],
        expenses=[line for line in lines if line.category != Category.TIME],
        erased=person.erased_at is not None,
        language=person.preferred_language or "en",
    )


def _sessions(participant_id: int, start: date, end: date) -> list[SessionEntry]:
    rows = db.session.execute(
        select(InvolvementSession, Attendance.role)
        .join(Attendance, Attendance.session_id == InvolvementSession.id)
        .where(
            Attendance.participant_id == participant_id,
            InvolvementSession.held_on.between(start, end),
        )
        .order_by(InvolvementSession.held_on, InvolvementSession.id)
    )
    return [SessionEntry(s.held_on, s.title, s.minutes, role) for s, role in rows]


def _lines(participant_id: int, start: date, end: date) -> list[StatementLine]:
    rows = db.session.execute(
        select(ClaimLine, Claim.status, Claim.paid_method, Claim.paid_on)
        .join(Claim)
        .where(
            Claim.participant_id == participant_id,
            Claim.status.in_(COUNTED),
            ClaimLine.spent_on.between(start, end),
        )
        .order_by(ClaimLine.spent_on, ClaimLine.id)
    )
    return [
        StatementLine(
            line.spent_on,
            line.description,
            line.category,
            line.kind,
            line.amount_pence,
            line.offered_pence,
            line.choice,
            line.counts_as_income,
            status,
            method,
            paid_on,
        )
        for line, status, method, paid_on in rows
    ]
