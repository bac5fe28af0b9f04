"""A participant's whole journey through a survey, and what is stored at the end."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import stored_answers
from tests.surveys.helpers import token


def _stored(app: Flask) -> tuple[Response, dict[int, Any]]:
    with app.app_context():
        response = db.session.scalars(select(Response)).one()
        answers = stored_answers(Answer.response_id == response.id)
        db.session.expunge_all()
        return response, answers


def test_whole_survey_is_answered_checked_and_sent(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        response = answer(client, survey, key, data)
        assert response.status_code == 302, (key, response.get_data(as_text=True)[:2000])
    assert response.headers["Location"] == f"/s/{survey.slug}/check"
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    for words in (
        "Every week",
        "Quite welcome",
        "The cost of travel, Looking after children",
        "Free hot meals, A quiet room",
        "The tea",
        "I&#39;d rather not say",
    ):
        assert words in page, words
    sent = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    assert sent.headers["Location"] == f"/s/{survey.slug}/done"
    done = client.get(f"/s/{survey.slug}/done").get_data(as_text=True)
    assert "We have your answers" in done
    # The survey says what happens next in its own words; the page does not say it twice.
    assert "We will read every answer in June" in done and done.count("read every answer") == 1

    stored, answers = _stored(app)
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.consent_version == 1 and "Taking part is your choice" in stored.consent_text
    assert stored.resume_digest is None
    assert json.loads(answers[survey.questions["hard"]].value) == ["travel", "childcare"]
    assert json.loads(answers[survey.questions["priorities"]].value) == ["meals", "quiet"]
    assert json.loads(answers[survey.questions["household"]].value) == 3
    assert answers[survey.questions["else"]].declined


def test_branch_is_skipped_and_a_dropped_branch_is_not_sent(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "yes"})
    answer(client, survey, "often", {"answer": "monthly"})
    # Change "visited" to No: the follow-up question is no longer asked...
    response = answer(client, survey, "visited", {"answer": "no"}, change=True)
    assert response.headers["Location"] == f"/s/{survey.slug}/q/{survey.questions['welcome']}"
    assert client.get(f"/s/{survey.slug}/q/{survey.questions['often']}").status_code == 404
    # ...and Back from the next question skips it.
    page = client.get(f"/s/{survey.slug}/q/{survey.questions['welcome']}").get_data(as_text=True)
    assert f'class="back-link" href="/s/{survey.slug}/q/{survey.questions["visited"]}"' in page
    for key in ("welcome", "hard", "priorities", "household", "well", "else"):
        answer(client, survey, key, {"decline": "1"})
    check = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    assert "About once a month" not in check
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(check)})
    _stored_response, answers = _stored(app)
    assert survey.questions["often"] not in answers


def test_change_link_returns_to_check_your_answers(client: FlaskClient, survey: MadeSurvey) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    response = answer(client, survey, "well", {"answer": "The soup"}, change=True)
    assert response.headers["Location"] == f"/s/{survey.slug}/check"
    assert "The soup" in client.get(f"/s/{survey.slug}/check").get_data(as_text=True)


def test_sending_twice_saves_one_response(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    first = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    second = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    assert first.status_code == 302 and second.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_double_tap_on_start_makes_one_response(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    from tests.surveys.helpers import form_key

    page = client.get(f"/s/{survey.slug}").get_data(as_text=True)
    data = {"csrf_token": token(page), "form_key": form_key(page)}
    client.post(f"/s/{survey.slug}", data=data)
    with client.session_transaction() as session:
        session.pop("surveys")  # as if the first reply never reached the phone
    client.post(f"/s/{survey.slug}", data=data)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_required_and_bad_answers_get_plain_messages_and_keep_what_was_typed(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "no"})
    answer(client, survey, "welcome", {"answer": "3"})
    answer(client, survey, "hard", {"answer": "nothing"})
    answer(client, survey, "priorities", {"answer-1": "hours"})
    bad = answer(client, survey, "household", {"answer": "three"})
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "Enter a whole number, like 3" in page and 'value="three"' in page
    assert 'href="#answer"' in page and "<title>Error:" in page
    too_many = answer(client, survey, "household", {"answer": "99"})
    assert "Enter a number from 1 to 20" in too_many.get_data(as_text=True)


def test_anonymous_survey_stores_no_name_or_address(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    assert client.get(f"/s/{survey.slug}/name").status_code == 404
    stored, _answers = _stored(app)
    assert stored.respondent_name is None and stored.participant_id is None
    columns = {c.name for c in Response.__table__.columns}
    assert not columns & {"ip", "ip_address", "email", "phone", "user_agent"}
