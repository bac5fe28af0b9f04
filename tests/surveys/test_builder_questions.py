"""Changing, moving and removing questions never breaks the answers people already gave."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_answer
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import question_fields
from tests.surveys.builder_helpers import question_ids
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import STORED_TEXT
from tests.surveys.helpers import answer
from tests.surveys.helpers import start

OFTEN_LINES = "Every week\nAbout once a month\nA few times a year\nOnly once"


def _edit(client: FlaskClient, survey: MadeSurvey, key: str, kind: str, text: str, **extra):
    path = f"/staff/surveys/{survey.id}/questions/{survey.questions[key]}"
    return send(client, path, question_fields(kind, text, **extra))


def _options(app: Flask, question_id: int) -> dict[str, tuple[str, bool]]:
    with app.app_context():
        rows = db.session.scalars(select(Option).where(Option.question_id == question_id))
        return {o.value: (o.label, o.retired) for o in rows}


def test_editing_an_answered_question_warns_how_many_answered(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    for _ in range(3):
        add_answer(app, survey.id, survey.questions["often"], "weekly")
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/surveys/{survey.id}/questions/{survey.questions['often']}")
    assert "3 people have answered this question" in page.get_data(as_text=True)
    unanswered = client.get(f"/staff/surveys/{survey.id}/questions/{survey.questions['well']}")
    assert "have answered this question" not in unanswered.get_data(as_text=True)


def test_type_of_an_answered_question_cannot_change(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    add_answer(app, survey.id, survey.questions["well"], "The tea")
    client = staff_client(Role.COORDINATOR)
    response = _edit(client, survey, "well", "long_text", "What do we do well?")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "People have answered this question, so you cannot change its type." in page
    assert 'href="#kind-0"' in page and "What do we do well?" in page
    with app.app_context():
        question = db.session.get(Question, survey.questions["well"])
        assert question.kind == QuestionKind.SHORT_TEXT and question.text.startswith("What is")


def test_an_answer_people_chose_is_retired_not_deleted(
    app: Flask, client: FlaskClient, staff_client, survey: MadeSurvey
) -> None:
    add_answer(app, survey.id, survey.questions["often"], "once")
    signed_in = staff_client(Role.COORDINATOR)
    branch = f"{survey.questions['visited']}:yes"
    for lines in ("Every single week\nAbout once a month", "Every single week\nMonthly\nRarely"):
        response = _edit(signed_in, survey, "often", "single_choice", "How often do you come?",
                         options=lines, show_if=branch)  # fmt: skip
        assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    options = _options(app, survey.questions["often"])
    assert options["weekly"] == ("Every single week", False)  # changed words, same answer
    assert options["monthly"] == ("Monthly", False)  # changed in the same place
    assert options["once"] == ("Only once", True)  # chosen by someone: kept, hidden
    assert "sometimes" not in options  # nobody chose it: gone
    assert options["rarely"] == ("Rarely", False)
    with app.app_context():
        assert db.session.scalar(select(STORED_TEXT)) == '"once"'
    with app.test_client() as participant:
        start(participant, survey)
        answer(participant, survey, "visited", {"answer": "yes"})
        page = participant.get(f"/s/cafe/q/{survey.questions['often']}").get_data(as_text=True)
    assert "Rarely" in page and "Only once" not in page


def test_an_answer_another_question_depends_on_cannot_go(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _edit(client, survey, "visited", "single_choice", "Have you been?",
                     options="Often\nNever")  # fmt: skip
    assert response.status_code == 400
    assert "Question 2 depends on the answer to this question" in response.get_data(True)


def test_removing_an_answered_question_retires_it_and_keeps_answers(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    add_answer(app, survey.id, survey.questions["household"], 3)
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/questions/{survey.questions['household']}"
    response = send(client, f"{path}/remove", {}, path)
    assert response.status_code == 302
    page = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert "so it is now hidden from new people" in page
    assert "1 removed question is hidden from new people" in page
    with app.app_context():
        assert db.session.get(Question, survey.questions["household"]).retired
        assert db.session.scalar(select(STORED_TEXT)) == "3"
    assert client.get(path).status_code == 404  # a removed question cannot be edited


def test_removing_an_unanswered_question_deletes_it(app: Flask, staff_client, survey) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/questions/{survey.questions['well']}"
    send(client, f"{path}/remove", {}, path)
    with app.app_context():
        assert db.session.get(Question, survey.questions["well"]) is None


def test_a_question_others_depend_on_cannot_be_removed(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/questions/{survey.questions['visited']}"
    response = send(client, f"{path}/remove", {}, path)
    assert response.headers["Location"] == path
    assert "Question 2 depends on the answer to this question" in client.get(path).get_data(True)
    with app.app_context():
        assert db.session.get(Question, survey.questions["visited"]) is not None


def test_questions_move_but_a_branch_stays_after_its_question(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    overview = f"/staff/surveys/{survey.id}"

    def move(key: str, direction: str) -> str:
        path = f"{overview}/questions/{survey.questions[key]}/move"
        assert send(client, path, {"direction": direction}, overview).status_code == 302
        return client.get(overview).get_data(as_text=True)

    assert "This question depends on question 1, so it must stay after it." in move("often", "up")
    assert "Question 2 depends on this question" in move("visited", "down")
    move("well", "up")
    ids = question_ids(app, survey.id)
    assert ids.index(survey.questions["well"]) == ids.index(survey.questions["household"]) - 1
    response = send(client, f"{overview}/questions/{survey.questions['well']}/move",
                    {"direction": "sideways"}, overview)  # fmt: skip
    assert response.status_code == 400


def test_branch_can_only_follow_an_earlier_choice_question(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/surveys/{survey.id}/questions/{survey.questions['welcome']}")
    html = page.get_data(as_text=True)
    assert "Question 1 (Have you been to the café in the last year?) is answered “Yes”" in html
    assert f'value="{survey.questions["hard"]}:' not in html  # later, and several answers
    later = _edit(client, survey, "welcome", "scale", "How welcome?",
                  options="Not\nQuite\nVery", show_if=f"{survey.questions['household']}:3")  # fmt: skip
    assert later.status_code == 400
    assert "Choose an earlier question from the list" in later.get_data(as_text=True)


def test_question_form_checks_answers_to_choose(staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    path = f"/staff/surveys/{survey_id}/questions/new"
    for kind, extra, message in [
        ("single_choice", {"options": "Only one"}, "Write at least 2 answers"),
        ("scale", {"options": "\n".join("abcdefgh")}, "A scale needs 2 to 7 points"),
        ("multiple_choice", {"options": "Tea\ntea"}, "Each answer must be different"),
        ("priorities", {"options": "A\nB", "pick_count": "3"}, "more than the number of answers"),
        ("number", {"min_value": "10", "max_value": "2"}, "The largest number must be more"),
        ("number", {"min_value": "ten"}, "Enter a whole number, like 0"),
        ("teapot", {}, "Choose a type of question"),
    ]:
        response = send(client, path, question_fields(kind, "A question?", **extra))
        assert response.status_code == 400, kind
        assert message in response.get_data(as_text=True), kind
    add_question(client, survey_id, "scale", "How much?", options="Not much\nA lot")
    with client.application.app_context():
        values = db.session.scalars(select(Option.value).order_by(Option.position)).all()
    assert values == ["1", "2"]  # a scale's answers are its points
