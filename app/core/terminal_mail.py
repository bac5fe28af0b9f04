"""Development only: emails written to the terminal where `make run` runs, instead of sent.

Someone trying WithUs on their own computer has no mail server; with this, the demo's emailed
sign-in codes and messages can still be read. Config MAIL_TO_TERMINAL is on only in development,
and only while MAIL_SERVER is unset.
"""

from __future__ import annotations

import sys
from email.message import EmailMessage

RULE = "-" * 72


def write_to_terminal(message: EmailMessage) -> None:
    """Who it is to, its subject and its words as a person reads them (never base64)."""
    plain = message.get_body(preferencelist=("plain",))
    words = plain.get_content() if plain is not None else str(message.get_payload())
    print(
        f"{RULE}\nEmail not sent (development): it would say\n"
        f"To: {message['To']}\nSubject: {message['Subject']}\n\n{words.rstrip()}\n{RULE}",
        file=sys.stderr,
    )
