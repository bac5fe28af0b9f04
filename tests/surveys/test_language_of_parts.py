"""On a survey not translated into the reader's language, only the survey's own words are marked
with its language; the site's words ("Change", "Yes", "Asked by") are the reader's (issue 11,
point 22). And a repeat in "Pick the most important" is the whole group's problem (point 24)."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app.extensions import db
from app.surveys.models import SurveyText
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start


def _untranslated_polish(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        db.session.execute(SurveyText.__table__.delete().where(SurveyText.language == "pl"))
        db.session.commit()
    client.set_cookie("lang", "pl")


def test_check_page_marks_only_the_surveys_own_words_english(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    _untranslated_polish(app, client)
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    assert '<html lang="pl"' in page
    for english in re.findall(r'<[^>]+ lang="en"[^>]*>(.*?)</', page, re.S):
        assert "Zmień" not in english and "Tak" not in english, english
    assert re.search(r'<dt class="summary-key" lang="en">Have you been to', page)
    assert re.search(r'<dd class="summary-value"><bdi>Tak</bdi></dd>', page)  # yes, in Polish
    assert re.search(r'<dd class="summary-value" lang="en"><bdi>Every week</bdi>', page)
    assert ">Zmień<" in page


def test_a_repeated_pick_is_shown_on_the_group_not_on_the_first_choice(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    answer(client, survey, "visited", {"answer": "no"})
    answer(client, survey, "welcome", {"answer": "4"})
    answer(client, survey, "hard", {"answer": ["travel"]})
    refused = answer(
        client,
        survey,
        "priorities",
        {"answer-1": "meals", "answer-2": "quiet", "answer-3": "quiet"},
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert page.count('class="error-message"') == 1
    group = re.search(r'<fieldset class="fieldset" aria-describedby="([^"]+)">', page)
    assert group and "priorities-error" in group.group(1).split()
    assert 'id="priorities-error"' in page
    assert 'aria-describedby="answer-1-error"' not in page  # not pinned on "First choice"
    assert '<a href="#answer-1">' in page  # the summary still takes people to the first select
