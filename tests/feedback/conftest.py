"""Fixtures for the outbox tests: run the sender, read the outbox, start odd mail servers."""

from __future__ import annotations

import socket
from collections.abc import Callable
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from sqlalchemy import select

from app.extensions import db
from app.outbox.models import OutboxMessage
from app.outbox.sender import Outcome
from app.outbox.sender import send_pending
from app.people.models import Participant
from tests.people.conftest import mailbox  # noqa: F401  the real in-process SMTP server


def free_port() -> int:
    """A port nothing listens on (once the probe is closed): a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def send(app: Flask) -> Callable[..., Outcome]:
    """Run the sender as the command does: send(limit=..., now=...)."""

    def _send(limit: int = 100, now: datetime | None = None) -> Outcome:
        with app.app_context():
            return send_pending(limit, now)

    return _send


@pytest.fixture
def outbox_rows(app: Flask) -> Callable[[], list[OutboxMessage]]:
    """Every outbox row as it is now, oldest first, detached so tests can read them."""

    def _rows() -> list[OutboxMessage]:
        with app.app_context():
            rows = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
            db.session.expunge_all()
            return rows

    return _rows


@pytest.fixture
def smtp_server(app: Flask) -> Iterator[Callable[[Any], int]]:
    """Start a real SMTP server with the given aiosmtpd handler and point the app at it."""
    controllers: list[Controller] = []
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")}

    def _start(handler: Any) -> int:
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        controllers.append(controller)
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False)
        return controller.port

    yield _start
    app.config.update(saved)
    for controller in controllers:
        controller.stop()


@pytest.fixture
def change_person(app: Flask) -> Callable[..., None]:
    """Change a participant straight in the database: change_person(id, hear_back=False)."""

    def _change(participant_id: int, **values: Any) -> None:
        with app.app_context():
            person = db.session.get(Participant, participant_id)
            for name, value in values.items():
                setattr(person, name, value)
            db.session.commit()

    return _change
