"""An answer that stands alone ("Nothing makes it hard") cannot be ticked with others, and the
builder can mark one (issue 11, point 17)."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Option
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import question_fields
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import answer
from tests.surveys.helpers import start


def _alone(app: Flask, question_id: int) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(Option.label).where(
                    Option.question_id == question_id, Option.exclusive.is_(True)
                )
            )
        )


def test_nothing_with_other_answers_is_refused_plainly_and_the_ticks_kept(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "no"})
    answer(client, survey, "welcome", {"answer": "4"})
    refused = answer(client, survey, "hard", {"answer": ["travel", "nothing"]})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "“Nothing makes it hard” cannot be ticked with other answers." in page
    assert 'value="travel" checked' in page and 'value="nothing" checked' in page
    assert '<p class="choice-divider">or</p>' in page
    assert answer(client, survey, "hard", {"answer": ["nothing"]}).status_code == 302


def test_other_answers_together_are_still_fine(client: FlaskClient, survey: MadeSurvey) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "no"})
    answer(client, survey, "welcome", {"answer": "4"})
    assert answer(client, survey, "hard", {"answer": ["travel", "times"]}).status_code == 302


def test_the_builder_marks_the_last_answer_as_standing_alone(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    lines = "Too far\nToo dear\nNone of these"
    question = add_question(
        client, survey_id, "multiple_choice", "What stops you?", options=lines, last_alone="y"
    )
    assert _alone(app, question) == ["None of these"]
    path = f"/staff/surveys/{survey_id}/questions/{question}"
    html = client.get(path).get_data(as_text=True)
    assert re.search(r'<input [^>]*checked[^>]* id="last_alone"', html)
    # A new last line takes the place; unticking frees every answer.
    fields = question_fields("multiple_choice", "What stops you?")
    send(client, path, {**fields, "options": lines + "\nNot sure", "last_alone": "y"})
    assert _alone(app, question) == ["Not sure"]
    send(client, path, {**fields, "options": lines})
    assert _alone(app, question) == []


def test_only_choose_all_that_apply_questions_have_an_answer_standing_alone(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    question = add_question(
        client, survey_id, "single_choice", "Which?", options="A\nB\nNeither", last_alone="y"
    )
    assert _alone(app, question) == []
