"""Languages mid-survey, identified surveys, closed surveys and the consent step."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token


def test_switching_language_mid_survey_keeps_the_answers(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "yes"})
    answer(client, survey, "often", {"answer": "monthly"})
    client.post(
        "/language",
        data={
            "language": "pl",
            "next": "/s/cafe/check",
            "csrf_token": csrf_token(client, "/language"),
        },
    )
    page = client.get(f"/s/cafe/q/{survey.questions['often']}").get_data(as_text=True)
    assert '<html lang="pl"' in page and 'value="monthly" checked' in page
    assert "Mniej więcej raz w miesiącu" in page or 'lang="pl"' in page


def test_survey_words_fall_back_to_the_main_language_when_not_translated(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    from app.surveys.models import SurveyText

    with app.app_context():
        db.session.execute(SurveyText.__table__.delete().where(SurveyText.language == "cy"))
        db.session.commit()
    page = client.get("/s/cafe", headers={"Accept-Language": "cy"}).get_data(as_text=True)
    assert '<html lang="cy"' in page  # the site's own words stay Welsh
    assert '<h1 lang="en">Our drop-in café' in page
    # Only the survey's own words are marked English: "Asked by" stays in Welsh, unmarked.
    organiser = re.search(r'<p class="hint">([^<]*)<span lang="en">', page)
    assert organiser and organiser.group(1).strip() and "Asked by" not in page


def test_identified_survey_asks_a_name_and_keeps_it(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).anonymous = False
        db.session.commit()
    page = client.get("/s/cafe").get_data(as_text=True)
    assert "We will ask your name" in page
    start(client, survey)  # consent leads on to the name page
    page = client.get("/s/cafe/name").get_data(as_text=True)
    response = client.post("/s/cafe/name", data={"csrf_token": token(page), "name": "  Ama  "})
    assert response.headers["Location"] == f"/s/cafe/q/{survey.questions['visited']}"
    with app.app_context():
        assert db.session.scalars(select(Response.respondent_name)).one() == "Ama"


def test_questions_wait_for_consent(client: FlaskClient, survey: MadeSurvey) -> None:
    page = client.get("/s/cafe").get_data(as_text=True)
    from tests.surveys.helpers import form_key

    client.post("/s/cafe", data={"csrf_token": token(page), "form_key": form_key(page)})
    response = client.get(f"/s/cafe/q/{survey.questions['visited']}")
    assert response.headers["Location"] == "/s/cafe/consent"
    consent = client.get("/s/cafe/consent").get_data(as_text=True)
    refused = client.post("/s/cafe/consent", data={"csrf_token": token(consent)})
    assert refused.status_code == 400
    assert "Tick the box to say you agree" in refused.get_data(as_text=True)


def test_closed_survey_says_so_and_takes_no_answers(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).status = SurveyStatus.CLOSED
        db.session.commit()
    page = client.get("/s/cafe").get_data(as_text=True)
    assert "This survey is not taking answers right now" in page
    assert "Start now" not in page
    assert 'href="/s/cafe"' not in client.get("/").get_data(as_text=True)


def test_long_text_shows_its_limit_and_how_much_is_used(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "else", {"answer": "Hello there"})
    page = client.get(f"/s/cafe/q/{survey.questions['else']}").get_data(as_text=True)
    assert "You can write up to 1000 characters. You have used 11." in page
