"""Stopping half way and carrying on later with the code, and nothing else opening with it."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.extensions import db
from app.surveys.response_models import Response
from app.surveys.services import CODE_ALPHABET
from app.surveys.services import CODE_LENGTH
from tests.conftest import MadeSurvey
from tests.surveys.helpers import answer
from tests.surveys.helpers import form_key
from tests.surveys.helpers import start
from tests.surveys.helpers import token


def _resume(client: FlaskClient, code: str):
    page = client.get("/resume").get_data(as_text=True)
    return client.post("/resume", data={"csrf_token": token(page), "code": code})


def test_code_has_eight_characters_without_look_alikes(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey).replace(" ", "")
    assert len(code) == CODE_LENGTH
    assert not set(code) - set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_next_day_on_another_phone_the_code_brings_back_the_answers(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    answer(client, survey, "visited", {"answer": "yes"})
    answer(client, survey, "often", {"answer": "weekly"})

    other_phone = app.test_client()
    typed = f"  {code.lower().replace(' ', '-')} "  # pasted with spaces, typed in lower case
    response = _resume(other_phone, typed)
    # Welcomed back and taken straight to the next question, in one step.
    next_question = f"/s/cafe/q/{survey.questions['welcome']}"
    assert response.status_code == 302 and response.headers["Location"] == next_question
    page = other_phone.get(next_question).get_data(as_text=True)
    assert "Welcome back. Carry on from where you stopped." in page
    assert "Welcome back" not in other_phone.get(next_question).get_data(as_text=True)  # once
    assert f'href="/s/cafe/q/{survey.questions["welcome"]}"' in other_phone.get("/s/cafe").get_data(
        as_text=True
    )  # the start page still offers to carry on
    earlier = other_phone.get(f"/s/cafe/q/{survey.questions['often']}").get_data(as_text=True)
    assert 'value="weekly" checked' in earlier


def test_a_code_with_nothing_answered_yet_goes_to_the_first_step(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    response = _resume(app.test_client(), code)
    assert response.status_code == 302 and response.headers["Location"] == "/s/cafe/consent"


def test_wrong_or_expired_or_used_codes_open_nothing(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    stranger = app.test_client()
    wrong = _resume(stranger, "ABCD2345")
    assert wrong.status_code == 400
    assert "We could not find that code" in wrong.get_data(as_text=True)
    with app.app_context():
        db.session.execute(update(Response).values(resume_expires_at=utcnow() - timedelta(days=1)))
        db.session.commit()
    assert _resume(stranger, code).status_code == 400


def test_a_sent_response_cannot_be_opened_again_with_its_code(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    for key in ("visited", "welcome", "hard", "priorities", "household", "well", "else"):
        answer(client, survey, key, {"decline": "1"})
    page = client.get("/s/cafe/check").get_data(as_text=True)
    client.post("/s/cafe/check", data={"csrf_token": token(page)})
    assert _resume(app.test_client(), code).status_code == 400


def test_each_code_opens_only_its_own_response(app: Flask, survey: MadeSurvey) -> None:
    first, second = app.test_client(), app.test_client()
    code_one = start(first, survey)
    start(second, survey)
    answer(second, survey, "visited", {"answer": "no"})
    third = app.test_client()
    _resume(third, code_one)
    with third.session_transaction() as session:
        response_id = session["surveys"][str(survey.id)]["r"]
    with app.app_context():
        ids = db.session.scalars(select(Response.id).order_by(Response.id)).all()
    assert response_id == ids[0]


def test_resume_is_rate_limited(app: Flask, client: FlaskClient) -> None:
    limit = int(app.config["RESUME_LIMIT"].split()[0])
    for _ in range(limit):
        assert _resume(client, "ABCD2345").status_code == 400
    assert _resume(client, "ABCD2345").status_code == 429


def test_resume_code_can_be_pasted(client: FlaskClient) -> None:
    page = client.get("/resume").get_data(as_text=True)
    assert "onpaste" not in page and 'autocomplete="off"' in page
    assert 'name="code"' in page and 'maxlength="40"' in page  # room for spaces and dashes


def test_thirty_people_on_one_address_all_carry_on_with_correct_codes(
    app: Flask, survey: MadeSurvey
) -> None:
    """A drop-in group shares one Wi-Fi address: right codes never use up the limit."""
    codes = [start(app.test_client(), survey) for _ in range(30)]
    statuses = [_resume(app.test_client(), code).status_code for code in codes]
    assert statuses == [302] * 30
    limit = int(app.config["RESUME_LIMIT"].split()[0])
    guesses = [_resume(app.test_client(), "ABCD2345").status_code for _ in range(limit + 1)]
    assert guesses == [400] * limit + [429]


def test_the_written_down_address_to_carry_on_is_the_public_one(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    saved = {key: app.config[key] for key in ("PUBLIC_URL", "TRUSTED_HOSTS")}
    app.config.update(PUBLIC_URL="https://withus.example.org", TRUSTED_HOSTS=["localhost"])
    try:
        page = client.get(f"/s/{survey.slug}").get_data(as_text=True)
        client.post(
            f"/s/{survey.slug}", data={"csrf_token": token(page), "form_key": form_key(page)}
        )
        consent = client.get(f"/s/{survey.slug}/consent").get_data(as_text=True)
    finally:
        app.config.update(saved)
    assert "withus.example.org/resume" in consent
    assert "localhost/resume" not in consent


def test_a_code_too_long_is_refused_in_the_readers_language(client: FlaskClient) -> None:
    client.set_cookie("lang", "ar")
    response = _resume(client, "A" * 41)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Field cannot be longer" not in page and "That code is too long" not in page
