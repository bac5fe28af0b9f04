"""What you told us, participants' side: a closed survey's address shows the published summary."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from tests.conftest import csrf_token
from tests.factories import survey_translations
from tests.feedback import test_summary as staff_side
from tests.feedback.test_summary import NAME
from tests.feedback.test_summary import Answered
from tests.feedback.test_summary import edit_path
from tests.feedback.test_summary import save
from tests.feedback.test_summary import set_status
from tests.feedback.test_summary import stored

answered = staff_side.answered  # the same fixture: sent responses, most of them consented

HOSTILE = "Hello <script>alert(1)</script> [tap](javascript:alert(2)) <img src=x onerror=alert(3)>"


def publish_two_and_two(client: FlaskClient, answered: Answered, intro: str = "Thank you!") -> None:
    survey = answered.survey
    questions = [survey.questions["visited"], survey.questions["hard"]]
    response = save(
        client, survey, intro=intro, questions=questions, quotes=[answered.saturday, answered.tea]
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def main_of(page: str) -> str:
    return page.split('id="main-content"', 1)[1].split("</main>", 1)[0]


def test_closed_survey_shows_counts_and_quotes_and_no_names(
    app: Flask, staff_client, client: FlaskClient, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    with app.test_client() as reader:
        response = reader.get("/s/cafe", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    page = main_of(response.get_data(as_text=True))
    assert "<h1>What you told us</h1>" in page
    assert "4 people answered this survey." in page
    assert re.search(r"Yes</th>\s*<td[^>]*>2 \(50%\)", page)  # 2 of the 4 who answered
    assert re.search(r"No</th>\s*<td[^>]*>2 \(50%\)", page)
    assert re.search(r"The cost of travel</th>\s*<td[^>]*>1 \(100%\)", page)
    assert "<p>Please open on Saturdays.</p><p>I work.</p>" in page  # paragraphs kept
    assert page.index("Please open on Saturdays") < page.index("The tea is free")  # in order
    assert "Good soup" not in page and "Do not quote me" not in page  # not chosen, no consent
    assert NAME not in response.get_data(as_text=True)
    assert "How welcome" not in page  # a chart not chosen
    assert "Start now" not in page


def test_open_survey_keeps_its_start_page(
    app: Flask, staff_client, client: FlaskClient, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    page = app.test_client().get("/s/cafe").get_data(as_text=True)
    assert "Start now" in page and "What you told us" not in page and "The tea is free" not in page


def test_unpublished_summary_is_not_shown(app: Flask, staff_client, answered: Answered) -> None:
    client = staff_client(Role.COORDINATOR)
    save(client, answered.survey, "draft", intro="Draft words", quotes=[answered.tea])
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    page = app.test_client().get("/s/cafe").get_data(as_text=True)
    assert "This survey is not taking answers right now." in page
    assert "Draft words" not in page and "The tea is free" not in page


def test_taking_it_down_brings_back_the_closed_page_and_a_double_tap_is_calm(
    app: Flask, staff_client, answered: Answered
) -> None:
    client = staff_client(Role.COORDINATOR)
    publish_two_and_two(client, answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    down = f"{edit_path(answered.survey)}/unpublish"
    for expected in ("Summary taken down.", "The summary was already taken down."):
        response = client.post(
            down, data={"csrf_token": csrf_token(client, edit_path(answered.survey))}
        )
        assert response.status_code == 302
        assert expected in client.get(edit_path(answered.survey)).get_data(as_text=True)
    page = app.test_client().get("/s/cafe").get_data(as_text=True)
    assert "not taking answers right now" in page and "What you told us" not in page


def test_double_publish_is_harmless(app: Flask, staff_client, answered: Answered) -> None:
    client = staff_client(Role.COORDINATOR)
    save(client, answered.survey, "draft", intro="Ready", quotes=[answered.tea])
    path = f"{edit_path(answered.survey)}/publish"
    token = csrf_token(client, edit_path(answered.survey))
    first = client.post(path, data={"csrf_token": token})
    assert "Summary published." in client.get(edit_path(answered.survey)).get_data(as_text=True)
    published_at = stored(app, answered.survey).published_at
    second = client.post(path, data={"csrf_token": token})
    assert first.status_code == second.status_code == 302
    page = client.get(edit_path(answered.survey)).get_data(as_text=True)
    assert "The summary was already published." in page
    summary = stored(app, answered.survey)
    assert summary.published and summary.published_at == published_at


def test_hostile_intro_is_never_executable(app: Flask, staff_client, answered: Answered) -> None:
    client = staff_client(Role.COORDINATOR)
    publish_two_and_two(client, answered, intro=HOSTILE)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    pages = [
        app.test_client().get("/s/cafe").get_data(as_text=True),
        client.get(f"{edit_path(answered.survey)}/preview").get_data(as_text=True),
    ]
    for page in pages:
        assert "Hello &lt;script&gt;" in page  # shown as words, never run
        assert "<script" not in page and "<img" not in page
        assert not re.search(r"<[^>]*onerror", page)
        assert not re.search(r"href=[\"']?\s*javascript", page, re.IGNORECASE)


def test_quote_whose_answer_was_deleted_simply_disappears(
    app: Flask, staff_client, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    with app.app_context():
        db.session.delete(db.session.get(Answer, answered.tea))
        db.session.commit()
    page = app.test_client().get("/s/cafe").get_data(as_text=True)
    assert "The tea is free" not in page and "Please open on Saturdays." in page
    assert len(stored(app, answered.survey).quotes) == 1


def test_summary_is_in_the_readers_language_where_translated(
    app: Flask, staff_client, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    page = app.test_client().get("/s/cafe?locale=cy").get_data(as_text=True)
    welsh = survey_translations()["cy"]
    assert '<html lang="cy"' in page
    assert escape(welsh["q.visited.text"]) in page and escape(welsh["o.hard.travel"]) in page
    assert "The cost of travel" not in page
    assert 'lang="en" dir="ltr"><p>Thank you!</p>' in page  # staff words, marked as English


def test_summary_links_to_what_we_did_when_the_log_is_on(
    app: Flask, staff_client, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    page = app.test_client().get("/s/cafe").get_data(as_text=True)
    has_log = "updates.index" in app.view_functions
    assert (f"/updates?survey={answered.survey.id}" in page) == has_log


def test_public_summary_weighs_at_most_14_kb_compressed(
    app: Flask, staff_client, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered, intro="Thank you. " * 60)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    for language in ("en", "cy", "ar"):
        page = app.test_client().get(f"/s/cafe?locale={language}").get_data()
        css = (Path(app.static_folder or "") / "site.css").read_bytes()
        weight = len(gzip.compress(page)) + len(gzip.compress(css))
        assert weight <= 14 * 1024, (language, weight)


def test_priorities_chart_counts_everyone_who_picked_each_answer(
    app: Flask, staff_client, survey
) -> None:
    staff_side.respond(app, survey, {"priorities": ["meals", "quiet"]})
    staff_side.respond(app, survey, {"priorities": ["quiet"]})
    client = staff_client(Role.COORDINATOR)
    assert save(client, survey, questions=[survey.questions["priorities"]]).status_code == 302
    set_status(app, survey, SurveyStatus.CLOSED)
    page = main_of(app.test_client().get("/s/cafe").get_data(as_text=True))
    assert "People could pick up to 3 answers" in page
    assert re.search(r"A quiet room</th>\s*<td[^>]*>2 \(100%\)", page)
    assert re.search(r"Free hot meals</th>\s*<td[^>]*>1 \(50%\)", page)
    assert page.index("A quiet room") < page.index("Free hot meals")  # highest score first
