"""Arabic says one and two in words ("جلسة واحدة", "جلستين"), never "2 جلستين"."""

from __future__ import annotations

from flask import Flask
from flask_babel import force_locale
from flask_babel import ngettext

from app.ledger.statement_pages import hours_text

SESSIONS = (
    "They took part in %(num)d session, for %(time)s in total.",
    "They took part in %(num)d sessions, for %(time)s in total.",
)


def test_one_and_two_are_said_in_words(app: Flask) -> None:
    with app.test_request_context(), force_locale("ar"):
        one = ngettext(*SESSIONS, 1, time=hours_text(60))
        two = ngettext(*SESSIONS, 2, time=hours_text(120))
        three = ngettext(*SESSIONS, 3, time=hours_text(180))
    assert "جلسة واحدة" in one and "ساعة واحدة" in one and "1" not in one
    assert "جلستين" in two and "2" not in two
    assert "3 جلسات" in three
