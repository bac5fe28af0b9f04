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
    print(f"{RULE}\nEmail not sent (development): it would say\n{message}{RULE}", file=sys.stderr)
