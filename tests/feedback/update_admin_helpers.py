"""Helpers for the staff update page tests: tagged answers, hidden form values, the database."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app.db import utcnow
from app.extensions import db
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey


def tag_answers(app: Flask, survey: MadeSurvey, theme_id: int, people: int) -> None:
    """Send `people` responses whose last answer carries the theme."""
    with app.app_context():
        for number in range(people):
            response = Response(
                survey_id=survey.id,
                status=ResponseStatus.SUBMITTED,
                language="en",
                submitted_at=utcnow(),
            )
            answer = Answer(question_id=survey.questions["else"], value=f"Late {number}")
            response.answers = [answer]
            db.session.add(response)
            db.session.flush()
            db.session.add(AnswerTheme(answer_id=answer.id, theme_id=theme_id))
        db.session.commit()


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    assert match, f"no hidden {name}"
    return match.group(1)


def page_form(client: FlaskClient, path: str) -> tuple[str, dict[str, str]]:
    """The page at path and its hidden values (token, form key or version)."""
    html = client.get(path).get_data(as_text=True)
    values = {"csrf_token": hidden(html, "csrf_token")}
    for name in ("form_key", "version"):
        if f'name="{name}"' in html:
            values[name] = hidden(html, name)
    return html, values


def get_update(app: Flask, update_id: int) -> Update:
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert update is not None
        update.links  # load them before the session closes  # noqa: B018
        db.session.expunge(update)
        return update


def events(app: Flask, update_id: int) -> list[UpdateEvent]:
    with app.app_context():
        found = db.session.scalars(
            db.select(UpdateEvent)
            .where(UpdateEvent.update_id == update_id)
            .order_by(UpdateEvent.id)
        ).all()
        db.session.expunge_all()
        return list(found)


def newest_update_ids(app: Flask) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(db.select(Update.id).order_by(Update.id.desc())))
