"""A message is written again just before it goes: today's translation, and never for an update
that was taken down."""

from __future__ import annotations

from flask import Flask

from app.feedback import services
from app.feedback.models import LinkKind
from app.outbox.models import MessageStatus
from tests.people.conftest import Mailbox


def _publish_untranslated(app: Flask, ledger) -> int:
    with app.test_request_context():
        made = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="The advice line takes too long to answer.",
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        ).id
        services.publish(made, ledger.coordinator)
    return made


def test_a_translation_added_after_publishing_is_what_the_person_reads(
    app: Flask, ledger, mailbox: Mailbox, send, outbox_rows
) -> None:
    made = _publish_untranslated(app, ledger)
    assert "The advice line takes too long" in outbox_rows()[0].body  # English when queued
    with app.test_request_context():
        services.save_translations(made, "cy", {"said": "Mae'r llinell gyngor yn rhy araf."})
    assert send().sent == 1
    body = Mailbox.body(mailbox.to("ama@example.org")[0])
    assert "Mae'r llinell gyngor yn rhy araf." in body and "too long" not in body
    assert outbox_rows()[0].body == body.replace("\r\n", "\n").rstrip("\n")  # as sent


def test_taking_an_update_down_stops_its_waiting_messages(
    app: Flask, ledger, mailbox: Mailbox, send, outbox_rows
) -> None:
    made = _publish_untranslated(app, ledger)
    with app.test_request_context():
        services.unpublish(made, "It named a volunteer by mistake.", None)
    outcome = send()
    assert outcome.sent == 0 and mailbox.messages == []
    assert [row.status for row in outbox_rows()] == [MessageStatus.CANCELLED]
