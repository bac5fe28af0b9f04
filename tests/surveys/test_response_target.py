"""A survey's response target: set on its running page, progress shown on its overview and
results, counting sent responses only."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Response
from app.surveys.response_models import SurveyDigest
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.surveys.test_results import respond


def _running(survey: MadeSurvey) -> str:
    return f"/staff/surveys/{survey.id}/running"


def _save(client, survey: MadeSurvey, **data):
    token = csrf_token(client, _running(survey))
    return client.post(_running(survey), data={"csrf_token": token, **data})


def _target(app: Flask, survey: MadeSurvey) -> int | None:
    with app.app_context():
        return db.session.get(Survey, survey.id).response_target


def test_coordinator_sets_a_target_and_sees_progress_of_sent_responses_only(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _save(client, survey, target="8")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/staff/surveys/{survey.id}#running"
    assert _target(app, survey) == 8
    for _n in range(3):
        respond(app, survey, {"well": "Tea"})
    respond(app, survey, {"well": "Not sent"}, status=ResponseStatus.IN_PROGRESS)
    withdrawn = respond(app, survey, {"well": "Typed by mistake"})
    with app.app_context():
        db.session.get(Response, withdrawn).withdrawn_at = db.func.now()
        db.session.commit()
    for path in (f"/staff/surveys/{survey.id}", f"/staff/surveys/{survey.id}/results"):
        page = client.get(path).get_data(as_text=True)
        assert "3 of 8 people, 38%" in page, path
        assert re.search(r'<svg class="bar" aria-hidden="true"[^>]*>.*width="38%"', page)


def test_progress_past_the_target_says_so_and_the_bar_stops_full(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.ADMIN)
    _save(client, survey, target="2")
    for _n in range(3):
        respond(app, survey, {"well": "Tea"})
    page = client.get(f"/staff/surveys/{survey.id}/results").get_data(as_text=True)
    assert "3 of 2 people, 150%" in page
    assert 'class="bar-fill" width="100%"' in page


def test_no_target_shows_no_progress_and_an_empty_box_removes_it(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    assert "No target is set." in client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "Progress towards the target" not in client.get(
        f"/staff/surveys/{survey.id}/results"
    ).get_data(as_text=True)
    _save(client, survey, target="1,000")
    assert _target(app, survey) == 1000
    assert 'value="1000"' in client.get(_running(survey)).get_data(as_text=True)
    _save(client, survey, target="")
    assert _target(app, survey) is None


@pytest.mark.parametrize("typed", ["0", "-5", "ten", "2.5", "1000001", "<b>9</b>", "9" * 40])
def test_a_target_that_is_not_a_sensible_number_is_refused_plainly_and_kept(
    app: Flask, staff_client, survey: MadeSurvey, typed: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _save(client, survey, target=typed, daily_email="y")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert '<a href="#target">Enter a whole number from 1 to 1,000,000' in page
    assert "<b>9</b>" not in page
    assert re.search(r'id="daily_email" name="daily_email" type="checkbox" value="y"', page)
    assert _target(app, survey) is None


def test_the_daily_email_is_each_coordinators_own_choice_and_a_second_press_adds_nothing(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    first = staff_client(Role.COORDINATOR)
    _save(first, survey, daily_email="y")
    _save(first, survey, daily_email="y")
    page = first.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "You get an email once a day when there are new responses." in page
    with app.app_context():
        rows = db.session.scalars(select(SurveyDigest)).all()
        assert len(rows) == 1 and rows[0].language == "en"
    second = app.test_client()
    sign_in(second, make_staff(app, Role.ADMIN).email)
    second_page = second.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "You do not get a daily email about new responses." in second_page
    _save(first, survey)
    with app.app_context():
        assert db.session.scalars(select(SurveyDigest)).all() == []
