"""Duplicating a question and moving one to a chosen place in one step, on a live survey, with
every branch kept after what it depends on; the list of questions says each one's answers and
branches."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import SurveyText
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseStatus
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_answer
from tests.surveys.builder_helpers import question_ids
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token


def _overview(survey: MadeSurvey) -> str:
    return f"/staff/surveys/{survey.id}"


def _item(html: str, question_id: int) -> str:
    """The question's entry in the survey page's list, as text."""
    items = html.split('<li class="question-item" id="q-')[1:]
    found = next(item for item in items if item.startswith(f'{question_id}"'))
    found = found.split("</ol>")[0]
    words = re.sub(r"</?span[^>]*>", "", found.split(">", 1)[1])  # inline: no gap
    return " ".join(re.sub(r"<[^>]+>", " ", words).split())


def _duplicate_form(html: str, question_id: int) -> dict[str, str]:
    action = f'/questions/{question_id}/duplicate">'
    form = re.search(rf"{re.escape(action)}(.*?)</form>", html, re.S)
    assert form, question_id
    key = re.search(r'name="form_key" type="hidden" value="([^"]+)"', form.group(1)).group(1)
    return {"csrf_token": token(html), "form_key": key}


def _move(client: FlaskClient, survey: MadeSurvey, key: str, position: str):
    path = f"{_overview(survey)}/questions/{survey.questions[key]}/move"
    return send(client, path, {"position": position}, _overview(survey))


def _texts(app: Flask, survey_id: int, question_id: int) -> dict[tuple[str, str], str]:
    with app.app_context():
        question = db.session.get(Question, question_id)
        keys = {f"q:{question_id}:text": "text", f"q:{question_id}:help": "help"}
        keys |= {f"o:{o.id}:label": o.value for o in question.options}
        rows = db.session.scalars(
            select(SurveyText).where(SurveyText.survey_id == survey_id, SurveyText.key.in_(keys))
        )
        return {(row.language, keys[row.key]): row.text for row in rows}


def test_duplicate_copies_a_question_straight_after_it_with_its_answers_branch_and_translations(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    before = question_ids(app, survey.id)
    html = client.get(_overview(survey)).get_data(as_text=True)
    often = survey.questions["often"]
    response = client.post(
        f"{_overview(survey)}/questions/{often}/duplicate", data=_duplicate_form(html, often)
    )
    after = question_ids(app, survey.id)
    [copy_id] = set(after) - set(before)
    assert after == [*before[:2], copy_id, *before[2:]]  # straight after the original
    assert response.headers["Location"] == f"{_overview(survey)}/questions/{copy_id}"
    edit = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Question 3 is a copy of question 2. Change what you need and save." in edit
    with app.app_context():
        original, copy = db.session.get(Question, often), db.session.get(Question, copy_id)
        same = ("kind", "text", "help_text", "required", "show_if_question_id", "show_if_value")
        assert [getattr(copy, name) for name in same] == [getattr(original, name) for name in same]
        assert [(o.value, o.label) for o in copy.options] == [
            (o.value, o.label) for o in original.options
        ]
    copied = _texts(app, survey.id, copy_id)
    assert copied == _texts(app, survey.id, often)
    assert len(copied) == 5 * 5  # the question and its 4 answers, in 5 languages
    # The original's translations are still its own.
    assert ("cy", "text") in _texts(app, survey.id, often)


def test_a_copy_keeps_an_answer_that_stands_alone_and_the_limits(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    for key in ("hard", "priorities"):
        html = client.get(_overview(survey)).get_data(as_text=True)
        path = f"{_overview(survey)}/questions/{survey.questions[key]}/duplicate"
        client.post(path, data=_duplicate_form(html, survey.questions[key]))
    with app.app_context():
        hard, priorities = (
            db.session.scalars(
                select(Question).where(Question.text == text).order_by(Question.position.desc())
            ).first()
            for text in ("What makes it hard to come?", "Which changes matter most to you?")
        )
        assert hard.id != survey.questions["hard"]
        assert [o.value for o in hard.options if o.exclusive] == ["nothing"]
        assert priorities.pick_count == 3 and priorities.id != survey.questions["priorities"]


def test_a_double_tap_on_duplicate_makes_one_copy(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    html = client.get(_overview(survey)).get_data(as_text=True)
    well = survey.questions["well"]
    data = _duplicate_form(html, well)
    path = f"{_overview(survey)}/questions/{well}/duplicate"
    first, second = client.post(path, data=data), client.post(path, data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == _overview(survey)
    assert "You already made that copy." in client.get(_overview(survey)).get_data(as_text=True)
    assert len(question_ids(app, survey.id)) == len(survey.questions) + 1
    # Another question's button on the same page still makes its own copy.
    other = survey.questions["else"]
    client.post(
        f"{_overview(survey)}/questions/{other}/duplicate", data=_duplicate_form(html, other)
    )
    assert len(question_ids(app, survey.id)) == len(survey.questions) + 2


def test_a_question_moves_to_a_chosen_place_in_one_step(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    before = question_ids(app, survey.id)
    last = survey.questions["else"]
    response = _move(client, survey, "else", "3")
    assert response.headers["Location"] == f"{_overview(survey)}#q-{last}"
    assert question_ids(app, survey.id) == [*before[:2], last, *before[2:-1]]
    page = client.get(_overview(survey)).get_data(as_text=True)
    assert _item(page, last).startswith("Question 3 Is there anything else")
    _move(client, survey, "else", "999")  # past the end: the last place
    assert question_ids(app, survey.id) == before
    _move(client, survey, "visited", "1")  # where it already is: nothing changes
    assert question_ids(app, survey.id) == before


def test_a_move_never_puts_a_branch_before_what_it_depends_on(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    before = question_ids(app, survey.id)
    refused = _move(client, survey, "often", "1")
    assert refused.headers["Location"] == _overview(survey)  # at the top, where the message is
    page = client.get(_overview(survey)).get_data(as_text=True)
    assert "This question depends on question 1, so it must stay after it." in page
    _move(client, survey, "visited", "5")
    page = client.get(_overview(survey)).get_data(as_text=True)
    assert "Question 2 depends on this question, so this one must stay before it." in page
    assert question_ids(app, survey.id) == before
    _move(client, survey, "visited", "2")  # still before question 2 once it moves
    _move(client, survey, "often", "3")
    after = question_ids(app, survey.id)
    assert after.index(survey.questions["visited"]) < after.index(survey.questions["often"])


@pytest.mark.parametrize("position", ["0", "-1", "two", "²", "٣", "9" * 40, "", "1.5"])
def test_a_strange_place_is_refused_plainly(
    app: Flask, staff_client, survey: MadeSurvey, position: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    before = question_ids(app, survey.id)
    assert _move(client, survey, "else", position).status_code == 400
    assert question_ids(app, survey.id) == before


def test_moving_on_a_live_survey_keeps_removed_questions_and_answers_in_place(
    app: Flask, client: FlaskClient, staff_client, survey: MadeSurvey
) -> None:
    """An open survey with answers: a retired question keeps its place among the stored ones,
    and people answering now are asked the questions in the new order."""
    signed_in = staff_client(Role.COORDINATOR)
    household = survey.questions["household"]
    add_answer(app, survey.id, household, 3)
    path = f"{_overview(survey)}/questions/{household}"
    send(signed_in, f"{path}/remove", {}, path)  # answered, so retired
    with app.app_context():
        retired_at = db.session.get(Question, household).position
    _move(signed_in, survey, "well", "1")
    with app.app_context():
        assert db.session.get(Question, household).position == retired_at
        assert db.session.get(Question, household).retired
    live = question_ids(app, survey.id)
    assert live[0] == survey.questions["well"] and household not in live
    with app.test_client() as participant:
        start(participant, survey)
        first = answer(participant, survey, "well", {"answer": "The tea"})
        assert first.headers["Location"] == f"/s/{survey.slug}/q/{survey.questions['visited']}"


def test_the_question_list_shows_each_questions_type_answers_and_branch(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(_overview(survey)).get_data(as_text=True)
    visited = _item(page, survey.questions["visited"])
    assert "Yes or no" in visited and "Answers: Yes or No" in visited
    assert "Question 2 is asked only if the answer to this one is “Yes”." in visited
    often = _item(page, survey.questions["often"])
    assert "Choose one answer" in often
    assert "Answers: Every week, About once a month, A few times a year or Only once" in often
    assert "Only asked if question 1 is answered “Yes”." in often
    hard = _item(page, survey.questions["hard"])  # 7 answers: the first 5, and how many more
    assert "Answers: The cost of travel, The opening times, Looking after children, " in hard
    assert "Not speaking English well or 2 more" in hard
    assert "Answers:" not in _item(page, survey.questions["well"])
    assert "Question 2 is asked only" not in often


def test_the_list_counts_only_the_people_who_sent_their_answers(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    """An answer still being typed, or one its sender withdrew, is nobody's answer yet: the
    list says how many people answered, and they have not."""
    question_id = survey.questions["visited"]
    add_answer(app, survey.id, question_id, "yes")
    add_answer(app, survey.id, question_id, "no")
    with app.app_context():
        typing = Response(survey_id=survey.id, language="en", status=ResponseStatus.IN_PROGRESS)
        typing.answers = [Answer(question_id=question_id, value="yes")]
        db.session.add(typing)
        withdrawn = db.session.scalars(
            select(Response).where(Response.survey_id == survey.id).order_by(Response.id)
        ).first()
        withdrawn.withdrawn_at = withdrawn.created_at
        db.session.commit()
    page = staff_client(Role.COORDINATOR).get(_overview(survey)).get_data(as_text=True)
    assert "1 person has answered it." in _item(page, question_id)
