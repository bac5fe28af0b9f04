"""Email to participants over SMTP, written in the language each person chose."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from email.utils import make_msgid

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from app.core.terminal_mail import write_to_terminal
from app.i18n import formatting_locale
from app.i18n import is_supported
from app.people.signin import IssuedCode

SMTP_TIMEOUT_SECONDS = 10


def send_email(to: str, subject: str, body: str, language: str = "en") -> bool:
    """Send one plain-text email; False (and a log line) if the mail server would not take it."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="withus.local")
    message.set_content(body)
    message["Content-Language"] = language  # after set_content, which resets Content-* headers
    if config["MAIL_TO_TERMINAL"]:
        write_to_terminal(message)
        return True
    try:
        with smtplib.SMTP(
            config["MAIL_SERVER"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT_SECONDS
        ) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, ValueError, smtplib.SMTPException):
        current_app.logger.exception("Could not send email")
        return False
    return True


def send_sign_in_code(issued: IssuedCode, link: str) -> bool:
    """The six-digit code and a link to a page to type it on, in their own language.

    The link names which code it is for, never the code itself, so the code stays out of
    addresses that servers log and browsers remember.
    """
    language = issued.language if is_supported(issued.language) else "en"
    with force_locale(formatting_locale(language)):
        subject = _("Your code to sign in to %(organisation)s", organisation=_organisation())
        body = _(
            "Hello %(name)s,\n\n"
            "Your code to sign in is: %(code)s\n\n"
            "Type it on the sign-in page, or open this link and type it there:\n%(link)s\n\n"
            "The code works once, for 10 minutes.\n\n"
            "If you did not ask for this, you do not need to do anything.",
            name=issued.name,
            code=issued.code,
            link=link,
        )
    return send_email(issued.email, subject, body, language)


def _organisation() -> str:
    return current_app.config["ORGANISATION_NAME"]
