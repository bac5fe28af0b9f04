"""Helpers for driving the staff survey builder with the test client."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.helpers import token

SURVEY_FIELDS = {
    "title": "Our library: what should change?",
    "slug": "library",
    "organiser": "Town Library",
    "intro": "We want to make the library better.",
    "what_happens": "We read every answer in May.",
    "minutes": "4",
    "consent_text": "Taking part is your choice.",
    "anonymous": "yes",
    "opens_on": "",
    "last_day": "",
    "main_language": "en",
}


def send(client: FlaskClient, path: str, data: dict, page: str | None = None):
    """Open the page (page, or path itself) as a browser would, then post data with its token."""
    html = client.get(page or path).get_data(as_text=True)
    sent = {"csrf_token": token(html), **data}
    key = re.search(r'name="form_key" type="hidden" value="([^"]+)"', html)
    if key and "form_key" not in data:
        sent["form_key"] = key.group(1)
    return client.post(path, data=sent)


def create_survey(client: FlaskClient, **changes: str) -> int:
    response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, **changes})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def question_fields(kind: str, text: str, **extra: str) -> dict[str, str]:
    return {"kind": kind, "text": text, "help_text": "", "options": "", "show_if": "", **extra}


def add_question(client: FlaskClient, survey_id: int, kind: str, text: str, **extra: str) -> int:
    """Add a question and return its id."""
    path = f"/staff/surveys/{survey_id}/questions/new"
    response = send(client, path, question_fields(kind, text, **extra))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return question_ids(client.application, survey_id)[-1]


def question_ids(app: Flask, survey_id: int, live_only: bool = True) -> list[int]:
    query = select(Question.id).where(Question.survey_id == survey_id).order_by(Question.position)
    if live_only:
        query = query.where(Question.retired.is_(False))
    with app.app_context():
        return list(db.session.scalars(query))


def set_status(client: FlaskClient, survey_id: int, status: str):
    return send(
        client, f"/staff/surveys/{survey_id}/status", {"to": status}, f"/staff/surveys/{survey_id}"
    )


def count(app: Flask, model: type) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model)) or 0


def demo_of(app: Flask, survey_id: int, keys: list[str]) -> MadeSurvey:
    """A survey built in a test, in the shape tests/surveys/helpers.py walks."""
    with app.app_context():
        slug = db.session.get(Survey, survey_id).slug
    ids = question_ids(app, survey_id)
    return MadeSurvey(survey_id, slug, dict(zip(keys, ids, strict=True)))


def add_answer(app: Flask, survey_id: int, question_id: int, value: object) -> None:
    """Store a sent response with one answer, as if someone had answered."""
    with app.app_context():
        response = Response(survey_id=survey_id, language="en", status=ResponseStatus.SUBMITTED)
        response.answers = [Answer(question_id=question_id, value=value)]
        db.session.add(response)
        db.session.commit()
