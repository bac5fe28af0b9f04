"""Senders started at the same moment never send one message twice (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from flask import Flask

from app.extensions import db
from app.feedback import services
from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.outbox.models import MessageStatus
from app.outbox.sender import Outcome
from app.outbox.sender import send_pending
from app.people.models import Participant
from tests.people.conftest import Mailbox

NEW_PEOPLE = 20


@pytest.fixture
def crowd(app: Flask, ledger) -> int:
    """Twenty more people at the ledger's workshop, then an update about it: one message each."""
    with app.test_request_context():
        for number in range(NEW_PEOPLE):
            person = Participant(
                name=f"Person {number}",
                email=f"person{number}@example.org",
                hear_back=True,
                contact_ways=["email"],
            )
            db.session.add(person)
            db.session.flush()
            db.session.add(
                Attendance(
                    session_id=ledger.session,
                    participant_id=person.id,
                    role=AttendanceRole.TAKING_PART,
                )
            )
        db.session.commit()
        record = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="We need a ramp.",
                status=UpdateStatus.DOING,
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        )
        services.publish(record.id, ledger.coordinator)
    return NEW_PEOPLE + 1  # and Ama, who was there too (Ben has no email)


def _race(app: Flask, senders: int) -> list[Outcome]:
    start = threading.Barrier(senders)
    outcomes: list[Outcome] = []
    errors: list[BaseException] = []

    def sender() -> None:
        try:
            with app.app_context():
                start.wait(timeout=10)
                outcomes.append(send_pending())
        except BaseException as error:  # noqa: BLE001  reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=sender) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len(outcomes) == senders
    return outcomes


@pytest.mark.parametrize("senders", [2, 4])
def test_senders_racing_send_each_message_exactly_once(
    app: Flask, crowd: int, mailbox: Mailbox, outbox_rows, senders: int
) -> None:
    queued = outbox_rows()
    assert len(queued) == crowd

    outcomes = _race(app, senders)

    per_address = Counter(message["To"] for message in mailbox.messages)
    duplicates = sum(count - 1 for count in per_address.values())
    sent = sum(outcome.sent for outcome in outcomes)
    with app.app_context():
        backend = db.engine.dialect.name
    print(  # the figures, for the record (pytest -s shows them)
        f"\n[{backend}] queued={len(queued)} senders={senders} sent={sent} "
        f"received={len(mailbox.messages)} duplicates={duplicates} "
        f"per sender={[outcome.sent for outcome in outcomes]}"
    )
    assert duplicates == 0
    assert sent == len(mailbox.messages) == crowd
    assert set(per_address) == {row.address for row in queued}
    assert len({message["Message-ID"] for message in mailbox.messages}) == crowd
    assert all(outcome.retrying == outcome.failed == outcome.uncertain == 0 for outcome in outcomes)
    rows = outbox_rows()
    assert {row.status for row in rows} == {MessageStatus.SENT}
    assert all(row.attempts == 1 for row in rows)
