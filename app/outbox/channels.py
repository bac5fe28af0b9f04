"""Ways a queued message reaches a person. Email for now; text messages can join as a class.

A channel either takes a message or says why not: TemporaryFailure (try again later),
PermanentFailure (it will never go) or UncertainDelivery (it may have gone; never try again).
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from typing import Protocol
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from flask import current_app

from app.core.terminal_mail import write_to_terminal
from app.outbox.models import OutboxMessage

SMTP_TIMEOUT_SECONDS = 10
ONE_CLICK_SUFFIX = "/one-click"
SERVER_WIDE_CODES = frozenset({421})  # "service not available": every message would fail now


class TemporaryFailure(Exception):
    """Not sent this time. whole_server: nothing else will go now either, so stop the batch."""

    def __init__(self, reason: str, whole_server: bool = False) -> None:
        super().__init__(reason)
        self.whole_server = whole_server


class PermanentFailure(Exception):
    """The message was refused for good, for example an address the mail server does not know."""


class UncertainDelivery(Exception):
    """The connection broke after the message itself was handed over: it may have arrived."""


class Channel(Protocol):
    name: str

    def send(self, message: OutboxMessage) -> None: ...


def one_click_url(unsubscribe_url: str) -> str:
    """The RFC 8058 address mail apps POST to, beside the page address kept in the message."""
    parts = urlsplit(unsubscribe_url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path + ONE_CLICK_SUFFIX, "", ""))


def message_id(outbox_id: int) -> str:
    """Fixed per outbox row, so a receiving system can spot the same message arriving twice.

    The site's own host name keeps ids from two charities' WithUs sites from clashing.
    """
    host = urlsplit(current_app.config["PUBLIC_URL"]).hostname or ""
    if not host or ":" in host:  # an IPv6 address cannot stand in a Message-ID as it is
        host = "withus.local"
    return f"<outbox-{outbox_id}@{host}>"


def as_email(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    email["To"] = message.address
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = message_id(message.id)
    if message.unsubscribe_url:
        email["List-Unsubscribe"] = f"<{one_click_url(message.unsubscribe_url)}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email.set_content(message.body)
    email["Content-Language"] = message.language  # after set_content, which resets Content-*
    return email


class _SMTP(smtplib.SMTP):
    """Notes when the message itself starts to go, so a lost reply is not taken for a refusal."""

    data_started = False

    def data(self, msg):
        self.data_started = True
        return super().data(msg)


def _reply_failure(code: int, text: object) -> Exception:
    reason = f"{code} {_short(text)}"
    if 400 <= code < 500:
        return TemporaryFailure(reason, whole_server=code in SERVER_WIDE_CODES)
    return PermanentFailure(reason)


def _short(text: object) -> str:
    raw = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return " ".join(raw.split())[:200]


class EmailChannel:
    """Plain-text email over SMTP, one connection per message, with RFC 8058 unsubscribe."""

    name = "email"

    def __init__(self, timeout: float = SMTP_TIMEOUT_SECONDS) -> None:
        self.timeout = timeout

    def send(self, message: OutboxMessage) -> None:
        email = as_email(message)
        if current_app.config["MAIL_TO_TERMINAL"]:
            write_to_terminal(email)
            return
        smtp = self._open()
        try:
            self._hand_over(smtp, email)
        finally:
            _close_quietly(smtp)

    def _open(self) -> _SMTP:
        config = current_app.config
        try:
            smtp = _SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=self.timeout)
        except (OSError, smtplib.SMTPException) as error:
            raise TemporaryFailure(_describe(error), whole_server=True) from error
        try:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        except (OSError, smtplib.SMTPException) as error:
            _close_quietly(smtp)
            # A settings problem (TLS, password) is the site's, not the message's: keep trying.
            raise TemporaryFailure(_describe(error), whole_server=True) from error
        return smtp

    def _hand_over(self, smtp: _SMTP, email: EmailMessage) -> None:
        try:
            smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = next(iter(error.recipients.values()))
            raise _reply_failure(code, text) from error
        except smtplib.SMTPSenderRefused as error:
            # Our own From address refused: every message would fail, so none is given up on.
            raise TemporaryFailure(_describe(error), whole_server=True) from error
        except smtplib.SMTPResponseException as error:
            raise _reply_failure(error.smtp_code, error.smtp_error) from error
        except smtplib.SMTPNotSupportedError as error:  # e.g. an address this server can't take
            raise PermanentFailure(_describe(error)) from error
        except (OSError, smtplib.SMTPException) as error:
            if smtp.data_started:
                raise UncertainDelivery(_describe(error)) from error
            raise TemporaryFailure(_describe(error), whole_server=True) from error
        except ValueError as error:  # an address or header the library cannot write
            raise PermanentFailure(_describe(error)) from error


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_short(error.smtp_error)}"
    return f"{type(error).__name__}: {_short(error)}" if str(error) else type(error).__name__


def _close_quietly(smtp: smtplib.SMTP) -> None:
    """Say goodbye if we can; the message's fate was settled before this."""
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


CHANNELS: dict[str, Channel] = {"email": EmailChannel()}


def channel(name: str) -> Channel | None:
    return CHANNELS.get(name)
