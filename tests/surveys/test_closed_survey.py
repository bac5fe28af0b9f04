"""A survey that has closed takes no more answers at any step, and says so plainly."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.extensions import db
from app.surveys import content
from app.surveys import services
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token

CLOSED = "This survey has closed"


def _close(app: Flask, survey: MadeSurvey, by_date: bool = False) -> None:
    with app.app_context():
        change = (
            {"closes_at": utcnow() - timedelta(minutes=1)}
            if by_date
            else {"status": SurveyStatus.CLOSED}
        )
        db.session.execute(update(Survey).where(Survey.id == survey.id).values(**change))
        db.session.commit()


def _answers_stored(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Answer)) or 0


def _statuses(app: Flask) -> list[ResponseStatus]:
    with app.app_context():
        return list(db.session.scalars(select(Response.status)))


def test_every_answering_step_of_a_closed_survey_refuses_with_a_plain_page(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    answer(client, survey, "visited", {"answer": "yes"})
    question = f"/s/{survey.slug}/q/{survey.questions['often']}"
    page = client.get(question).get_data(as_text=True)
    check = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    _close(app, survey)

    for path in (question, f"/s/{survey.slug}/consent", f"/s/{survey.slug}/check"):
        shown = client.get(path)
        assert shown.status_code == 409, path
        assert CLOSED in shown.get_data(as_text=True)
        assert "We have kept the answers you gave" in shown.get_data(as_text=True)
    sent = client.post(question, data={"csrf_token": token(page), "answer": "weekly"})
    assert sent.status_code == 409 and CLOSED in sent.get_data(as_text=True)
    sent = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(check)})
    assert sent.status_code == 409 and CLOSED in sent.get_data(as_text=True)
    assert _answers_stored(app) == 1  # the answer given before it closed is kept, unsent
    assert _statuses(app) == [ResponseStatus.IN_PROGRESS]

    other_phone = app.test_client()
    page = other_phone.get("/resume").get_data(as_text=True)
    resumed = other_phone.post("/resume", data={"csrf_token": token(page), "code": code})
    assert resumed.status_code == 409 and CLOSED in resumed.get_data(as_text=True)


def test_a_survey_past_its_closing_date_does_not_take_the_final_send(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    check = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    _close(app, survey, by_date=True)
    sent = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(check)})
    assert sent.status_code == 409 and CLOSED in sent.get_data(as_text=True)
    assert _statuses(app) == [ResponseStatus.IN_PROGRESS]


def test_a_survey_closed_while_the_answers_are_being_sent_does_not_count_them(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "no"})
    with app.test_request_context():
        view = content.view_of(content.load_survey(survey.slug), "en")
        response_id = db.session.scalars(select(Response.id)).one()
    assert view.accepting
    _close(app, survey)  # staff press "Close" after the page checked, before the save
    with app.test_request_context():
        assert services.submit(response_id, view) is False
    assert _statuses(app) == [ResponseStatus.IN_PROGRESS]
