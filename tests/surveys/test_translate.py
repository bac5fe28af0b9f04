"""Staff translate a survey side by side; participants then see it in their language."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.content import completeness
from app.surveys.content import load_survey_by_id
from app.surveys.models import SurveyText
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send
from tests.surveys.builder_helpers import set_status
from tests.surveys.helpers import token

WELSH = {
    "piece-title": "Ein llyfrgell: beth ddylai newid?",
    "piece-organiser": "Llyfrgell y Dref",
    "piece-intro": "Rydym eisiau gwneud y llyfrgell yn well.",
    "piece-what_happens": "Rydym yn darllen pob ateb ym mis Mai.",
    "piece-consent_text": "Chi sy'n dewis cymryd rhan.",
}


def _build(client: FlaskClient) -> tuple[int, int]:
    survey_id = create_survey(client)
    question_id = add_question(client, survey_id, "yes_no", "Do you use the library?")
    set_status(client, survey_id, "open")
    return survey_id, question_id


def _done(app: Flask, survey_id: int, lang: str) -> tuple[int, int] | None:
    with app.app_context():
        return completeness(load_survey_by_id(survey_id)).get(lang)


def _sign_out(client: FlaskClient) -> None:
    client.post("/logout", data={"csrf_token": token(client.get("/staff/").get_data(True))})


def test_translating_every_part_shows_the_survey_in_that_language(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, question_id = _build(client)
    path = f"/staff/surveys/{survey_id}/translate/cy"
    page = client.get(path).get_data(as_text=True)
    assert "0 of 6 translated" in page
    half = send(client, path, WELSH)
    assert half.status_code == 302 and _done(app, survey_id, "cy") == (5, 6)
    _sign_out(client)
    start = client.get("/s/library", headers={"Accept-Language": "cy"}).get_data(as_text=True)
    assert "Our library" in start  # not whole yet: the main language, never a mixture

    staff_client(Role.ADMIN)
    question = {f"piece-q-{question_id}-text": "Ydych chi'n defnyddio'r llyfrgell?"}
    assert send(client, path, {**WELSH, **question}).status_code == 302
    assert _done(app, survey_id, "cy") == (6, 6)
    assert "6 of 6 translated" in client.get(path).get_data(as_text=True)
    index = client.get("/staff/surveys/").get_data(as_text=True)
    assert re.search(r'<span lang="cy">Cymraeg</span>: 6 of 6', index)
    _sign_out(client)
    start = client.get("/s/library", headers={"Accept-Language": "cy"}).get_data(as_text=True)
    assert '<h1 lang="cy">Ein llyfrgell: beth ddylai newid?</h1>' in start and 'lang="cy"' in start


def test_a_blank_box_removes_that_translation(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, _question = _build(client)
    path = f"/staff/surveys/{survey_id}/translate/pl"
    send(client, path, {"piece-title": "Nasza biblioteka", "piece-organiser": "Biblioteka"})
    send(client, path, {"piece-title": "Nasza biblioteka", "piece-organiser": "  "})
    with app.app_context():
        rows = db.session.scalars(select(SurveyText.key).where(SurveyText.language == "pl"))
        assert list(rows) == ["title"]


def test_translate_page_sets_language_and_direction_of_each_part(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/surveys/{survey.id}/translate/ar").get_data(as_text=True)
    assert 'id="piece-title-source" lang="en" dir="ltr">Our drop-in café' in page
    assert re.search(r'<input aria-describedby="piece-title-source" class="input" dir="rtl"', page)
    assert 'lang="ar" maxlength="200" name="piece-title"' in page
    assert "39 of 39 translated" in page


def test_only_other_site_languages_can_be_translated(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    for lang in ("en", "fr", "x" * 300, "cy%00"):
        assert client.get(f"/staff/surveys/{survey.id}/translate/{lang}").status_code == 404


def test_translation_too_long_is_refused_and_kept(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    response = send(client, f"/staff/surveys/{survey.id}/translate/cy", {"piece-title": "x" * 201})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This must be 200 characters or fewer" in page and 'href="#piece-title"' in page
    assert 'value="' + "x" * 201 + '"' in page
