"""Helpers for walking a survey with the test client."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import ColumnElement
from sqlalchemy import Text
from sqlalchemy import select
from sqlalchemy import type_coerce

from app.extensions import db
from app.surveys.response_models import Answer
from tests.conftest import MadeSurvey

STORED_TEXT = type_coerce(Answer.value, Text).label("value")
"""An answer's value as the JSON text the database holds, not decoded."""


def stored_answers(*where: ColumnElement[bool]) -> dict[int, Any]:
    """question id -> row of (question_id, value, declined), value as the stored JSON text: for
    tests that check what is kept, byte for byte. Call inside an app context."""
    query = select(Answer.question_id, STORED_TEXT, Answer.declined).where(*where)
    return {row.question_id: row for row in db.session.execute(query)}


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no form token on the page"
    return match.group(1)


def form_key(html: str) -> str:
    match = re.search(r'name="form_key" type="hidden" value="([^"]+)"', html)
    assert match
    return match.group(1)


def start(client: FlaskClient, survey: MadeSurvey, lang: str = "en") -> str:
    """Start the survey and agree to take part; returns the resume code shown."""
    headers = {"Accept-Language": lang}
    page = client.get(f"/s/{survey.slug}", headers=headers).get_data(as_text=True)
    response = client.post(
        f"/s/{survey.slug}",
        headers=headers,
        data={"csrf_token": token(page), "form_key": form_key(page)},
    )
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"] == f"/s/{survey.slug}/consent"
    page = client.get(f"/s/{survey.slug}/consent", headers=headers).get_data(as_text=True)
    code = re.search(r'class="code" lang="en" dir="ltr">([A-Z0-9 ]{9})<', page)
    assert code, "the resume code is shown"
    response = client.post(
        f"/s/{survey.slug}/consent", headers=headers, data={"csrf_token": token(page), "agree": "y"}
    )
    assert response.status_code == 302
    return code.group(1)


def answer(client: FlaskClient, survey: MadeSurvey, key: str, data: dict, change: bool = False):
    path = f"/s/{survey.slug}/q/{survey.questions[key]}" + ("?change=1" if change else "")
    page = client.get(path).get_data(as_text=True)
    return client.post(path, data={"csrf_token": token(page), **data})


FULL_ANSWERS = {
    "visited": {"answer": "yes"},
    "often": {"answer": "weekly"},
    "welcome": {"answer": "4"},
    "hard": {"answer": ["travel", "childcare"]},
    "priorities": {"answer-1": "meals", "answer-2": "quiet", "answer-3": ""},
    "household": {"answer": "3"},
    "well": {"answer": "The tea"},
    "else": {"decline": "1"},
}
