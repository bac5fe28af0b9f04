"""Survey pages run a small, fixed number of queries however big the survey or its replies."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.extensions import db
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from tests.conftest import MadeSurvey
from tests.factories import add_responses
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start

MAX_QUERIES = 10


def _pages(survey: MadeSurvey) -> list[str]:
    return [
        "/",
        "/s/cafe",
        "/s/cafe/consent",
        f"/s/cafe/q/{survey.questions['welcome']}",
        f"/s/cafe/q/{survey.questions['priorities']}",
        "/s/cafe/check",
    ]


def _count(client: FlaskClient, count_queries, survey: MadeSurvey) -> dict[str, int]:
    counts = {}
    for path in _pages(survey):
        client.get(path)  # the survey is built once per version; count the pages that reuse it
        with count_queries() as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def _grow(app: Flask, survey: MadeSurvey) -> None:
    with app.app_context():
        add_responses(survey.id, 250)
        found = db.session.get(Survey, survey.id)
        for n in range(12):
            found.questions.append(
                Question(
                    position=100 + n,
                    kind=QuestionKind.SINGLE_CHOICE,
                    text=f"Extra {n}",
                    options=[
                        Option(position=i, value=f"v{i}", label=f"Option {i}") for i in range(6)
                    ],
                )
            )
        db.session.commit()


def test_survey_pages_use_a_fixed_number_of_queries(
    app: Flask, client: FlaskClient, survey: MadeSurvey, count_queries
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    small = _count(client, count_queries, survey)
    _grow(app, survey)
    big = _count(client, count_queries, survey)
    print("queries per page", big)
    assert big == small, (small, big)
    assert max(big.values()) <= MAX_QUERIES, big
