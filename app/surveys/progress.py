"""Which response this browser is filling in for each survey, kept in the signed session cookie.

The resume code lives here too, so it can be shown on every page; the database holds only its
HMAC. Nothing here names the person.
"""

from __future__ import annotations

from flask import session

KEY = "surveys"


def current(survey_id: int) -> tuple[int, str] | None:
    """The response being filled in, and its resume code; None once it was sent."""
    entry = session.get(KEY, {}).get(str(survey_id))
    if not entry or entry.get("sent"):
        return None
    return int(entry["r"]), str(entry["c"])


def sent(survey_id: int) -> int | None:
    """The response this browser sent last, so a page reloaded after the reply to "Send my
    answers" was lost can say the answers arrived rather than start the survey again."""
    entry = session.get(KEY, {}).get(str(survey_id))
    return int(entry["r"]) if entry and entry.get("sent") else None


def mark_sent(survey_id: int, response_id: int) -> None:
    """Forget the resume code (it would lead nowhere now) but remember what was sent."""
    entries = dict(session.get(KEY, {}))
    entries[str(survey_id)] = {"r": response_id, "sent": 1}
    session[KEY] = entries


def remember(survey_id: int, response_id: int, code: str) -> None:
    entries = dict(session.get(KEY, {}))
    entries[str(survey_id)] = {"r": response_id, "c": code}
    session[KEY] = entries
    session.permanent = True  # survives closing the browser, for coming back later


def forget(survey_id: int) -> None:
    entries = dict(session.get(KEY, {}))
    entries.pop(str(survey_id), None)
    session[KEY] = entries


def format_code(code: str) -> str:
    """ABCD EFGH: two short groups are easier to read out and copy."""
    return f"{code[:4]} {code[4:]}"
