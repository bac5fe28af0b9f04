"""Whatever people send, the survey answers plainly and stores nothing that runs."""

from __future__ import annotations

import json

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from tests.conftest import MadeSurvey
from tests.factories import make_survey
from tests.surveys.helpers import STORED_TEXT
from tests.surveys.helpers import answer
from tests.surveys.helpers import start

HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "fine\x00with a nul",
    "\u202eevil right-to-left override\u202c and zero\u200bwidth",
    '=HYPERLINK("http://evil.example")',
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_text_is_stored_safely_and_shown_escaped(
    app: Flask, client: FlaskClient, survey: MadeSurvey, text: str
) -> None:
    start(client, survey)
    response = answer(client, survey, "well", {"answer": text})
    assert response.status_code == 302
    check = client.get("/s/cafe/check").get_data(as_text=True)
    assert "<script>alert" not in check and 'href="javascript:' not in check
    with app.app_context():
        stored = db.session.scalars(select(STORED_TEXT)).one()
    assert "\x00" not in stored
    assert json.loads(stored).replace("\x00", "") == json.loads(stored)


def test_a_megabyte_of_text_is_refused_plainly(client: FlaskClient, survey: MadeSurvey) -> None:
    start(client, survey)
    response = answer(client, survey, "else", {"answer": "x" * 1_000_000})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Your answer must be 1000 characters or fewer" in page


@pytest.mark.parametrize(
    ("key", "data", "message"),
    [
        ("visited", {"answer": "maybe"}, "Choose one of the answers shown"),
        ("welcome", {"answer": "9"}, "Choose one of the answers shown"),
        ("hard", {"answer": ["travel", "bribes"]}, "Choose from the answers shown"),
        ("priorities", {"answer-1": "meals", "answer-2": "meals"}, "Choose each thing only once"),
        ("household", {"answer": "1e9"}, "Enter a whole number, like 3"),
        ("household", {"answer": "-4"}, "Enter a number from 1 to 20"),
    ],
)
def test_values_not_offered_are_refused(
    client: FlaskClient, survey: MadeSurvey, key: str, data: dict, message: str
) -> None:
    start(client, survey)
    response = answer(client, survey, key, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_question_of_another_survey_is_not_found(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    with app.app_context():
        foreign_question = make_survey("other", translated=False).questions["visited"]
    start(client, survey)
    assert client.get(f"/s/cafe/q/{foreign_question}").status_code == 404
    assert client.post(f"/s/cafe/q/{foreign_question}", data={}).status_code in (400, 404)


def test_question_pages_need_a_started_survey(client: FlaskClient, survey: MadeSurvey) -> None:
    response = client.get(f"/s/cafe/q/{survey.first_question}")
    assert response.status_code == 302 and response.headers["Location"] == "/s/cafe"


def test_unknown_or_draft_survey_is_not_found(client: FlaskClient) -> None:
    assert client.get("/s/no-such-survey").status_code == 404
    assert client.get("/s/%00%3Cscript%3E").status_code == 404
