"""The CSV as a charity uses it: counted in a spreadsheet, filtered as the results page is, each
response by its reference, written answers with their themes, withdrawn ones never in it."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.surveys.content import load_survey_by_id
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Response
from app.surveys.results import tallies as results
from tests.conftest import MadeSurvey
from tests.factories import make_survey
from tests.ledger.test_claim_races import THREADS
from tests.ledger.test_claim_races import WON
from tests.ledger.test_claim_races import race
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token
from tests.surveys.test_export import ELSE
from tests.surveys.test_export import WELL
from tests.surveys.test_export import _table
from tests.surveys.test_export import _theme
from tests.surveys.test_results import DECLINED
from tests.surveys.test_results import respond

HARD = "What makes it hard to come?"
PRIORITIES = "Which changes matter most to you?"
REFERENCE = "Reference"
OPTIONS = {
    "hard": ["travel", "times", "childcare", "anxious", "language", "access"],
    "priorities": ["hours", "meals", "forms", "quiet", "children", "languages"],
}


def _download(client: FlaskClient, survey: MadeSurvey, **filters: str) -> list[dict[str, str]]:
    response = client.get(f"/staff/surveys/{survey.id}/export.csv", query_string=filters)
    assert response.status_code == 200
    return _table(response)


def _varied(app: Flask, survey: MadeSurvey, count: int) -> None:
    """count sent responses in every language and way, several options ticked or ranked."""
    rng = random.Random(12)
    for n in range(count):
        picked: dict[str, Any] = {
            key: rng.sample(values, rng.randint(1, 3)) for key, values in OPTIONS.items()
        }
        if n % 7 == 0:
            picked["hard"] = DECLINED
        respond(
            app,
            survey,
            {**picked, "visited": rng.choice(["yes", "no"])},
            language=rng.choice(["en", "en", "cy", "ar"]),
            channel=rng.choice(list(Channel)),
            minutes_ago=rng.randint(0, 10_000),
        )


def _results(app: Flask, survey: MadeSurvey, **filters: str) -> results.Results:
    with app.app_context():
        loaded = load_survey_by_id(survey.id)
        assert loaded is not None
        return results.survey_results(loaded, results.Filters(**filters))


def _withdraw(app: Flask, response_id: int) -> None:
    with app.app_context():
        db.session.get(Response, response_id).withdrawn_at = utcnow()
        db.session.commit()


FILTERS = [{}, {"language": "cy"}, {"channel": "paper"}, {"language": "en", "channel": "online"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_a_spreadsheet_counts_each_option_as_the_results_page_does(
    app: Flask, staff_client, survey: MadeSurvey, filters: dict[str, str]
) -> None:
    _varied(app, survey, 60)
    _withdraw(app, respond(app, survey, {"hard": ["travel"], "priorities": ["meals"]}))
    rows = _download(staff_client(Role.VIEWER), survey, **filters)
    found = _results(app, survey, **filters)
    assert len(rows) == found.total > 0
    by_id = {q.text: q for q in found.questions}
    hard = by_id[HARD]
    # COUNTIF on a column of its own: no cell is split, no option found inside another's words.
    for bar in hard.bars:
        assert sum(row[f"{HARD} – {bar.label}"] == "1" for row in rows) == bar.count, bar.label
    assert sum(row[HARD] not in ("", "I'd rather not say") for row in rows) == hard.answered
    assert sum(row[HARD] == "I'd rather not say" for row in rows) == hard.declined
    for line in by_id[PRIORITIES].priorities:
        column = [row[f"{PRIORITIES} – {line.label}"] for row in rows]
        assert tuple(column.count(str(rank)) for rank in (1, 2, 3)) == line.by_rank, line.label


def test_a_ranking_gives_each_option_its_place_and_a_ticked_option_a_one(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    respond(app, survey, {"hard": ["anxious", "travel"], "priorities": ["quiet", "hours", "meals"]})
    (row,) = _download(staff_client(Role.VIEWER), survey)
    ticked = {key.split(" – ")[1]: cell for key, cell in row.items() if key.startswith(f"{HARD} –")}
    assert ticked == {
        "The cost of travel": "1",
        "The opening times": "",
        "Looking after children": "",
        "Feeling anxious": "1",
        "Not speaking English well": "",
        "Getting in with a wheelchair": "",
        "Nothing makes it hard": "",
    }
    assert row[HARD] == "Feeling anxious; The cost of travel"  # the combined cell is kept
    assert row[f"{PRIORITIES} – A quiet room"] == "1"
    assert row[f"{PRIORITIES} – Open for longer"] == "2"
    assert row[f"{PRIORITIES} – Free hot meals"] == "3"
    assert row[f"{PRIORITIES} – Help with forms and letters"] == ""


def test_the_results_pages_filters_apply_to_the_download(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    respond(app, survey, {"visited": "yes"}, language="cy", channel=Channel.PAPER)
    respond(app, survey, {"visited": "no"}, language="cy")
    respond(app, survey, {"visited": "yes"}, channel=Channel.PAPER)
    client = staff_client(Role.VIEWER)
    welsh = _download(client, survey, language="cy")
    assert [row["Language code"] for row in welsh] == ["cy", "cy"]
    paper = _download(client, survey, channel="paper")
    assert [row["How it was sent (code)"] for row in paper] == ["paper", "paper"]
    both = _download(client, survey, language="cy", channel="paper")
    assert [row[REFERENCE] for row in both] == ["1"]
    # Anything not on the lists means "all", as on the results page.
    assert len(_download(client, survey, language="xx", channel="<script>")) == 3
    named = client.get(f"/staff/surveys/{survey.id}/export.csv?language=cy&channel=paper")
    assert 'filename="cafe-responses-cy-paper.csv"' in named.headers["Content-Disposition"]


def test_the_results_page_links_to_the_download_with_its_filters(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.VIEWER)
    page = client.get(f"/staff/surveys/{survey.id}/results?language=cy&channel=phone")
    html = page.get_data(as_text=True)
    link = f'href="/staff/surveys/{survey.id}/export.csv?language=cy&amp;channel=phone"'
    assert link in html and "responses that match these filters" in html
    unfiltered = client.get(f"/staff/surveys/{survey.id}/results?language=xx").get_data(
        as_text=True
    )
    assert f'href="/staff/surveys/{survey.id}/export.csv"' in unfiltered


def test_each_written_answer_has_its_own_themes_column(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    first = respond(app, survey, {"well": "The tea", "else": "More chairs"}, minutes_ago=2)
    respond(app, survey, {"well": "Kind staff"})
    _theme(app, survey, first, "well", "Food", "atmosphere")
    _theme(app, survey, first, "else", "Furniture")
    one, two = _download(staff_client(Role.VIEWER), survey)
    assert one[f"{WELL} – themes"] == "atmosphere; Food"  # each theme once, A to Z
    assert one[f"{ELSE} – themes"] == "Furniture"
    assert two[f"{WELL} – themes"] == two[f"{ELSE} – themes"] == ""


def test_withdrawn_responses_are_never_in_the_download(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    kept = respond(app, survey, {"visited": "yes"})
    _withdraw(app, entered_response)
    rows = _download(staff_client(Role.COORDINATOR), survey, language="")
    with app.app_context():
        assert [row[REFERENCE] for row in rows] == [str(db.session.get(Response, kept).number)]
    assert _results(app, survey).total == 1


def _numbers(app: Flask, survey_id: int) -> list[int | None]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(Response.number).where(Response.survey_id == survey_id).order_by(Response.id)
            )
        )


def test_each_response_is_numbered_within_its_survey_as_it_is_sent(
    app: Flask, client: FlaskClient, staff_client, survey: MadeSurvey
) -> None:
    """Sent online, typed in by staff or added straight to the database: the number comes with
    sending, never with starting, and never twice."""
    unsent = respond(app, survey, {"visited": "yes"}, status=ResponseStatus.IN_PROGRESS)
    respond(app, survey, {"visited": "no"})
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    assert (
        client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)}).status_code < 400
    )
    with app.app_context():
        other = make_survey("other", translated=False)
    respond(app, other, {"visited": "yes"})
    _withdraw(app, respond(app, survey, {"visited": "yes"}))
    with app.app_context():  # the one started first is sent last
        db.session.execute(
            Response.__table__.update()
            .where(Response.id == unsent)
            .values(status=ResponseStatus.SUBMITTED, submitted_at=utcnow())
        )
        db.session.commit()
    assert _numbers(app, survey.id) == [4, 1, 2, 3]  # the withdrawn one keeps its number
    assert _numbers(app, other.id) == [1]
    rows = _download(staff_client(Role.VIEWER), survey)
    assert [row[REFERENCE] for row in rows] == ["1", "2", "4"]


def test_staff_pages_name_a_typed_in_response_by_its_reference(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    respond(app, survey, {"visited": "yes"}, minutes_ago=5)
    number = 7  # not its database id, whatever that is
    with app.app_context():
        db.session.execute(
            Response.__table__.update().where(Response.id == entered_response).values(number=number)
        )
        db.session.commit()
    client = staff_client(Role.COORDINATOR)
    listed = client.get(f"/staff/surveys/{survey.id}/entered").get_data(as_text=True)
    shown = client.get(f"/staff/surveys/{survey.id}/entered/{entered_response}").get_data(
        as_text=True
    )
    assert f">Response {number}</a>" in listed
    assert f"Response {number}" in shown
    (row,) = [row for row in _download(client, survey) if row["Language code"] == "cy"]
    assert row[REFERENCE] == str(number)


def test_people_sending_at_the_same_moment_never_share_a_number(
    app: Flask, survey: MadeSurvey
) -> None:
    """Sends at once, each in its own connection as app processes would: on PostgreSQL they
    take turns for the survey's next number; SQLite writes one at a time."""
    started = [
        respond(app, survey, {"visited": "yes"}, status=ResponseStatus.IN_PROGRESS)
        for _ in range(THREADS)
    ]

    def send(index: int) -> None:
        db.session.execute(
            Response.__table__.update()
            .where(Response.id == started[index])
            .values(status=ResponseStatus.SUBMITTED, submitted_at=utcnow())
        )
        db.session.commit()

    assert race(app, send, LookupError) == Counter({WON: THREADS})
    assert sorted(_numbers(app, survey.id)) == list(range(1, THREADS + 1))
