"""Sending queued messages: each at most once, retried with growing waits, none silently lost.

A sender claims one message with a conditional UPDATE and commits before talking to the mail
server, so two senders never both own a message. A message left claimed by a sender that
stopped is marked uncertain, never resent: it may already have gone.
"""

from __future__ import annotations

import enum
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any

from flask import Flask
from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.extensions import db
from app.outbox.channels import PermanentFailure
from app.outbox.channels import TemporaryFailure
from app.outbox.channels import UncertainDelivery
from app.outbox.channels import channel
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.transactions import unit_of_work

KINDS = "withus.outbox_kinds"
Rewrite = Callable[[OutboxMessage, Participant | None], str]
"""Rewrites a claimed message in today's words, or says why it must not go ("" if it may)."""

BACKOFF_MINUTES = (1, 5, 15, 60, 180, 360, 720)  # then every 12 hours until the last try
STALE_CLAIM = "A sender stopped while sending this. It may have gone, so it is not sent again."


class Result(enum.StrEnum):
    SENT = "sent"
    RETRYING = "retrying"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNCERTAIN = "uncertain"


@dataclass
class Outcome:
    """What one run did, counted by result."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    uncertain: int = 0
    # What a person reading the command's output needs; not part of what a run did.
    waiting: int = field(default=0, compare=False)  # not due yet: to be tried again later
    problem: str = field(default="", compare=False)  # the last thing that went wrong

    def add(self, result: Result) -> None:
        setattr(self, result.value, getattr(self, result.value) + 1)

    def summary(self) -> str:
        line = (
            f"Sent {self.sent}, retrying {self.retrying}, failed {self.failed}, "
            f"cancelled {self.cancelled}, uncertain {self.uncertain}; "
            f"{self.waiting} waiting for a later try."
        )
        return f"{line} Last problem: {self.problem}" if self.problem else line


def init_app(app: Flask, kinds: dict[str, Rewrite]) -> None:
    """Who rewrites each kind of message ("update", "claim", "digest") just before it goes.

    The packages that queue messages sit above the outbox, so they are named here by the app
    rather than imported by the sender."""
    app.extensions[KINDS] = kinds


def kind_of(message: OutboxMessage) -> str:
    if message.digest_survey_id is not None:
        return "digest"
    return "claim" if message.claim_event_id is not None else "update"


def backoff(attempts: int) -> timedelta:
    """How long to wait after this many tries: short at first, then up to 12 hours."""
    return timedelta(minutes=BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1])


def send_pending(limit: int = 100, now: datetime | None = None) -> Outcome:
    """Send up to limit messages that are due; stops early when the mail server is down."""
    # Each claim is stamped with the time it was made: a long batch must not make its own
    # latest claims look stale to another sender. Tests pass a fixed now to move time.
    clock: Callable[[], datetime] = (lambda: now) if now else utcnow
    outcome = Outcome(uncertain=mark_stale(clock()))
    for message_id in _due(limit, clock()):
        token = claim(message_id, clock())
        if token is None:
            continue  # another sender got there first
        result, stop = _send_one(message_id, token, clock)
        outcome.add(result)
        if result in (Result.RETRYING, Result.FAILED, Result.UNCERTAIN):
            outcome.problem = _last_error(message_id)
        if stop:
            break  # the others stay pending, untouched, rather than hammer a server that is down
    outcome.waiting = _waiting(clock())
    return outcome


@unit_of_work()
def _last_error(message_id: int) -> str:
    error = db.session.scalar(
        select(OutboxMessage.last_error).where(OutboxMessage.id == message_id)
    )
    return error or ""


@unit_of_work()
def _waiting(now: datetime) -> int:
    count = db.session.scalar(
        select(func.count(OutboxMessage.id)).where(
            OutboxMessage.status == MessageStatus.PENDING, OutboxMessage.next_attempt_at > now
        )
    )
    return int(count or 0)


@unit_of_work()
def mark_stale(now: datetime) -> int:
    """Messages claimed longer ago than the lease become uncertain; returns how many."""
    cutoff = now - timedelta(seconds=current_app.config["NOTIFY_LEASE_SECONDS"])
    changed = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.SENDING, OutboxMessage.claimed_at < cutoff)
        .values(status=MessageStatus.UNCERTAIN, last_error=STALE_CLAIM)
        .execution_options(synchronize_session=False)
    ).rowcount
    return changed


@unit_of_work()
def _due(limit: int, now: datetime) -> list[int]:
    """The messages due now; a unit of work of its own, as SQLite holds its write lock for the
    whole transaction."""
    ids = list(
        db.session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == MessageStatus.PENDING)
            .where(OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
    )
    return ids


@unit_of_work()
def claim(message_id: int, now: datetime) -> str | None:
    """Take a due message for this sender; its claim token, or None if someone else has it.

    Committed (the unit of work ends) before the mail server is called, so all see the claim."""
    token = secrets.token_hex(16)
    claimed = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == MessageStatus.PENDING,
            OutboxMessage.next_attempt_at <= now,
        )
        .values(
            status=MessageStatus.SENDING,
            claim_token=token,
            claimed_at=now,
            attempts=OutboxMessage.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    return token if claimed == 1 else None


def _send_one(message_id: int, token: str, clock: Callable[[], datetime]) -> tuple[Result, bool]:
    """Send a claimed message; the result, and whether the rest of the batch should wait."""
    message, why_not = _ready(message_id)
    if message is None:
        return Result.CANCELLED, False  # the person was erased, and their messages with them
    if why_not:
        return _finish(message_id, token, clock(), MessageStatus.CANCELLED, why_not), False
    way = channel(message.channel)
    if way is None:
        reason = f"No way to send {message.channel} messages is set up."
        return _finish(message_id, token, clock(), MessageStatus.FAILED, reason), False
    try:
        way.send(message)
    except TemporaryFailure as error:
        return _retry(message, token, clock(), str(error)), error.whole_server
    except PermanentFailure as error:
        return _finish(message_id, token, clock(), MessageStatus.FAILED, str(error)), False
    except UncertainDelivery as error:
        reason = f"The connection broke while sending, so it may have gone: {error}"
        return _finish(message_id, token, clock(), MessageStatus.UNCERTAIN, reason), False
    return _finish(message_id, token, clock(), MessageStatus.SENT), False


@unit_of_work()
def _ready(message_id: int) -> tuple[OutboxMessage | None, str]:
    """The claimed message, detached for sending, and why it must not go ("" if it may). No
    transaction (nor SQLite's lock) is held once this unit of work ends and the server is called.

    What the message is about (an update, a claim) rewrites it in today's words, or says why
    it must not go: see KINDS and init_app.
    """
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        return None, ""
    person = db.session.get(Participant, message.participant_id) if message.participant_id else None
    why_not = current_app.extensions[KINDS][kind_of(message)](message, person)
    db.session.expunge(message)
    return message, why_not


@unit_of_work()
def _retry(message: OutboxMessage, token: str, now: datetime, reason: str) -> Result:
    if message.attempts >= current_app.config["NOTIFY_MAX_ATTEMPTS"]:
        gave_up = f"Gave up after {message.attempts} tries. Last: {reason}"
        return _finish(message.id, token, now, MessageStatus.FAILED, gave_up)
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.claim_token == token)
        .values(
            status=MessageStatus.PENDING,
            next_attempt_at=now + backoff(message.attempts),
            last_error=reason,
        )
        .execution_options(synchronize_session=False)
    )
    return Result.RETRYING


FINAL = {
    MessageStatus.SENT: Result.SENT,
    MessageStatus.FAILED: Result.FAILED,
    MessageStatus.CANCELLED: Result.CANCELLED,
    MessageStatus.UNCERTAIN: Result.UNCERTAIN,
}


@unit_of_work()
def _finish(
    message_id: int, token: str, now: datetime, status: MessageStatus, reason: str = ""
) -> Result:
    """Record how it went; only the sender holding the claim may."""
    values: dict[str, Any] = {"status": status}
    if status == MessageStatus.SENT:
        values["sent_at"] = now
    if reason:
        values["last_error"] = reason
    done = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.claim_token == token)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if done != 1:
        current_app.logger.warning("Outbox message %s changed hands while sending", message_id)
    return FINAL[status]


def keep_sending(
    limit: int,
    interval: float,
    report: Callable[[Outcome], None],
    rounds: int | None = None,
) -> None:
    """Send every interval seconds, for ever (or rounds times); a failed round is only logged."""
    done = 0
    while rounds is None or done < rounds:
        try:
            report(send_pending(limit))
        except Exception:  # the database or a bug: say so, then try again next round
            current_app.logger.exception("Sending notifications failed")
        finally:
            db.session.remove()
        done += 1
        if rounds is None or done < rounds:
            time.sleep(interval)
