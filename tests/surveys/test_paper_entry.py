"""Staff type in answers from paper, the phone or an interview: one checked response each."""

from __future__ import annotations

import json

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send
from tests.surveys.builder_helpers import set_status
from tests.surveys.helpers import form_key
from tests.surveys.helpers import stored_answers
from tests.surveys.helpers import token


def _fields(survey: MadeSurvey, **answers: object) -> dict:
    return {f"q{survey.questions[key]}-{name}": value
            for key, given in answers.items() for name, value in given.items()}  # fmt: skip


FULL = {
    "visited": {"answer": "no"},
    "often": {"answer": "weekly"},  # on a branch not taken: dropped
    "welcome": {"answer": "4"},
    "hard": {"answer": ["travel", "anxious"]},
    "priorities": {"answer-1": "quiet", "answer-2": "meals", "answer-3": ""},
    "household": {"answer": "2"},
    "well": {"answer": "Kind staff"},
    "else": {"answer": ""},
}


def _stored(app: Flask) -> tuple[Response, dict[int, object]]:
    with app.app_context():
        response = db.session.scalars(select(Response)).one()
        stored = stored_answers(Answer.response_id == response.id)
        answers = {question_id: json.loads(row.value) for question_id, row in stored.items()}
        db.session.expunge_all()
        return response, answers


def test_paper_answers_are_saved_with_channel_and_who_typed_them(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    from tests.conftest import make_staff
    from tests.conftest import sign_in

    staff = make_staff(app, Role.COORDINATOR)
    sign_in(client, staff.email)
    path = f"/staff/surveys/{survey.id}/enter"
    data = {"channel": "phone", "agreed": "y", "skipped": "drop", **_fields(survey, **FULL)}
    response = send(client, path, data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    assert "The answers are saved. 1 answer to a skipped question was left out, as you chose." in (
        client.get(path).get_data(as_text=True)
    )
    stored, answers = _stored(app)
    assert stored.channel == Channel.PHONE and stored.entered_by_id == staff.id
    assert stored.status == ResponseStatus.SUBMITTED and stored.submitted_at is not None
    assert stored.language == "en" and stored.consent_version == 1
    assert stored.answered_on is None  # no date written: it counts from the day typed in
    assert survey.questions["often"] not in answers  # the branch was not taken, as chosen
    assert survey.questions["else"] not in answers  # left empty: not answered
    assert answers[survey.questions["hard"]] == ["travel", "anxious"]
    assert answers[survey.questions["priorities"]] == ["quiet", "meals"]
    assert answers[survey.questions["household"]] == 2


def test_double_tap_on_save_keeps_one_response(app: Flask, staff_client, survey) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/enter"
    html = client.get(path).get_data(as_text=True)
    data = {"csrf_token": token(html), "form_key": form_key(html), "channel": "paper",
            "agreed": "y", **_fields(survey, well={"answer": "Soup"})}  # fmt: skip
    assert client.post(path, data=data).status_code == 302
    assert client.post(path, data=data).status_code == 302
    assert "Those answers were already saved." in client.get(path).get_data(as_text=True)
    assert count(app, Response) == 1 and count(app, Answer) == 1


def test_every_problem_is_listed_and_every_answer_kept(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    data = _fields(
        survey,
        welcome={"answer": "99"},  # not an answer offered
        hard={"answer": ["travel", "<script>alert(1)</script>"]},
        priorities={"answer-1": "quiet", "answer-2": "quiet"},
        household={"answer": "many"},
        well={"answer": "Warm <b>rooms</b>"},
    )
    response = send(client, f"/staff/surveys/{survey.id}/enter", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    q = survey.questions
    for link in ("#channel-0", "#agreed", f"#q{q['welcome']}-answer-0", f"#q{q['hard']}-answer-0",
                 f"#q{q['priorities']}-answer-1", f"#q{q['household']}-answer"):  # fmt: skip
        assert f'href="{link}"' in page, link
    assert "Choose one of the answers shown" in page and "Choose each thing only once" in page
    assert "Enter a whole number, like 3" in page and 'value="many"' in page
    assert 'value="Warm &lt;b&gt;rooms&lt;/b&gt;"' in page and "<script>alert" not in page
    assert count(app, Response) == 0


def test_a_required_question_left_blank_on_paper_is_not_answered(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, consent_text="", anonymous="no")
    add_question(client, survey_id, "short_text", "Your idea?", required="y")
    set_status(client, survey_id, "open")
    path = f"/staff/surveys/{survey_id}/enter"
    response = send(client, path, {"channel": "interview", "respondent_name": "Sam\x00 Lee"})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        stored = db.session.scalars(select(Response)).one()
        assert stored.respondent_name == "Sam Lee" and stored.answers == []
        assert stored.consent_version is None


def test_drafts_take_no_typed_in_answers(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    add_question(client, survey_id, "yes_no", "Do you read?")
    path = f"/staff/surveys/{survey_id}/enter"
    page = client.get(path).get_data(as_text=True)
    assert "You can type in answers only when the survey is open or closed" in page
    other = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    response = client.post(path, data={"csrf_token": token(other), "channel": "paper"})
    assert response.status_code == 200 and count(app, Response) == 0


def test_answers_for_another_surveys_questions_are_ignored(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    data = {"channel": "paper", "agreed": "y", "q999999-answer": "yes", "answer": "yes"}
    assert send(client, f"/staff/surveys/{survey.id}/enter", data).status_code == 302
    assert count(app, Answer) == 0
