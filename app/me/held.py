"""The parts of "everything we hold about you" beyond details, sessions, claims and answers:
messages we sent, sign-in code records, erasure requests, privacy actions and receipt photos.

Sign-in codes are listed by when they were issued and used: the code (and its digest) never.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import Receipt
from app.outbox.models import OutboxMessage
from app.people.models import SignInCode
from app.privacy.models import ErasureRequest
from app.privacy.models import PrivacyEvent
from app.surveys.summary.models import SummaryQuote

RECEIPT_FOLDER = "receipts"
EXPORT_NAME = "my-data.json"


def when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def rows_where(model: Any, column: Any, value: int) -> list[Any]:
    """Every row of `model` whose `column` is `value`, oldest first: one section of the export."""
    return list(db.session.scalars(select(model).where(column == value).order_by(model.id)))


def receipt_file(receipt_id: int) -> str:
    """The receipt's file name inside the download: the JSON names it, the ZIP holds it."""
    return f"{RECEIPT_FOLDER}/receipt-{receipt_id}.jpg"


def receipts_of_claim(claim_id: int) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Receipt.id, Receipt.content_type, Receipt.created_at)
        .where(Receipt.claim_id == claim_id)
        .order_by(Receipt.id)
    ).all()
    return [
        {
            "id": r.id,
            "file": receipt_file(r.id),
            "type": r.content_type,
            "added_at": when(r.created_at),
        }
        for r in rows
    ]


def messages_to(participant_id: int) -> list[dict[str, Any]]:
    """Every message queued or sent to the person, with the address it went to."""
    rows = rows_where(OutboxMessage, OutboxMessage.participant_id, participant_id)
    return [
        {
            "channel": m.channel,
            "address": m.address,
            "language": m.language,
            "subject": m.subject,
            "body": m.body,
            "status": m.status.value,
            "queued_at": when(m.created_at),
            "sent_at": when(m.sent_at),
        }
        for m in rows
    ]


def sign_in_codes_of(participant_id: int) -> list[dict[str, Any]]:
    rows = rows_where(SignInCode, SignInCode.participant_id, participant_id)
    return [
        {
            "issued_at": when(c.created_at),
            "expires_at": when(c.expires_at),
            "used_at": when(c.used_at),
        }
        for c in rows
    ]


def erasure_requests_of(participant_id: int) -> list[dict[str, Any]]:
    rows = rows_where(ErasureRequest, ErasureRequest.participant_id, participant_id)
    return [{"asked_at": when(r.requested_at), "done_at": when(r.handled_at)} for r in rows]


def privacy_actions_on(participant_id: int) -> list[dict[str, Any]]:
    rows = rows_where(PrivacyEvent, PrivacyEvent.participant_id, participant_id)
    return [{"action": e.action, "at": when(e.at), "what": e.counts} for e in rows]


def quoted(answer_ids: list[int]) -> set[int]:
    """Which of these answers are quoted (without a name) in a published results summary."""
    rows = db.session.scalars(
        select(SummaryQuote.answer_id).where(SummaryQuote.answer_id.in_(answer_ids))
    )
    return set(rows)


def receipt_images(participant_id: int) -> list[tuple[int, bytes]]:
    """Every receipt photo on the person's own claims, by id."""
    rows = db.session.execute(
        select(Receipt.id, Receipt.data)
        .join(Claim, Claim.id == Receipt.claim_id)
        .where(Claim.participant_id == participant_id)
        .order_by(Receipt.id)
    ).all()
    return [(row.id, row.data) for row in rows]


READABLE_NAME = "my-data.html"


def as_zip(held: dict[str, Any], images: list[tuple[int, bytes]], readable: str = "") -> bytes:
    """One file a phone or a computer opens: the page a person reads (my-data.html), the JSON
    a computer reads, and each receipt photo beside them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if readable:
            archive.writestr(READABLE_NAME, readable)
        archive.writestr(EXPORT_NAME, json.dumps(held, ensure_ascii=False, indent=2))
        for receipt_id, data in images:
            archive.writestr(receipt_file(receipt_id), data)
    return out.getvalue()
