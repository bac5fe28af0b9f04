"""People hear what happened to their claim (approved, needs a change, cannot be paid, paid) by
the way they chose, in their language, through the outbox and a real SMTP server."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.ledger.claims import Actor
from app.ledger.claims import move
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.outbox.models import MessageStatus
from app.outbox.sender import Outcome
from app.people.models import Participant
from tests.conftest import make_staff
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import pay
from tests.people.conftest import Mailbox

AMA = "ama@example.org"


def _speaks(app: Flask, person: int, language: str) -> None:
    with app.app_context():
        db.session.get(Participant, person).preferred_language = language
        db.session.commit()


def _made_by_them(app: Flask, claim_id: int) -> None:
    with app.app_context():
        db.session.execute(
            update(Claim).where(Claim.id == claim_id).values(created_by_staff_id=None)
        )
        db.session.commit()


def _ask_for_a_change(app: Flask, claim_id: int, reason: str) -> None:
    finance = make_staff(app, Role.FINANCE, email="checker@example.org")
    with app.app_context():
        move(
            claim_id,
            ClaimStatus.CHANGES_REQUESTED,
            Actor(staff_id=finance.id, role=Role.FINANCE),
            reason=reason,
        )


def _english_mailbox(app: Flask, ledger, smtp_server) -> Mailbox:
    """Ama reads English; her claim is approved; the mailbox the server fills."""
    _speaks(app, ledger.participant, "en")
    mailbox = Mailbox()
    smtp_server(mailbox)
    approve(app, ledger.claim)
    return mailbox


def test_approval_and_payment_are_emailed_once_each_in_english(
    app: Flask, ledger, smtp_server, send, outbox_rows
) -> None:
    mailbox = _english_mailbox(app, ledger, smtp_server)
    assert send() == Outcome(sent=1)
    pay(app, ledger.claim)
    assert send() == Outcome(sent=1)
    assert send() == Outcome()  # nothing twice
    first, second = (Mailbox.body(m) for m in mailbox.to(AMA))
    assert f"We approved your claim {ledger.claim} for £34.80. We will pay it soon." in first
    assert f"We paid your claim {ledger.claim}: £34.80. How we paid: Bank transfer." in second
    assert f"/me/claims/{ledger.claim}?locale=en" in first
    assert mailbox.to(AMA)[0]["Subject"].endswith(f"your claim {ledger.claim} is approved")
    assert mailbox.to(AMA)[1]["Subject"].endswith(f"your claim {ledger.claim} is paid")
    assert "List-Unsubscribe" not in mailbox.to(AMA)[0]  # news of their own money, not a list
    assert [row.status for row in outbox_rows()] == [MessageStatus.SENT] * 2


def test_the_news_comes_in_the_persons_own_language(app: Flask, ledger, smtp_server, send) -> None:
    mailbox = Mailbox()
    smtp_server(mailbox)  # Ama reads Welsh
    approve(app, ledger.claim)
    assert send() == Outcome(sent=1)
    body = Mailbox.body(mailbox.to(AMA)[0])
    assert "We approved" not in body and "£34.80" in body and "?locale=cy" in body


def test_a_change_asked_for_on_their_own_claim_says_what_to_change(
    app: Flask, ledger, outbox_rows
) -> None:
    _speaks(app, ledger.participant, "en")
    _made_by_them(app, ledger.claim)
    _ask_for_a_change(app, ledger.claim, "Add a photo of the bus ticket")
    (row,) = outbox_rows()
    assert "needs a change before we can pay it" in row.body
    assert "What to change: Add a photo of the bus ticket" in row.body


def test_a_change_on_a_claim_staff_made_is_for_staff_and_is_not_sent(
    app: Flask, ledger, outbox_rows
) -> None:
    _ask_for_a_change(app, ledger.claim, "Wrong session")
    assert outbox_rows() == []


def test_someone_we_cannot_email_gets_no_message(app: Flask, ledger, outbox_rows) -> None:
    with app.app_context():
        db.session.execute(
            update(Claim)
            .where(Claim.id == ledger.claim)
            .values(participant_id=ledger.other_participant)
        )
        db.session.commit()
    approve(app, ledger.claim)  # Ben chose text messages, which we cannot send yet
    assert outbox_rows() == []


def test_news_queued_then_made_impossible_is_not_sent(
    app: Flask, ledger, smtp_server, send, outbox_rows
) -> None:
    mailbox = Mailbox()
    smtp_server(mailbox)
    approve(app, ledger.claim)
    with app.app_context():
        person = db.session.get(Participant, ledger.participant)
        person.email, person.contact_ways = None, ["text"]  # they changed how to reach them
        db.session.commit()
    send()
    assert mailbox.messages == []
    (row,) = outbox_rows()
    assert row.status != MessageStatus.SENT


def test_approved_and_paid_before_the_sender_ran_sends_only_the_payment(
    app: Flask, ledger, smtp_server, send, outbox_rows
) -> None:
    mailbox = _english_mailbox(app, ledger, smtp_server)
    pay(app, ledger.claim)
    send()
    (only,) = mailbox.to(AMA)
    assert "We paid your claim" in Mailbox.body(only)
    assert [row.status for row in outbox_rows()] == [MessageStatus.CANCELLED, MessageStatus.SENT]
