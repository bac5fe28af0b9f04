"""Archiving asks first and says what it means; an archived survey comes back closed with its
answers; every status move is kept with who made it (issue 15, point 10)."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Survey
from app.surveys.models import SurveyMove
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import send
from tests.surveys.builder_helpers import set_status


def _status(app: Flask, survey_id: int) -> SurveyStatus:
    with app.app_context():
        return db.session.get(Survey, survey_id).status


def _moves(app: Flask, survey_id: int) -> list[tuple[str, str, bool]]:
    with app.app_context():
        rows = db.session.scalars(select(SurveyMove).where(SurveyMove.survey_id == survey_id))
        return [(m.from_status.value, m.to_status.value, m.staff_id is not None) for m in rows]


def _closed(client: FlaskClient, app: Flask, survey: MadeSurvey) -> None:
    set_status(client, survey.id, "closed")
    assert _status(app, survey.id) == SurveyStatus.CLOSED


def test_archiving_asks_first_and_says_what_it_means(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    _closed(client, app, survey)
    overview = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert f'href="/staff/surveys/{survey.id}/archive">Archive the survey</a>' in overview
    assert 'value="archived"' not in overview  # no button that archives at one press

    forged = set_status(client, survey.id, "archived")  # the old one-press form, sent anyway
    assert forged.headers["Location"] == f"/staff/surveys/{survey.id}/archive"
    assert _status(app, survey.id) == SurveyStatus.CLOSED

    page = client.get(f"/staff/surveys/{survey.id}/archive").get_data(as_text=True)
    assert "Archive this survey?" in page
    assert "nobody can answer it, online or on paper" in page
    assert "it leaves the public site" in page
    assert "its results and its 1 response are kept" in page
    assert "You can bring it back later." in page
    assert f'href="/staff/surveys/{survey.id}"' in page  # keep it as it is

    path = f"/staff/surveys/{survey.id}/archive"
    done = send(client, path, {})
    assert done.headers["Location"] == f"/staff/surveys/{survey.id}"
    assert _status(app, survey.id) == SurveyStatus.ARCHIVED
    again = send(client, path, {}, f"/staff/surveys/{survey.id}")  # a second press
    assert again.status_code == 302
    assert _moves(app, survey.id) == [("open", "closed", True), ("closed", "archived", True)]
    shown = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "The survey is archived. Its results and answers are kept." in shown
    assert "Closed to Archived" in shown and "Open to Closed" in shown
    assert client.get(f"/s/{survey.slug}").status_code == 404
    assert client.get(f"/staff/surveys/{survey.id}/results").status_code == 200


def test_an_archived_survey_comes_back_closed_with_its_answers(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    _closed(client, app, survey)
    send(client, f"/staff/surveys/{survey.id}/archive", {})
    answers = count(app, Answer)
    overview = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "Bring the survey back" in overview and "Open the survey" not in overview

    back = set_status(client, survey.id, "closed")
    assert back.status_code == 302 and _status(app, survey.id) == SurveyStatus.CLOSED
    page = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "The survey is back. It is closed, with all its answers" in page
    assert "Archived to Closed" in page and "Open the survey" in page
    assert count(app, Answer) == answers > 0
    assert _moves(app, survey.id)[-1] == ("archived", "closed", True)
    set_status(client, survey.id, "open")
    assert client.get(f"/s/{survey.slug}").status_code == 200


def test_forged_status_moves_get_a_plain_refusal(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/archive"
    while_open = client.get(path).get_data(as_text=True)
    assert "You can only archive a survey that is a draft or closed. Close it first." in while_open
    assert 'type="submit"' not in while_open.split("<main")[1]
    refused = send(client, path, {}, f"/staff/surveys/{survey.id}")
    assert refused.status_code == 302 and _status(app, survey.id) == SurveyStatus.OPEN
    assert "Close it first." in client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    for wanted in ("nonsense", "", "ARCHIVED", "open "):
        assert set_status(client, survey.id, wanted).status_code == 400
    set_status(client, survey.id, "closed")
    send(client, path, {})
    set_status(client, survey.id, "open")  # straight from the archive to taking answers
    assert _status(app, survey.id) == SurveyStatus.ARCHIVED
    shown = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "You can only open a survey that is a draft or closed." in shown
    no_token = client.post(path, data={})
    assert no_token.status_code == 400 and _status(app, survey.id) == SurveyStatus.ARCHIVED
    assert len(_moves(app, survey.id)) == 2  # open to closed, closed to archived: nothing else
