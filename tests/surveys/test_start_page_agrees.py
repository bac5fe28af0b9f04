"""The start page and the builder agree (issue 15, point 8): how long a survey takes and which
questions people may skip are said once, the same on the start page, the paper copy, the preview
and the builder; a ranking question says how to choose once."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import Survey
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import question_fields
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import start

SKIP_ANY = "You can skip any question you do not want to answer."
MUST_THIS = "You must answer this question."


def _facts(page: str) -> list[str]:
    """The lines of the first facts list on a page, tags and spacing dropped."""
    found = re.search(r'<ul class="list facts">(.*?)</ul>', page, re.DOTALL)
    assert found, "no facts list on the page"
    lines = re.findall(r"<li>(.*?)</li>", found.group(1), re.DOTALL)
    return [re.sub(r"\s+", " ", line).strip() for line in lines]


def _require(app: Flask, *question_ids: int) -> None:
    with app.app_context():
        for question_id in question_ids:
            db.session.get(Question, question_id).required = True
        db.session.commit()


def _pages(client: FlaskClient, survey: MadeSurvey) -> dict[str, str]:
    """Every page that tells people about the survey before they start."""
    return {
        "start": client.get(f"/s/{survey.slug}").get_data(as_text=True),
        "preview": client.get(f"/staff/surveys/{survey.id}/preview").get_data(as_text=True),
        "paper": client.get(f"/staff/surveys/{survey.id}/share/en/paper").get_data(as_text=True),
        "builder": client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True),
    }


def test_with_no_required_question_every_page_says_you_can_skip(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    for name, page in _pages(client, survey).items():
        assert SKIP_ANY in page, name
        assert MUST_THIS not in page, name


def test_a_required_question_means_no_page_says_you_can_skip_any(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    _require(app, survey.questions["welcome"], survey.questions["well"])
    client = staff_client(Role.COORDINATOR)
    pages = _pages(client, survey)
    for name, page in pages.items():
        assert SKIP_ANY not in page, name
        assert "You must answer 2 questions. You can skip the others." in page, name
    assert _facts(pages["start"])[:3] == _facts(pages["builder"])
    assert "Questions people must answer: 3, 7." in pages["builder"]
    assert pages["paper"].count(MUST_THIS) == 2  # each of them says so on paper


def test_when_every_question_is_required_the_start_page_says_so(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    _require(app, *survey.questions.values())
    page = client.get(f"/s/{survey.slug}").get_data(as_text=True)
    assert "You need to answer every question." in page and SKIP_ANY not in page


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_a_required_question_says_so_and_offers_no_way_to_skip(
    app: Flask, client: FlaskClient, survey: MadeSurvey, lang: str
) -> None:
    _require(app, survey.questions["welcome"])
    start(client, survey, lang)
    headers = {"Accept-Language": lang}
    required = client.get(f"/s/cafe/q/{survey.questions['welcome']}", headers=headers)
    other = client.get(f"/s/cafe/q/{survey.questions['visited']}", headers=headers)
    must = {
        "en": MUST_THIS,
        "cy": "Rhaid i chi ateb y cwestiwn hwn.",
        "ar": "يجب أن تجيب عن هذا السؤال.",
    }
    assert must[lang] in required.get_data(as_text=True)
    assert 'name="decline"' not in required.get_data(as_text=True)
    assert must[lang] not in other.get_data(as_text=True)
    assert 'name="decline"' in other.get_data(as_text=True)


def _three_long_questions(client: FlaskClient, survey_id: int) -> None:
    for n in range(3):
        add_question(client, survey_id, "long_text", f"Tell us about {n}")


def test_minutes_left_empty_follow_the_questions_as_they_are_added(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, minutes="")
    edit = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    assert 'name="minutes" type="text" value=""' in edit
    assert "Leave it empty and we work it out from the questions: about 1 minute now." in edit
    _three_long_questions(client, survey_id)
    send(
        client, f"/staff/surveys/{survey_id}/status", {"to": "open"}, f"/staff/surveys/{survey_id}"
    )
    # 30 seconds for the start and the check, 20 to agree, 90 for each long answer: 320.
    assert "It takes about 6 minutes." in client.get("/s/library").get_data(as_text=True)
    overview = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "About 6, worked out from the questions" in overview
    assert "It takes about 6 minutes." in overview
    add_question(client, survey_id, "yes_no", "Is that all?")
    assert "It takes about 6 minutes." in client.get("/s/library").get_data(as_text=True)
    add_question(client, survey_id, "long_text", "And more?")
    assert "It takes about 7 minutes." in client.get("/s/library").get_data(as_text=True)


def test_minutes_typed_stay_and_the_builder_says_when_the_questions_need_longer(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, minutes="2")
    overview = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "With these questions it may take" not in overview
    _three_long_questions(client, survey_id)
    overview = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "It takes about 2 minutes." in overview
    assert "With these questions it may take about 6 minutes." in overview
    assert f'href="/staff/surveys/{survey_id}/edit#minutes"' in overview
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert (survey.time_needed_minutes, survey.minutes_from_questions) == (2, False)
    edit = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    assert 'name="minutes" type="text" value="2"' in edit
    send(client, f"/staff/surveys/{survey_id}/edit", {**SURVEY_FIELDS, "minutes": ""})
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert (survey.time_needed_minutes, survey.minutes_from_questions) == (6, True)


RANKING = {
    "en": "Choose up to 3 things that matter most to you. Put the most important first.",
    "cy": "Dewiswch hyd at 3 pheth sydd bwysicaf i chi. Rhowch y pwysicaf yn gyntaf.",
    "ar": "اختر حتى 3 أشياء هي الأهم بالنسبة لك. ضع الأهم أولًا.",
}


def _without_help(app: Flask, client: FlaskClient, survey: MadeSurvey) -> None:
    """Empty the ranking question's help text as staff do, which drops its translations."""
    question_id = survey.questions["priorities"]
    with app.app_context():
        labels = [o.label for o in db.session.get(Question, question_id).options]
    path = f"/staff/surveys/{survey.id}/questions/{question_id}"
    fields = question_fields("priorities", "Which changes matter most to you?")
    response = send(client, path, {**fields, "options": "\n".join(labels), "pick_count": "3"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]


@pytest.mark.parametrize("lang", ["en", "cy", "ar"])
def test_a_ranking_question_says_how_to_choose_once(
    app: Flask, staff_client, survey: MadeSurvey, lang: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    _without_help(app, client, survey)
    preview = f"/staff/surveys/{survey.id}/preview/{survey.questions['priorities']}?lang={lang}"
    start(client, survey, lang)
    participant = f"/s/cafe/q/{survey.questions['priorities']}"
    for path in (participant, preview):
        page = client.get(path, headers={"Accept-Language": lang}).get_data(as_text=True)
        hint = re.search(r'<div id="priorities-hint" class="hint">([^<]*)</div>', page)
        assert hint and hint.group(1) == RANKING[lang], path
        assert page.count(RANKING[lang]) == 1, path


def test_a_ranking_question_with_its_own_help_says_only_that(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    page = client.get(f"/s/cafe/q/{survey.questions['priorities']}").get_data(as_text=True)
    assert page.count("Pick up to 3. Put the most important first.") == 1
    assert "things that matter most to you" not in page
