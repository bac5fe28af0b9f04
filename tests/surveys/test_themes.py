"""Reading text answers a page at a time, and tagging them with themes."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Theme
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.factories import make_survey
from tests.surveys.test_results import DECLINED
from tests.surveys.test_results import respond


def _path(survey: MadeSurvey, key: str = "well") -> str:
    return f"/staff/surveys/{survey.id}/results/{survey.questions[key]}"


def _answer_ids(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<li class="answer" id="answer-(\d+)"', page)]


def _add_theme(app: Flask, survey: MadeSurvey, name: str) -> int:
    with app.app_context():
        theme = Theme(survey_id=survey.id, name=name)
        db.session.add(theme)
        db.session.commit()
        return theme.id


def _themes_of(app: Flask, answer_id: int) -> set[str]:
    with app.app_context():
        names = db.session.scalars(
            select(Theme.name).join(AnswerTheme).where(AnswerTheme.answer_id == answer_id)
        )
        return set(names)


def _tag(client: FlaskClient, survey: MadeSurvey, answer_id: int, **data):
    token = csrf_token(client, _path(survey))
    return client.post(
        _path(survey) + "/tag", data={"csrf_token": token, "answer_id": answer_id, **data}
    )


def _answer_id(app: Flask, response_id: int, survey: MadeSurvey, key: str = "well") -> int:
    from app.surveys.response_models import Answer

    with app.app_context():
        return db.session.scalar(
            select(Answer.id).where(
                Answer.response_id == response_id, Answer.question_id == survey.questions[key]
            )
        )


@pytest.fixture
def thirty(app: Flask, survey: MadeSurvey) -> list[int]:
    """Thirty answers to "what we do well", answer n sent n minutes ago; newest first."""
    responses = [respond(app, survey, {"well": f"Answer {n}"}, minutes_ago=n) for n in range(30)]
    respond(app, survey, {"well": DECLINED})
    return [_answer_id(app, r, survey) for r in responses]


def test_text_answers_come_newest_first_25_a_page(staff_client, survey, thirty) -> None:
    client = staff_client(Role.VIEWER)
    first = client.get(_path(survey)).get_data(as_text=True)
    assert _answer_ids(first) == thirty[:25]
    assert "30 answers, newest first." in first and "Page 1 of 2" in first
    assert f'href="{_path(survey)}?page=2" rel="next"' in first and 'rel="prev"' not in first
    second = client.get(_path(survey) + "?page=2").get_data(as_text=True)
    assert _answer_ids(second) == thirty[25:]
    assert f'href="{_path(survey)}?page=1" rel="prev"' in second and 'rel="next"' not in second


@pytest.mark.parametrize(("page", "shown"), [("0", 1), ("-3", 1), ("two", 1), ("99999999999", 2)])
def test_bad_page_numbers_show_the_nearest_page(staff_client, survey, thirty, page, shown) -> None:
    response = staff_client(Role.VIEWER).get(f"{_path(survey)}?page={page}")
    assert response.status_code == 200
    assert f"Page {shown} of 2" in response.get_data(as_text=True)


def test_only_text_questions_of_this_survey_have_an_answers_page(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    with app.app_context():
        other_question = make_survey("other", translated=False).questions["else"]
    client = staff_client(Role.ADMIN)
    assert client.get(_path(survey, "else")).status_code == 200
    assert client.get(_path(survey, "visited")).status_code == 404
    assert client.get(_path(survey, "household")).status_code == 404
    assert client.get(f"/staff/surveys/{survey.id}/results/{other_question}").status_code == 404
    assert client.get(f"/staff/surveys/{survey.id}/results/999999").status_code == 404


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "\u202eevil right-to-left override\u202c", "<b>bold</b>"],
)
def test_hostile_answers_are_shown_escaped_and_isolated(
    app: Flask, staff_client, survey: MadeSurvey, text: str
) -> None:
    respond(app, survey, {"well": text}, language="ar")
    page = staff_client(Role.COORDINATOR).get(_path(survey)).get_data(as_text=True)
    assert "<script>alert" not in page and "<b>bold" not in page
    escaped = text.replace("<", "&lt;").replace(">", "&gt;")
    assert f'<bdi lang="ar">{escaped}</bdi>' in page


def test_each_answer_shows_its_language_channel_and_themes(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    from app.surveys.models import Channel

    answer = _answer_id(app, respond(app, survey, {"well": "Soup"}, "cy", Channel.PHONE), survey)
    client = staff_client(Role.COORDINATOR)
    _tag(client, survey, answer, new_theme="Food")
    page = client.get(_path(survey)).get_data(as_text=True)
    assert '<span lang="cy">Cymraeg</span>' in page and "By phone" in page
    assert '<span class="tag"><bdi>Food</bdi></span>' in page


def test_coordinator_tags_an_answer_with_a_new_theme_and_returns_to_the_same_place(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    client = staff_client(Role.COORDINATOR)
    answer = thirty[27]
    response = _tag(client, survey, answer, new_theme="  Warm   welcome ", page="2")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{_path(survey)}?page=2#answer-{answer}"
    assert _themes_of(app, answer) == {"Warm welcome"}
    page = client.get(_path(survey) + "?page=2").get_data(as_text=True)
    assert "Themes saved." in page
    assert re.search(
        r"Warm welcome</bdi><span class=\"visually-hidden\">[^<]*</span></a></th>\s*<td[^>]*>1</td>",
        page,
    )


def test_a_new_theme_reuses_an_existing_one_whatever_its_letter_case(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    food = _add_theme(app, survey, "Food")
    client = staff_client(Role.ADMIN)
    _tag(client, survey, thirty[0], new_theme="fOOD")
    _tag(client, survey, thirty[1], chosen=[food], shown=[food])
    _tag(client, survey, thirty[1], chosen=[food], shown=[food])  # a double tap
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Theme)) == 1
        assert db.session.scalar(select(func.count()).select_from(AnswerTheme)) == 2
    assert _themes_of(app, thirty[0]) == {"Food"}


def test_unticking_removes_only_the_themes_that_were_shown(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    food, warmth = _add_theme(app, survey, "Food"), _add_theme(app, survey, "Warmth")
    client = staff_client(Role.COORDINATOR)
    _tag(client, survey, thirty[0], chosen=[food, warmth], shown=[food, warmth])
    # A page opened before "Later" existed unticks Food; Later, added since, stays.
    later = _add_theme(app, survey, "Later")
    _tag(client, survey, thirty[0], chosen=[later], shown=[later])
    _tag(client, survey, thirty[0], chosen=[warmth], shown=[food, warmth])
    assert _themes_of(app, thirty[0]) == {"Warmth", "Later"}


def test_filtering_by_theme_shows_only_its_answers_with_counts(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    food = _add_theme(app, survey, "Food")
    _add_theme(app, survey, "Unused")
    client = staff_client(Role.COORDINATOR)
    for answer in thirty[3:6]:
        _tag(client, survey, answer, chosen=[food], shown=[food])
    page = client.get(f"{_path(survey)}?theme={food}").get_data(as_text=True)
    assert _answer_ids(page) == thirty[3:6]
    assert "3 answers, newest first." in page and "Show all answers" in page
    assert re.search(r"Food</bdi> <span class=\"tag\">Showing</span></th>\s*<td[^>]*>3</td>", page)
    assert re.search(
        r"Unused</bdi><span class=\"visually-hidden\">[^<]*</span></a></th>\s*<td[^>]*>0</td>", page
    )
    unknown = client.get(f"{_path(survey)}?theme=999999").get_data(as_text=True)
    assert len(_answer_ids(unknown)) == 25  # an unknown theme shows everything


def test_a_theme_name_over_80_characters_is_refused_plainly_and_kept(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    client = staff_client(Role.COORDINATOR)
    long_name = "x" * 81
    response = _tag(client, survey, thirty[0], new_theme=long_name)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The theme name must be 80 characters or fewer" in page
    assert f'href="#new-theme-{thirty[0]}"' in page
    assert f'id="new-theme-{thirty[0]}" name="new_theme" type="text" value="{long_name}"' in page
    assert "<title>Error:" in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Theme)) == 0
    assert _tag(client, survey, thirty[0], new_theme="x" * 80).status_code == 302


def test_an_expired_form_keeps_the_typed_theme(
    app: Flask, staff_client, survey: MadeSurvey, thirty
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = client.post(
        _path(survey) + "/tag", data={"answer_id": thirty[0], "new_theme": "Buses"}
    )
    assert response.status_code == 400
    assert 'value="Buses"' in response.get_data(as_text=True)
    assert _themes_of(app, thirty[0]) == set()


def test_tagging_an_answer_to_another_question_is_refused(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    response_id = respond(app, survey, {"well": "Tea", "else": "More buses"})
    other = _answer_id(app, response_id, survey, "else")
    client = staff_client(Role.COORDINATOR)
    assert _tag(client, survey, other, new_theme="Transport").status_code == 404
    assert _tag(client, survey, "not a number", new_theme="Transport").status_code == 400


@pytest.mark.parametrize("role", [Role.VIEWER, Role.FINANCE])
def test_viewer_and_finance_cannot_tag_themes(
    app: Flask, client: FlaskClient, survey: MadeSurvey, thirty, role: Role
) -> None:
    sign_in(client, make_staff(app, role).email)
    page = client.get(_path(survey)).get_data(as_text=True)
    assert "Change themes" not in page and 'name="new_theme"' not in page
    token = csrf_token(client, "/staff/")
    response = client.post(
        _path(survey) + "/tag",
        data={"csrf_token": token, "answer_id": thirty[0], "new_theme": "Sneaky"},
    )
    assert response.status_code == 403
    assert _themes_of(app, thirty[0]) == set()


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.ADMIN, True), (Role.COORDINATOR, True), (Role.VIEWER, False), (Role.FINANCE, False)],
)
def test_names_on_an_identified_survey_are_shown_only_to_admins_and_coordinators(
    app: Flask, staff_client, identified: MadeSurvey, role: Role, sees: bool
) -> None:
    respond(app, identified, {"well": "Because"}, name="Amira Khan")
    page = staff_client(role).get(_path(identified)).get_data(as_text=True)
    assert "Because" in page
    assert ("Amira Khan" in page) is sees


def test_names_are_never_shown_on_an_anonymous_survey(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    respond(app, survey, {"well": "Tea"}, name="Should Not Show")
    page = staff_client(Role.ADMIN).get(_path(survey)).get_data(as_text=True)
    assert "Should Not Show" not in page
