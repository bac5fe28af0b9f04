"""Tagging several answers at once, and reading only the answers with no theme yet."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import AnswerTheme
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.surveys.test_results import respond
from tests.surveys.test_themes import _add_theme
from tests.surveys.test_themes import _answer_id
from tests.surveys.test_themes import _answer_ids
from tests.surveys.test_themes import _path
from tests.surveys.test_themes import _tag
from tests.surveys.test_themes import _themes_of


@pytest.fixture
def five(app: Flask, survey: MadeSurvey) -> list[int]:
    """Five answers to "what we do well", newest first."""
    made = [respond(app, survey, {"well": f"Answer {n}"}, minutes_ago=n) for n in range(5)]
    return [_answer_id(app, r, survey) for r in made]


def _tag_many(client: FlaskClient, survey: MadeSurvey, picked: list, theme: object, **data):
    token = csrf_token(client, _path(survey))
    return client.post(
        _path(survey) + "/tag-many",
        data={"csrf_token": token, "picked": picked, "add_theme": theme, **data},
    )


def _tag_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AnswerTheme))


def test_ticked_answers_all_get_the_chosen_theme_with_one_press(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    food = _add_theme(app, survey, "Food")
    client = staff_client(Role.COORDINATOR)
    page = client.get(_path(survey)).get_data(as_text=True)
    assert '<form method="post" action="' + _path(survey) + '/tag-many" id="tag-many"' in page
    assert page.count('form="tag-many"') == 5
    response = _tag_many(client, survey, five[1:4], food)
    assert response.status_code == 302
    assert response.headers["Location"] == _path(survey)
    assert [bool(_themes_of(app, a)) for a in five] == [False, True, True, True, False]
    assert "3 more answers now have the theme “Food”." in client.get(_path(survey)).get_data(
        as_text=True
    )


def test_pressing_twice_adds_nothing_more(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    food = _add_theme(app, survey, "Food")
    client = staff_client(Role.ADMIN)
    _tag_many(client, survey, five[:2], food)
    again = _tag_many(client, survey, five[:3], food)
    assert again.status_code == 302
    assert _tag_count(app) == 3
    assert "1 more answer now has the theme “Food”." in client.get(_path(survey)).get_data(
        as_text=True
    )


def test_no_answer_ticked_or_no_theme_chosen_is_said_plainly_and_ticks_are_kept(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    _add_theme(app, survey, "Food")
    client = staff_client(Role.COORDINATOR)
    none_ticked = _tag_many(client, survey, [], "")
    assert none_ticked.status_code == 400
    page = none_ticked.get_data(as_text=True)
    assert '<a href="#pick-1">Tick at least one answer to add the theme to</a>' in page
    assert '<a href="#add_theme">Choose a theme to add</a>' in page
    no_theme = _tag_many(client, survey, [five[2]], "").get_data(as_text=True)
    assert re.search(rf'id="pick-3" name="picked" value="{five[2]}" checked', no_theme)
    assert 'id="pick-1" name="picked" value="' + str(five[0]) + '">' in no_theme
    assert _tag_count(app) == 0


def test_a_theme_or_answer_from_elsewhere_is_never_tagged(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    from tests.factories import make_survey

    food = _add_theme(app, survey, "Food")
    with app.app_context():
        other = make_survey("other", translated=False)
    foreign = _add_theme(app, other, "Theirs")
    other_question = _answer_id(app, respond(app, survey, {"else": "Buses"}), survey, "else")
    unsent = _answer_id(
        app, respond(app, survey, {"well": "Draft"}, status=ResponseStatus.IN_PROGRESS), survey
    )
    client = staff_client(Role.COORDINATOR)
    assert _tag_many(client, survey, [five[0]], foreign).status_code == 400
    assert _tag_many(client, survey, ["x"], food).status_code == 400
    response = _tag_many(client, survey, [five[0], other_question, unsent], food)
    assert response.status_code == 302
    assert _themes_of(app, five[0]) == {"Food"}
    assert _themes_of(app, other_question) == set() and _themes_of(app, unsent) == set()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.FINANCE])
def test_viewer_and_finance_cannot_tag_several_answers(
    app: Flask, client: FlaskClient, survey: MadeSurvey, five: list[int], role: Role
) -> None:
    food = _add_theme(app, survey, "Food")
    sign_in(client, make_staff(app, role).email)
    page = client.get(_path(survey)).get_data(as_text=True)
    assert 'form="tag-many"' not in page and "tag-many" not in page
    token = csrf_token(client, "/staff/")
    response = client.post(
        _path(survey) + "/tag-many", data={"csrf_token": token, "picked": five, "add_theme": food}
    )
    assert response.status_code == 403
    assert _tag_count(app) == 0


def test_untagged_only_shows_answers_with_no_theme_and_keeps_the_filter(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    food = _add_theme(app, survey, "Food")
    client = staff_client(Role.COORDINATOR)
    _tag(client, survey, five[0], chosen=[food], shown=[food])
    page = client.get(_path(survey)).get_data(as_text=True)
    assert f'href="{_path(survey)}?untagged=1">Show only the 4 answers with no theme yet' in page
    untagged = client.get(_path(survey) + "?untagged=1").get_data(as_text=True)
    assert _answer_ids(untagged) == five[1:]
    assert "Showing only answers with no theme yet." in untagged
    assert untagged.count('<input name="untagged" type="hidden" value="y">') == 5
    response = _tag_many(client, survey, five[1:3], food, untagged="y")
    assert response.headers["Location"] == f"{_path(survey)}?untagged=1"
    assert _answer_ids(client.get(_path(survey) + "?untagged=1").get_data(as_text=True)) == five[3:]
    one = _tag(client, survey, five[3], new_theme="Warmth", untagged="y")
    assert one.headers["Location"] == f"{_path(survey)}?untagged=1#answer-{five[3]}"
    _tag_many(client, survey, [five[4]], food)
    assert "Every answer has a theme." in client.get(_path(survey)).get_data(as_text=True)


def test_a_theme_filter_wins_over_untagged_only(
    app: Flask, staff_client, survey: MadeSurvey, five: list[int]
) -> None:
    food = _add_theme(app, survey, "Food")
    client = staff_client(Role.COORDINATOR)
    _tag_many(client, survey, five[:2], food)
    page = client.get(f"{_path(survey)}?theme={food}&untagged=1").get_data(as_text=True)
    assert _answer_ids(page) == five[:2]
