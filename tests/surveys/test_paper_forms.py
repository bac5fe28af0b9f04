"""A paper form typed in as it was: nothing on it dropped in silence, and counted under its own
language, date and consent words."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.content import load_survey_by_id
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseNote
from app.surveys.results import tallies as results
from tests.factories import MadeSurvey
from tests.factories import survey_translations
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import form_key
from tests.surveys.helpers import token

# Question 1 answered "No" skips question 2, but the paper form has an answer to it.
SKIPPED = {"visited": {"answer": "no"}, "often": {"answer": "weekly"}, "well": {"answer": "Tea"}}


def fields(survey: MadeSurvey, answers: dict) -> dict:
    return {f"q{survey.questions[key]}-{name}": value
            for key, given in answers.items() for name, value in given.items()}  # fmt: skip


def enter(client, survey: MadeSurvey, answers: dict, **facts: str):
    data = {"channel": "paper", "agreed": "y", **facts, **fields(survey, answers)}
    return send(client, f"/staff/surveys/{survey.id}/enter", data)


def stored(app: Flask) -> Response:
    with app.app_context():
        response = db.session.scalars(select(Response)).one()
        db.session.expunge_all()
        return response


def test_an_answer_to_a_skipped_question_is_never_dropped_in_silence(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = enter(client, survey, SKIPPED)
    assert response.status_code == 400 and count(app, Response) == 0
    page = response.get_data(as_text=True)
    often = survey.questions["often"]
    # Linked from the summary to the answer itself and to the choice at the foot of the page.
    assert f'href="#q{often}-answer-0"' in page and 'href="#skipped-0"' in page
    assert "only asked if question 1 is answered “Yes”" in page
    assert "Nothing is saved until you choose what happens to it." in page
    assert "The answers are saved" not in page
    # Everything typed is still there.
    assert f'id="q{often}-answer-1" name="q{often}-answer" value="weekly" checked' in page
    assert 'value="Tea"' in page


def test_a_skipped_answer_kept_as_a_note_is_stored_shown_and_not_counted(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = enter(client, survey, SKIPPED, skipped="keep")
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    said = client.get(f"/staff/surveys/{survey.id}/enter").get_data(as_text=True)
    assert "with 1 answer to a skipped question kept as a note" in said
    assert count(app, Answer) == 2  # "No" and "Tea": the skipped answer is not an answer
    with app.app_context():
        note = db.session.scalars(select(ResponseNote)).one()
        assert (note.question_text, note.answer_text) == ("How often do you come?", "Every week")
        found = results.survey_results(load_survey_by_id(survey.id), results.Filters())
        often = next(q for q in found.questions if q.id == survey.questions["often"])
        assert often.answered == 0
        response_id = note.response_id
    shown = client.get(f"/staff/surveys/{survey.id}/entered/{response_id}")
    page = shown.get_data(as_text=True)
    assert "Notes: answers to questions the branching skipped" in page
    assert "How often do you come?" in page and "Every week" in page


def test_a_skipped_answer_left_out_knowingly_is_not_kept(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    assert enter(client, survey, SKIPPED, skipped="drop").status_code == 302
    assert count(app, ResponseNote) == 0 and count(app, Answer) == 2
    said = client.get(f"/staff/surveys/{survey.id}/enter").get_data(as_text=True)
    assert "1 answer to a skipped question was left out, as you chose." in said


def test_fixing_the_branch_answer_needs_no_choice(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    fixed = {**SKIPPED, "visited": {"answer": "yes"}}  # the "No" was a typing slip
    assert enter(client, survey, fixed).status_code == 302
    assert count(app, Answer) == 3 and count(app, ResponseNote) == 0


def test_a_welsh_paper_form_counts_as_welsh_under_the_date_written_on_it(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/surveys/{survey.id}/enter").get_data(as_text=True)
    assert 'lang="cy">Cymraeg</label>' in page  # the survey's languages are offered
    facts = {"language": "cy", "answered_on": "12/3/2026"}
    response = enter(client, survey, {"well": {"answer": "Croeso"}}, **facts)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    welsh = stored(app)
    assert welsh.language == "cy" and welsh.answered_on == date(2026, 3, 12)
    # They agreed to the Welsh words printed on their form.
    assert (
        welsh.consent_version == 1
        and welsh.consent_text == survey_translations()["cy"]["consent_text"]
    )
    with app.app_context():
        loaded = load_survey_by_id(survey.id)
        assert results.survey_results(loaded, results.Filters(language="cy")).total == 1
        assert results.survey_results(loaded, results.Filters(language="en")).total == 0
    body = client.get(f"/staff/surveys/{survey.id}/export.csv").get_data().decode()
    header, row = list(csv.reader(io.StringIO(body[1:])))
    assert row[header.index("Date answered")] == "2026-03-12"
    assert row[header.index("Language")] == "Welsh"
    assert row[header.index("Language code")] == "cy"


def test_the_next_form_keeps_how_it_came_and_its_language_for_a_pile_of_the_same(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    facts = {"channel": "phone", "language": "cy"}
    response = enter(client, survey, {"well": {"answer": "Croeso"}}, **facts)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'value="phone"[^>]*checked', page)
    assert re.search(r'value="cy"[^>]*checked', page)
    forged = f"/staff/surveys/{survey.id}/enter?channel=online&language=xx"
    page = client.get(forged).get_data(as_text=True)
    assert not re.search(r'value="online"', page)
    assert re.search(r'value="en"[^>]*checked', page)  # the main language, as ever


HOSTILE = [
    ({"answered_on": "FUTURE"}, "The date on the form cannot be after today", "#answered_on"),
    ({"answered_on": "31/2/2026"}, "Enter a real date with the day first", "#answered_on"),
    ({"answered_on": "1/1/1066"}, "Enter a real date with the day first", "#answered_on"),
    ({"answered_on": "9" * 400}, "Enter a real date with the day first", "#answered_on"),
    ({"language": "xx"}, "Choose one of the survey&#39;s languages", "#language-0"),
    ({"language": "<script>"}, "Choose one of the survey&#39;s languages", "#language-0"),
    ({"consent_version": "7"}, "Choose one of the versions shown", "#consent_version-0"),
    ({"consent_version": "-1"}, "Choose one of the versions shown", "#consent_version-0"),
    ({"consent_version": "１"}, "Choose one of the versions shown", "#consent_version-0"),
]


@pytest.mark.parametrize(("facts", "message", "link"), HOSTILE)
def test_strange_form_facts_get_a_plain_message_and_save_nothing(
    app: Flask, staff_client, survey: MadeSurvey, facts: dict, message: str, link: str
) -> None:
    if facts.get("answered_on") == "FUTURE":
        tomorrow = date.today() + timedelta(days=2)  # after today wherever the charity is
        facts = {"answered_on": f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year}"}
    client = staff_client(Role.COORDINATOR)
    response = enter(client, survey, {"well": {"answer": "Kept"}}, **facts)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and f'href="{link}"' in page and 'value="Kept"' in page
    assert "<script>" not in page
    assert count(app, Response) == 0


def test_older_consent_words_can_be_recorded_for_an_old_printed_form(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    with app.app_context():
        old_words = load_survey_by_id(survey.id).consent_text
    edit = f"/staff/surveys/{survey.id}/edit"
    changed = {**SURVEY_FIELDS, "slug": survey.slug, "consent_text": "New words to agree to."}
    assert send(client, edit, changed).status_code == 302
    page = client.get(f"/staff/surveys/{survey.id}/enter").get_data(as_text=True)
    assert "Version 2: the words used now" in page and "Version 1: used until" in page
    assert old_words in page
    response = enter(client, survey, {"well": {"answer": "Soup"}}, consent_version="1")
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    kept = stored(app)
    assert kept.consent_version == 1 and kept.consent_text == old_words


def test_a_double_press_of_save_after_choosing_keeps_one_response_and_one_note(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/enter"
    html = client.get(path).get_data(as_text=True)
    data = {"csrf_token": token(html), "form_key": form_key(html), "channel": "paper",
            "agreed": "y", "skipped": "keep", **fields(survey, SKIPPED)}  # fmt: skip
    assert client.post(path, data=data).status_code == 302
    assert client.post(path, data=data).status_code == 302
    assert count(app, Response) == 1 and count(app, ResponseNote) == 1
