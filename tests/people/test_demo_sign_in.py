"""Someone trying the demo can sign in as a demo participant by email: the addresses pass the
email check, and in development the email is written to the terminal (issue 11, point 18)."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from app.config import load_config
from app.outbox.channels import EmailChannel
from app.outbox.models import OutboxMessage
from tests.people.helpers import ask_for_code
from tests.people.helpers import signed_in
from tests.people.helpers import type_code


def test_a_demo_participant_signs_in_with_the_code_shown_in_the_terminal(
    app: Flask, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert app.test_cli_runner().invoke(args=["withus", "seed-demo"]).exit_code == 0
    monkeypatch.setitem(app.config, "MAIL_TO_TERMINAL", True)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "192.0.2.1")  # nothing may try to send
    capsys.readouterr()
    client = app.test_client()
    assert ask_for_code(client, "dee@example.org").status_code == 302
    printed = capsys.readouterr().err
    assert "Email not sent (development)" in printed and "To: dee@example.org" in printed
    code = re.search(r"Your code to sign in is: (\d{6})", printed).group(1)
    assert type_code(client, "dee@example.org", code).status_code == 302
    assert signed_in(client) and "Dee" in client.get("/me").get_data(as_text=True)


def test_queued_messages_are_written_to_the_terminal_too(
    app: Flask, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "MAIL_TO_TERMINAL", True)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "192.0.2.1")
    message = OutboxMessage(
        id=7, address="gwen@example.org", subject="News", body="We did it.", language="cy"
    )
    with app.app_context():
        EmailChannel(timeout=0.5).send(message)
    printed = capsys.readouterr().err
    assert "To: gwen@example.org" in printed and "We did it." in printed


def test_only_development_without_a_mail_server_writes_mail_to_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MAIL_SERVER", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert load_config("development").MAIL_TO_TERMINAL is True
    assert load_config("production").MAIL_TO_TERMINAL is False
    assert load_config("testing").MAIL_TO_TERMINAL is False
    monkeypatch.setenv("MAIL_SERVER", "mail.example.org")
    assert load_config("development").MAIL_TO_TERMINAL is False


def test_the_terminal_shows_the_words_not_base64(capsys) -> None:
    from email.message import EmailMessage

    from app.core.terminal_mail import write_to_terminal

    message = EmailMessage()
    message["To"], message["Subject"] = "gwen@example.org", "Eich hawliad"
    message.set_content("Rydym wedi talu eich hawliad: £4.80 ✓ " * 5)  # long and non-ASCII
    write_to_terminal(message)
    printed = capsys.readouterr().err
    assert "Rydym wedi talu eich hawliad: £4.80 ✓" in printed and "Subject: Eich hawliad" in printed
