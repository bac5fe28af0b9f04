"""The finance export: approved, unpaid lines go into a numbered payment batch, once only.

Putting lines into a batch is one conditional UPDATE (`batch_id IS NULL`) in the same
transaction as the new batch, so two exports at once can never share a line: the second finds
those lines taken and saves nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.core.spreadsheets import neutralise
from app.extensions import db
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentBatch
from app.ledger.statements import CATEGORY_SHORT_NAMES
from app.people.models import Participant
from app.people.models import PaymentPreference
from app.transactions import unit_of_work

NUMBER_TRIES = 5


class NothingToExport(Exception):
    """Every line asked for is already in a batch (or no longer approved)."""


@dataclass(frozen=True)
class ExportLine:
    line_id: int
    reference: str
    claim_id: int
    category: str
    amount_pence: int
    counts_as_income: bool
    preference: PaymentPreference | None


def pending_lines() -> list[ExportLine]:
    """Lines of approved claims that are not in a batch yet and have something to pay."""
    query = _line_query().where(
        ClaimLine.batch_id.is_(None),
        Claim.status == ClaimStatus.APPROVED,
        ClaimLine.amount_pence != 0,
    )
    return [_export_line(row) for row in db.session.execute(query)]


def batch_lines(number: int) -> list[ExportLine] | None:
    """The lines of batch `number`, or None when there is no such batch."""
    batch_id = db.session.scalar(select(PaymentBatch.id).where(PaymentBatch.number == number))
    if batch_id is None:
        return None
    query = _line_query().where(ClaimLine.batch_id == batch_id)
    return [_export_line(row) for row in db.session.execute(query)]


def batch_numbers() -> list[int]:
    """Earlier batches, newest first."""
    query = select(PaymentBatch.number).order_by(PaymentBatch.number.desc()).limit(50)
    return list(db.session.scalars(query))


def export_batch(line_ids: list[int], staff_id: int) -> int:
    """Put the still-free lines among line_ids into a new batch; its number. One transaction."""
    for _attempt in range(NUMBER_TRIES):
        try:
            return _try_export(line_ids, staff_id)
        except IntegrityError:
            # Someone took this batch number a moment ago (its unit of work rolled back): count
            # again and retry.
            continue
    raise NothingToExport


@unit_of_work()
def _try_export(line_ids: list[int], staff_id: int) -> int:
    number = (db.session.scalar(select(func.max(PaymentBatch.number))) or 0) + 1
    batch = PaymentBatch(number=number, created_by_id=staff_id)
    db.session.add(batch)
    db.session.flush()
    _hold_claims(line_ids)
    approved = select(Claim.id).where(Claim.status == ClaimStatus.APPROVED)
    taken = db.session.execute(
        update(ClaimLine)
        .where(
            ClaimLine.id.in_(line_ids),
            ClaimLine.batch_id.is_(None),
            ClaimLine.amount_pence != 0,
            ClaimLine.claim_id.in_(approved),
        )
        .values(batch_id=batch.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not taken:
        raise NothingToExport
    return number


def _hold_claims(line_ids: list[int]) -> None:
    """Bump the version of every approved claim these lines belong to, before taking the lines.

    A cancel is a conditional UPDATE of the claim row on its version, so whichever of the two
    commits first wins: the export finds the claim cancelled, or the cancel finds it moved on.
    """
    claim_ids = select(ClaimLine.claim_id).where(ClaimLine.id.in_(line_ids))
    db.session.execute(
        update(Claim)
        .where(Claim.id.in_(claim_ids), Claim.status == ClaimStatus.APPROVED)
        .values(version=Claim.version + 1)
        .execution_options(synchronize_session=False)
    )


def csv_text(lines: list[ExportLine]) -> str:
    """The batch as CSV; text cells cannot start a spreadsheet formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            _("Participant reference"),
            _("Claim"),
            _("Category"),
            _("What for"),
            _("Amount (£)"),
            _("Counts as income"),
            _("Payment method"),
        ]
    )
    for line in lines:
        writer.writerow(
            [
                neutralise(line.reference),
                str(line.claim_id),
                neutralise(line.category),
                neutralise(str(CATEGORY_SHORT_NAMES.get(Category(line.category), line.category))),
                pounds(line.amount_pence),
                _("yes") if line.counts_as_income else _("no"),
                neutralise(preference_words(line.preference)),
            ]
        )
    return out.getvalue()


def pounds(pence: int) -> str:
    """Pence as pounds with two decimals, by whole-number arithmetic (never a float)."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}{whole}.{part:02d}"


def preference_words(preference: PaymentPreference | None) -> str:
    words = {
        PaymentPreference.BANK_TRANSFER: _("Bank transfer"),
        PaymentPreference.VOUCHER: _("Voucher"),
        PaymentPreference.CASH: _("Cash"),
        PaymentPreference.EXPENSES_ONLY: _("Expenses only"),
        PaymentPreference.DECLINE: _("Declines payment"),
        PaymentPreference.CHARITY: _("Give to a charity"),
    }
    return words.get(preference, _("Not known")) if preference else _("Not known")


def _line_query():
    return (
        select(
            ClaimLine.id,
            Participant.id.label("participant_id"),
            ClaimLine.claim_id,
            ClaimLine.category,
            ClaimLine.amount_pence,
            ClaimLine.counts_as_income,
            Participant.payment_preference,
        )
        .join(Claim, Claim.id == ClaimLine.claim_id)
        .join(Participant, Participant.id == Claim.participant_id)
        .order_by(ClaimLine.claim_id, ClaimLine.id)
    )


def _export_line(row) -> ExportLine:
    return ExportLine(
        line_id=row.id,
        reference=f"P{row.participant_id:05d}",
        claim_id=row.claim_id,
        category=row.category.value,
        amount_pence=row.amount_pence,
        counts_as_income=row.counts_as_income,
        preference=row.payment_preference,
    )
