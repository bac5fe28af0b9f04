"""A real SMTP server inside the test process, and helpers to sign participants in."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from email import message_from_bytes
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from flask import Flask


@dataclass
class Mailbox:
    """Every message the server accepted, newest last."""

    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, _server, _session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    @staticmethod
    def body(message: EmailMessage) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def last_code(self, address: str) -> str:
        found = re.search(r"\b(\d{6})\b", self.body(self.to(address)[-1]))
        assert found, "no code in the email"
        return found.group(1)

    def last_link(self, address: str) -> str:
        found = re.search(r"http://[^\s]+/me/sign-in/email\?\S+", self.body(self.to(address)[-1]))
        assert found, "no link in the email"
        return found.group(0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox(app: Flask) -> Iterator[Mailbox]:
    """Point the app's mail settings at a real SMTP server for the test; put them back after."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False)
    try:
        yield box
    finally:
        app.config.update(saved)
        controller.stop()
