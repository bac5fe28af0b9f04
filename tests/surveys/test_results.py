"""The results page: counts and percentages per answer, filters, and a fixed few queries."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.surveys.content import load_survey_by_id
from app.surveys.models import Channel
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.results import tallies as results
from tests.conftest import MadeSurvey
from tests.factories import add_responses

DECLINED = object()


def respond(
    app: Flask,
    survey: MadeSurvey,
    answers: dict[str, Any],
    language: str = "en",
    channel: Channel = Channel.ONLINE,
    status: ResponseStatus = ResponseStatus.SUBMITTED,
    name: str | None = None,
    minutes_ago: int = 0,
) -> int:
    """Store one response with answers by local question key; DECLINED means "rather not say"."""
    with app.app_context():
        when = utcnow() - timedelta(minutes=minutes_ago)
        response = Response(
            survey_id=survey.id,
            status=status,
            language=language,
            channel=channel,
            respondent_name=name,
            submitted_at=when if status == ResponseStatus.SUBMITTED else None,
        )
        response.answers = [
            Answer(question_id=survey.questions[key], declined=True)
            if value is DECLINED
            else Answer(question_id=survey.questions[key], value=value)
            for key, value in answers.items()
        ]
        db.session.add(response)
        db.session.commit()
        return response.id


def _results(app: Flask, survey: MadeSurvey, **filters: str) -> dict[str, results.QuestionResult]:
    with app.app_context():
        found = results.survey_results(
            load_survey_by_id(survey.id),
            results.Filters(**filters),
        )
        by_key = {key: qid for key, qid in survey.questions.items()}
        return {"total": found.total} | {
            key: next(q for q in found.questions if q.id == qid) for key, qid in by_key.items()
        }


def _bars(result: results.QuestionResult) -> dict[str, tuple[int, int]]:
    return {bar.label: (bar.count, bar.percent) for bar in result.bars}


@pytest.fixture
def known(app: Flask, survey: MadeSurvey) -> MadeSurvey:
    """Four sent responses with answers chosen so every count is known, plus one unsent."""
    respond(
        app,
        survey,
        {
            "visited": "yes",
            "welcome": "5",
            "hard": ["travel", "times"],
            "priorities": ["meals", "quiet", "hours"],
            "household": 1,
            "well": "The tea",
        },
        language="cy",
        channel=Channel.PAPER,
    )
    respond(
        app,
        survey,
        {
            "visited": "yes",
            "welcome": "5",
            "hard": ["travel"],
            "priorities": ["meals", "hours"],
            "household": 3,
            "well": "Kind staff",
        },
    )
    respond(
        app,
        survey,
        {
            "visited": "no",
            "welcome": "4",
            "hard": DECLINED,
            "priorities": ["quiet"],
            "household": 2,
            "well": DECLINED,
        },
    )
    respond(app, survey, {"visited": DECLINED, "welcome": "1", "household": 10}, language="cy")
    respond(app, survey, {"visited": "yes", "welcome": "1"}, status=ResponseStatus.IN_PROGRESS)
    return survey


def test_counts_and_percentages_are_of_the_people_who_answered(app: Flask, known) -> None:
    found = _results(app, known)
    assert found["total"] == 4  # the unsent response does not count
    visited = found["visited"]
    assert (visited.answered, visited.declined) == (3, 1)
    assert _bars(visited) == {"Yes": (2, 67), "No": (1, 33)}
    welcome = _bars(found["welcome"])
    assert welcome["Very welcome"] == (2, 50)
    assert welcome["Quite welcome"] == (1, 25)
    assert welcome["Not at all welcome"] == (1, 25)
    assert welcome["Not sure"] == (0, 0)


def test_multiple_choice_counts_each_option_chosen(app: Flask, known) -> None:
    hard = _results(app, known)["hard"]
    assert hard.multiple and (hard.answered, hard.declined) == (2, 1)
    bars = _bars(hard)
    assert bars["The cost of travel"] == (2, 100)
    assert bars["The opening times"] == (1, 50)
    assert bars["Nothing makes it hard"] == (0, 0)


def test_priorities_count_each_rank_and_score_first_choices_highest(app: Flask, known) -> None:
    priorities = _results(app, known)["priorities"]
    rows = {row.label: (row.by_rank, row.score) for row in priorities.priorities}
    assert rows["Free hot meals"] == ((2, 0, 0), 6)
    assert rows["A quiet room"] == ((1, 1, 0), 5)
    assert rows["Open for longer"] == ((0, 1, 1), 3)
    assert rows["A quiet room"] and priorities.priorities[0].label == "Free hot meals"


def test_numbers_show_lowest_median_and_highest(app: Flask, known) -> None:
    household = _results(app, known)["household"]
    assert (household.answered, household.lowest, household.highest) == (4, 1, 10)
    assert household.median == 2.5  # 1, 2, 3, 10
    odd = _results(app, known, channel="online")["household"]
    assert (odd.lowest, odd.median, odd.highest) == (2, 3, 10)  # 2, 3, 10


def test_text_questions_are_counted_not_listed(app: Flask, known) -> None:
    well = _results(app, known)["well"]
    assert (well.category, well.answered, well.declined) == ("text", 2, 1)


def test_filters_count_only_matching_responses(app: Flask, known) -> None:
    welsh = _results(app, known, language="cy")
    assert welsh["total"] == 2
    assert _bars(welsh["welcome"])["Very welcome"] == (1, 50)
    paper = _results(app, known, channel="paper")
    assert paper["total"] == 1 and _bars(paper["visited"]) == {"Yes": (1, 100), "No": (0, 0)}
    both = _results(app, known, language="cy", channel="online")
    assert both["total"] == 1 and both["visited"].declined == 1


def test_results_page_shows_numbers_percentages_and_decorative_bars(
    staff_client, known: MadeSurvey
) -> None:
    client = staff_client(Role.VIEWER)
    page = client.get(f"/staff/surveys/{known.id}/results").get_data(as_text=True)
    assert "4 responses have been sent." in page
    row = re.search(
        r"<th scope=\"row\"[^>]*>(?:<span[^>]*>)?Yes(?:</span>)?</th>\s*<td[^>]*>2 \(67%\)(.*?)</td>",
        page,
        re.S,
    )
    assert row, "the Yes row shows its number and percentage as text"
    assert 'aria-hidden="true"' in row.group(1) and 'width="67%"' in row.group(1)
    assert "style=" not in page
    assert "3 people answered. 1 person chose “I'd rather not say”." in page
    assert "<caption" in page and 'scope="col"' in page
    assert "First choice" in page and "Middle (median)" in page


def test_results_page_filters_with_a_plain_get_form(staff_client, known: MadeSurvey) -> None:
    client = staff_client(Role.FINANCE)
    path = f"/staff/surveys/{known.id}/results"
    page = client.get(path).get_data(as_text=True)
    assert re.search(r'<form method="get" action="[^"]*/results"', page)
    assert '<select class="select" id="language" name="language">' in page
    filtered = client.get(f"{path}?language=cy&channel=paper").get_data(as_text=True)
    assert "1 sent response matches." in filtered
    assert '<option selected value="cy">' in filtered


@pytest.mark.parametrize("query", ["language=xx", "channel=pigeon", "language=%00&channel="])
def test_unknown_filter_values_show_everything(staff_client, known: MadeSurvey, query: str) -> None:
    client = staff_client(Role.VIEWER)
    response = client.get(f"/staff/surveys/{known.id}/results?{query}")
    assert response.status_code == 200
    assert "4 responses have been sent." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("role", "back"),
    [
        (Role.ADMIN, "/staff/surveys/{id}"),
        (Role.COORDINATOR, "/staff/surveys/{id}"),
        (Role.VIEWER, "/staff/surveys/"),
        (Role.FINANCE, "/staff/surveys/"),
    ],
)
def test_results_page_links_back_to_the_export_and_to_the_answers(
    staff_client, known: MadeSurvey, role: Role, back: str
) -> None:
    page = staff_client(role).get(f"/staff/surveys/{known.id}/results").get_data(as_text=True)
    assert f'<a class="back-link" href="{back.format(id=known.id)}">' in page
    assert f'href="/staff/surveys/{known.id}/export.csv"' in page
    assert f'href="/staff/surveys/{known.id}/results/{known.questions["well"]}"' in page


def test_results_of_a_survey_that_does_not_exist_are_not_found(staff_client) -> None:
    assert staff_client(Role.ADMIN).get("/staff/surveys/999999/results").status_code == 404


def _add_responses(app: Flask, survey: MadeSurvey, count: int) -> None:
    with app.app_context():
        add_responses(survey.id, count)


def _add_questions(app: Flask, survey: MadeSurvey) -> None:
    """One more question of every kind, each with options, at the end of the survey."""
    with app.app_context():
        for position, kind in enumerate(QuestionKind, start=20):
            options = [Option(position=n, value=f"v{n}", label=f"Option {n}") for n in (1, 2)]
            db.session.add(
                Question(
                    survey_id=survey.id,
                    position=position,
                    kind=kind,
                    text=kind.value,
                    options=options if kind.has_options else [],
                )
            )
        db.session.commit()


def test_results_page_runs_a_fixed_few_queries_however_many_responses_and_questions(
    app: Flask, staff_client, survey: MadeSurvey, count_queries
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/results?language=en"
    counts = []
    for responses in (10, 290):
        _add_responses(app, survey, responses)
        with count_queries() as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
        _add_questions(app, survey)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 8, counts
