"""Sending queued messages through a real SMTP server: once each, retried, never lost."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

import pytest
from flask import Flask

from app.db import as_utc
from app.db import utcnow
from app.extensions import db
from app.feedback import services
from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from app.outbox.channels import CHANNELS
from app.outbox.channels import EmailChannel
from app.outbox.models import MessageStatus
from app.outbox.sender import STALE_CLAIM
from app.outbox.sender import Outcome
from app.outbox.sender import backoff
from app.outbox.sender import claim
from app.outbox.sender import keep_sending
from tests.feedback.conftest import free_port
from tests.people.conftest import Mailbox

AMA = "ama@example.org"


@dataclass
class RefusesAtFirst(Mailbox):
    """Says "try again later" to the first message, then takes everything."""

    refusals: int = 1

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.refusals > 0:
            self.refusals -= 1
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


@dataclass
class UnknownRecipient(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        return "550 5.1.1 No such person here"


@dataclass
class SlowToAnswer(Mailbox):
    """Takes the message, but answers after the sender has stopped waiting."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        taken = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(1.0)
        return taken


@pytest.fixture
def one_message(app: Flask, ledger) -> int:
    """Publish an update from the ledger's workshop: one message queued, for Ama."""
    with app.test_request_context():
        record = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="The room was too cold.",
                status=UpdateStatus.DONE,
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        )
        services.publish(record.id, ledger.coordinator)
        return record.id


def test_queued_messages_reach_ama_once_in_her_language_with_unsubscribe(
    updates, mailbox: Mailbox, send, outbox_rows
) -> None:
    assert send() == Outcome(sent=2)
    received = mailbox.to(AMA)
    assert len(mailbox.messages) == 2 and len(received) == 2
    bodies = [Mailbox.body(message) for message in received]
    assert any(f"/updates/{updates.published}?locale=cy" in body for body in bodies)
    assert any(f"/updates/{updates.cant_do}?locale=cy" in body for body in bodies)
    assert any("Mae'r caffi'n cau'n rhy gynnar" in body for body in bodies)
    rows = outbox_rows()
    for message, row in zip(received, rows, strict=True):
        assert message["Content-Language"] == "cy"
        assert (
            message["Message-ID"] == f"<outbox-{row.id}@localhost>"
        )  # the testing PUBLIC_URL's host
        # Long headers are folded onto a second line; mail apps unfold them.
        one_click = f"<{row.unsubscribe_url.split('?')[0]}/one-click>"
        assert message["List-Unsubscribe"].strip() == one_click
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert row.unsubscribe_url.split("?")[0] + "?locale=cy" in Mailbox.body(message)
    assert {row.status for row in rows} == {MessageStatus.SENT}
    assert all(row.attempts == 1 and row.sent_at is not None for row in rows)

    assert send(now=utcnow() + timedelta(days=2)) == Outcome()
    assert len(mailbox.messages) == 2


def test_a_server_that_says_try_later_gets_the_message_once_when_it_recovers(
    one_message, smtp_server, send, outbox_rows
) -> None:
    server = RefusesAtFirst()
    smtp_server(server)
    start = utcnow()
    assert send(now=start) == Outcome(retrying=1)
    (row,) = outbox_rows()
    assert row.status == MessageStatus.PENDING and row.attempts == 1
    assert as_utc(row.next_attempt_at) == start + timedelta(minutes=1)
    assert row.last_error.startswith("451") and "Try again later" in row.last_error
    assert server.messages == []

    early = send(now=start + timedelta(seconds=30))
    assert early == Outcome() and early.waiting == 1  # not due yet, and the command says so
    assert send(now=start + timedelta(minutes=2)) == Outcome(sent=1)
    assert send(now=start + timedelta(days=1)) == Outcome()
    assert len(server.to(AMA)) == 1
    (row,) = outbox_rows()
    assert row.status == MessageStatus.SENT and row.attempts == 2


def test_when_the_server_is_down_the_batch_stops_and_nothing_is_lost(
    app: Flask, updates, mailbox: Mailbox, send, outbox_rows
) -> None:
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()
    start = utcnow()
    outcome = send(now=start)
    assert outcome == Outcome(retrying=1)
    assert "Last problem:" in outcome.summary() and outcome.problem  # why, for whoever runs it
    tried, untouched = outbox_rows()
    assert tried.status == MessageStatus.PENDING and tried.attempts == 1
    assert as_utc(tried.next_attempt_at) == start + timedelta(minutes=1)
    assert "ConnectionRefusedError" in tried.last_error
    assert untouched.status == MessageStatus.PENDING
    assert untouched.attempts == 0 and untouched.last_error == ""

    app.config["MAIL_PORT"] = working_port
    assert send(now=start + timedelta(seconds=30)) == Outcome(sent=1)  # the untouched one
    assert send(now=start + timedelta(minutes=2)) == Outcome(sent=1)  # the one that waited
    assert send(now=start + timedelta(days=1)) == Outcome()
    assert len(mailbox.to(AMA)) == 2
    assert [row.attempts for row in outbox_rows()] == [2, 1]


def test_a_recipient_the_server_refuses_for_good_is_failed_not_retried(
    one_message, smtp_server, send, outbox_rows
) -> None:
    server = UnknownRecipient()
    smtp_server(server)
    assert send() == Outcome(failed=1)
    (row,) = outbox_rows()
    assert row.status == MessageStatus.FAILED and row.attempts == 1
    assert row.last_error == "550 5.1.1 No such person here"
    assert send(now=utcnow() + timedelta(days=1)) == Outcome()
    assert server.messages == []


