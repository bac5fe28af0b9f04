"""The survey a participant answers is built once per version and rebuilt the moment it changes.

Each change below is made with plain SQL on a connection of its own, as another web process or
a staff member's request would: the page must show it on the very next view all the same.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from app.extensions import db
from tests.conftest import MadeSurvey
from tests.surveys.helpers import start


def _elsewhere(app: Flask, statement: str, **values: object) -> None:
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(statement), values)


def _page(client: FlaskClient, path: str, lang: str = "en") -> str:
    response = client.get(path, headers={"Accept-Language": lang})
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_a_new_title_shows_on_the_next_view(app: Flask, client, survey: MadeSurvey) -> None:
    assert "Our community café" not in _page(client, "/s/cafe")
    _elsewhere(app, "UPDATE surveys SET title = 'Our community café' WHERE id = :id", id=survey.id)
    assert "Our community café" in _page(client, "/s/cafe")


def test_an_edited_question_and_option_show_on_the_next_view(
    app: Flask, client, survey: MadeSurvey
) -> None:
    start(client, survey)
    path = f"/s/cafe/q/{survey.questions['welcome']}"
    before = _page(client, path)
    assert "How welcome, roughly?" not in before
    _elsewhere(
        app,
        "UPDATE questions SET text = 'How welcome, roughly?' WHERE id = :id",
        id=survey.questions["welcome"],
    )
    _elsewhere(
        app,
        "UPDATE options SET label = 'Hardly welcome' WHERE question_id = :id AND position = "
        "(SELECT MIN(position) FROM options WHERE question_id = :id)",
        id=survey.questions["welcome"],
    )
    after = _page(client, path)
    assert "How welcome, roughly?" in after
    assert "Hardly welcome" in after


def test_a_changed_translation_shows_on_the_next_view(
    app: Flask, client, survey: MadeSurvey
) -> None:
    assert "Caffi newydd" not in _page(client, "/s/cafe", "cy")
    _elsewhere(
        app,
        "UPDATE survey_texts SET text = 'Caffi newydd' WHERE survey_id = :id AND language = 'cy' "
        "AND key = 'title'",
        id=survey.id,
    )
    assert "Caffi newydd" in _page(client, "/s/cafe", "cy")
    _elsewhere(
        app, "DELETE FROM survey_texts WHERE survey_id = :id AND language = 'cy'", id=survey.id
    )
    assert 'lang="en"' in _page(client, "/s/cafe", "cy")  # untranslated: shown in English


@pytest.mark.parametrize("status", ["closed", "draft"])
def test_closing_a_survey_shows_on_the_next_view(
    app: Flask, client, survey: MadeSurvey, status: str
) -> None:
    assert 'name="form_key"' in _page(client, "/s/cafe")
    _elsewhere(
        app, "UPDATE surveys SET status = :status WHERE id = :id", status=status, id=survey.id
    )
    response = client.get("/s/cafe")
    if status == "draft":
        assert response.status_code == 404
    else:
        assert 'name="form_key"' not in response.get_data(as_text=True)


def test_a_survey_past_its_closing_time_stops_taking_answers_without_any_edit(
    app: Flask, client, survey: MadeSurvey
) -> None:
    assert 'name="form_key"' in _page(client, "/s/cafe")
    with app.app_context(), db.engine.begin() as connection:
        version = connection.execute(
            text("SELECT version FROM surveys WHERE id = :id"), {"id": survey.id}
        ).scalar()
        # The clock, not an edit: a closing time already passed, version put back as it was.
        connection.execute(
            text("UPDATE surveys SET closes_at = :past, version = :v WHERE id = :id"),
            {"past": "2000-01-01 00:00:00.000000", "v": version, "id": survey.id},
        )
    assert 'name="form_key"' not in _page(client, "/s/cafe")


def test_every_change_moves_the_survey_version(app: Flask, survey: MadeSurvey) -> None:
    def version() -> int:
        with app.app_context(), db.engine.connect() as connection:
            return connection.execute(
                text("SELECT version FROM surveys WHERE id = :id"), {"id": survey.id}
            ).scalar_one()

    changes = [
        "UPDATE surveys SET intro = 'New' WHERE id = :id",
        "UPDATE questions SET help_text = 'x' WHERE survey_id = :id",
        "DELETE FROM survey_texts WHERE survey_id = :id AND language = 'pl'",
        "INSERT INTO survey_texts (survey_id, language, key, text) VALUES (:id, 'pl', 'intro', 'x')",
        "UPDATE options SET label = 'x' WHERE question_id IN (SELECT id FROM questions WHERE survey_id = :id)",
        "DELETE FROM options WHERE question_id IN (SELECT id FROM questions WHERE survey_id = :id)",
    ]
    for change in changes:
        before = version()
        _elsewhere(app, change, id=survey.id)
        assert version() > before, change