def test_a_message_is_given_up_after_the_most_tries(
    app: Flask, one_message, send, outbox_rows
) -> None:
    app.config["MAIL_PORT"] = free_port()  # the conftest puts it back
    most = app.config["NOTIFY_MAX_ATTEMPTS"]
    moment = utcnow()
    for _try in range(most - 1):
        assert send(now=moment) == Outcome(retrying=1)
        moment += timedelta(hours=13)
    assert send(now=moment) == Outcome(failed=1)
    (row,) = outbox_rows()
    assert row.status == MessageStatus.FAILED and row.attempts == most
    assert row.last_error.startswith(f"Gave up after {most} tries.")
    assert send(now=moment + timedelta(days=30)) == Outcome()


@pytest.fixture(autouse=True)
def _mail_settings_back(app: Flask):
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT")}
    yield
    app.config.update(saved)


def test_waits_grow_and_stop_growing_at_twelve_hours() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 5, 15)]
    assert backoff(7) == backoff(20) == timedelta(hours=12)


def test_a_message_left_mid_send_becomes_uncertain_and_is_never_sent(
    app: Flask, updates, mailbox: Mailbox, send, outbox_rows
) -> None:
    start = utcnow()
    stuck, other = outbox_rows()
    with app.app_context():
        assert claim(stuck.id, start) is not None  # a sender claims it, then stops for good
    assert send(now=start + timedelta(minutes=5)) == Outcome(sent=1)
    assert outbox_rows()[0].status == MessageStatus.SENDING  # still within its lease
    assert send(now=start + timedelta(minutes=11)) == Outcome(uncertain=1)
    stuck = outbox_rows()[0]
    assert stuck.status == MessageStatus.UNCERTAIN and stuck.last_error == STALE_CLAIM
    assert send(now=start + timedelta(days=3)) == Outcome()
    (received,) = mailbox.to(AMA)
    assert received["Message-ID"] == f"<outbox-{other.id}@localhost>"


def test_a_reply_lost_after_the_message_went_is_uncertain_not_resent(
    one_message, smtp_server, send, outbox_rows, monkeypatch
) -> None:
    server = SlowToAnswer()
    smtp_server(server)
    monkeypatch.setitem(CHANNELS, "email", EmailChannel(timeout=0.3))
    assert send() == Outcome(uncertain=1)
    (row,) = outbox_rows()
    assert row.status == MessageStatus.UNCERTAIN and "may have gone" in row.last_error
    assert send(now=utcnow() + timedelta(days=1)) == Outcome()
    assert len(server.messages) == 1  # it did arrive: sending again would have doubled it


def test_without_a_way_to_send_email_the_message_fails_plainly(
    one_message, mailbox: Mailbox, send, outbox_rows, monkeypatch
) -> None:
    monkeypatch.delitem(CHANNELS, "email")
    assert send() == Outcome(failed=1)
    (row,) = outbox_rows()
    assert row.status == MessageStatus.FAILED
    assert row.last_error == "No way to send email messages is set up."
    assert mailbox.messages == []


def test_a_changed_email_address_gets_the_message_not_the_old_one(
    one_message, ledger, mailbox: Mailbox, send, outbox_rows, change_person
) -> None:
    change_person(ledger.participant, email="ama.new@example.org")
    assert send() == Outcome(sent=1)
    assert mailbox.to(AMA) == [] and len(mailbox.to("ama.new@example.org")) == 1
    assert outbox_rows()[0].address == "ama.new@example.org"


def test_limit_caps_how_many_go_in_one_run(updates, mailbox: Mailbox, send) -> None:
    assert send(limit=1) == Outcome(sent=1)
    assert send(limit=1) == Outcome(sent=1)
    assert send(limit=1) == Outcome()
    assert len(mailbox.messages) == 2


def test_the_command_sends_and_prints_a_one_line_summary(
    app: Flask, updates, mailbox: Mailbox, outbox_rows
) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["withus", "send-notifications", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Sent 1, retrying 0, failed 0, cancelled 0, uncertain 0; 0 waiting for a later try.\n"
    )
    result = runner.invoke(args=["withus", "send-notifications"])
    assert result.exit_code == 0 and result.output.startswith("Sent 1, ")
    assert len(mailbox.to(AMA)) == 2
    assert {row.status for row in outbox_rows()} == {MessageStatus.SENT}
    assert "*/5 * * * *" in runner.invoke(args=["withus", "send-notifications", "--help"]).output


def test_keep_sending_runs_round_after_round(app: Flask, updates, mailbox: Mailbox) -> None:
    outcomes: list[Outcome] = []
    with app.app_context():
        keep_sending(100, 0, outcomes.append, rounds=2)
    assert outcomes == [Outcome(sent=2), Outcome()]
    assert len(mailbox.messages) == 2


def test_keep_sending_survives_a_failed_round(app: Flask, updates, mailbox: Mailbox) -> None:
    outcomes: list[Outcome] = []

    def report(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if len(outcomes) == 1:
            raise RuntimeError("the terminal went away")

    with app.app_context():
        keep_sending(100, 0, report, rounds=2)
        assert db.session.is_active
    assert outcomes == [Outcome(sent=2), Outcome()]


def test_each_claim_is_stamped_when_it_is_made_not_when_the_batch_began(
    updates, mailbox: Mailbox, send, outbox_rows
) -> None:
    assert send() == Outcome(sent=2)
    first, second = outbox_rows()
    # A long batch must not make its own later claims look stale to another sender.
    assert as_utc(first.claimed_at) < as_utc(first.sent_at) < as_utc(second.claimed_at)
