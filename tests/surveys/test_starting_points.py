"""Starting a survey quickly (issue 15, point 7): from a template, from another survey's
questions, or as a copy under a new title; a web address made from the title when left empty."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.i18n import LANGUAGES
from app.surveys.builder.starters import STARTERS
from app.surveys.content import completeness
from app.surveys.content import load_survey_by_id
from app.surveys.content import pieces
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.models import SurveyText
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import form_key
from tests.surveys.helpers import token

TEMPLATES = "/staff/surveys/templates"


def _only_survey(app: Flask, title: str) -> Survey:
    with app.app_context():
        found = db.session.scalars(select(Survey).where(Survey.title == title)).all()
        assert len(found) == 1, [s.title for s in found]
        survey = load_survey_by_id(found[0].id)
        assert survey is not None
        db.session.expunge_all()
        return survey


def test_a_template_makes_a_translated_draft_with_its_questions_in_one_press(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(TEMPLATES).get_data(as_text=True)
    assert "Did you feel listened to?" in page  # what each template asks, before choosing
    response = send(client, TEMPLATES, {"starter": "how-was-it", "main_language": "en"})
    assert response.status_code == 302
    survey = _only_survey(app, "How was it for you?")
    assert response.headers["Location"] == f"/staff/surveys/{survey.id}"
    assert survey.status == SurveyStatus.DRAFT and survey.slug == "how-was-it-for-you"
    assert survey.anonymous and survey.minutes_from_questions
    questions = [q for q in survey.questions if not q.retired]
    assert [q.kind for q in questions] == [q.kind for q in STARTERS["how-was-it"].questions]
    missing, needed = questions[3], questions[2]
    assert missing.text == "What was missing?"
    assert (missing.show_if_question_id, missing.show_if_value) == (needed.id, "no")
    with app.app_context():
        done = completeness(load_survey_by_id(survey.id))
        expected = len(pieces(load_survey_by_id(survey.id)))
    assert done == {lang.code: (expected, expected) for lang in LANGUAGES if lang.code != "en"}
    welsh = client.get(f"/s/{survey.slug}", headers={"Accept-Language": "cy"})
    assert welsh.status_code == 404  # a draft until staff open it
    overview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "How was the session for you?" in overview


def test_a_template_is_written_in_the_main_language_chosen(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    send(client, TEMPLATES, {"starter": "your-needs", "main_language": "cy"})
    with app.app_context():
        survey = db.session.scalars(select(Survey)).one()
        english = dict(
            db.session.execute(
                select(SurveyText.key, SurveyText.text).where(SurveyText.language == "en")
            ).all()
        )
        assert survey.main_language == "cy" and not survey.anonymous
        assert survey.title == "Dywedwch wrthym am eich anghenion"
        assert english["title"] == "Tell us about your needs"
        alone = [o.label for q in survey.questions for o in q.options if o.exclusive]
        assert alone == ["Dim byd, diolch"]
        other = next(q for q in survey.questions if q.kind == QuestionKind.SHORT_TEXT)
        assert other.show_if_value == "other"


def test_a_second_press_of_the_template_button_makes_nothing_more(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(TEMPLATES).get_data(as_text=True)
    data = {
        "csrf_token": token(page),
        "form_key": form_key(page),
        "starter": "what-should-change",
        "main_language": "en",
    }
    first, second = client.post(TEMPLATES, data=data), client.post(TEMPLATES, data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == "/staff/surveys/"
    assert count(app, Survey) == 1


@pytest.mark.parametrize(
    ("starter", "message"),
    [("", "Choose a template"), ("<script>x</script>", "Choose a template")],
)
def test_the_template_page_says_what_to_put_right(
    app: Flask, staff_client, starter: str, message: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = send(client, TEMPLATES, {"starter": starter, "main_language": "xx"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'<a href="#starter-0">{message}</a>' in page
    assert '<a href="#main_language-0">Choose the main language</a>' in page
    assert "<script>x" not in page and count(app, Survey) == 0


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Our café: what next?", "our-cafe-what-next"),
        (
            "Beth ddylai newid yn y ganolfan? Dŵr a bwyd",
            "beth-ddylai-newid-yn-y-ganolfan-dwr-a-bwyd",
        ),
        ("☕ Coffee & cake 🎂", "coffee-cake"),
        ("ما الذي يجب أن يتغير؟", "survey"),
        ("☕🎂", "survey"),
        ("x" * 200, "x" * 50),
    ],
)
def test_an_empty_web_address_is_made_from_the_title(
    app: Flask, staff_client, title: str, slug: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    form = client.get("/staff/surveys/new").get_data(as_text=True)
    assert "Leave it empty and we make one from the title." in form
    response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "title": title, "slug": ""})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(Survey.slug)).one() == slug


def test_a_web_address_made_from_a_title_is_never_one_already_used(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    for title in ("cafe", "Café", "ما الذي يجب أن يتغير؟", "هل أنت بخير؟"):
        send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "title": title, "slug": ""})
    with app.app_context():
        slugs = db.session.scalars(select(Survey.slug).order_by(Survey.id)).all()
    assert slugs == ["cafe", "cafe-2", "cafe-3", "survey", "survey-2"]


def test_emptying_the_address_of_a_survey_makes_a_new_one_from_its_title(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/edit"
    response = send(client, path, {**SURVEY_FIELDS, "title": "Café news", "slug": ""})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Survey, survey.id).slug == "cafe-news"


def test_a_copy_needs_a_title_and_an_unused_address(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/duplicate"
    empty = send(client, path, {"title": "  ", "slug": ""})
    assert empty.status_code == 400
    assert '<a href="#title">Enter a title for the copy</a>' in empty.get_data(as_text=True)
    taken = send(client, path, {"title": "Again", "slug": "cafe"})
    page = taken.get_data(as_text=True)
    assert taken.status_code == 400 and 'href="#slug"' in page
    assert "Another survey uses that web address" in page and 'value="Again"' in page
    typed = send(client, path, {"title": "Winter café", "slug": "winter"})
    assert typed.status_code == 302 and count(app, Survey) == 2
    with app.app_context():
        assert db.session.scalars(select(Survey.slug).order_by(Survey.id)).all() == [
            "cafe",
            "winter",
        ]


def _copy_page(client: FlaskClient, target: int, source: int) -> str:
    return f"/staff/surveys/{target}/copy-questions?from={source}"


@pytest.fixture
def target(app: Flask, staff_client) -> int:
    """A new survey in English with one question of its own."""
    client = staff_client(Role.COORDINATOR)
    response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "slug": "target"})
    survey_id = int(response.headers["Location"].rsplit("/", 1)[1])
    add_question(client, survey_id, "short_text", "Your postcode?")
    return survey_id


def test_questions_copied_from_another_survey_keep_answers_branches_and_translations(
    app: Flask, client: FlaskClient, survey: MadeSurvey, target: int
) -> None:
    choose = client.get(f"/staff/surveys/{target}/copy-questions").get_data(as_text=True)
    assert f'href="/staff/surveys/{target}/copy-questions?from={survey.id}"' in choose
    assert f"copy-questions?from={target}" not in choose  # not from itself
    path = _copy_page(client, target, survey.id)
    page = client.get(path).get_data(as_text=True)
    assert page.count(" checked") == len(survey.questions)  # all, unless some are unticked
    picked = [str(survey.questions[key]) for key in ("visited", "often", "hard")]
    data = {"csrf_token": token(page), "form_key": form_key(page), "questions": picked}
    first, second = client.post(path, data=data), client.post(path, data=data)
    assert first.headers["Location"] == f"/staff/surveys/{target}#questions"
    assert second.status_code == 302
    overview = client.get(f"/staff/surveys/{target}").get_data(as_text=True)
    assert "3 questions are copied to the end of this survey." in overview
    with app.app_context():
        copied = load_survey_by_id(target)
        assert copied is not None
        texts = [q.text for q in copied.questions]
        assert texts == ["Your postcode?", *(q for q in _texts(survey, picked))]
        visited, often, hard = copied.questions[1:]
        assert (often.show_if_question_id, often.show_if_value) == (visited.id, "yes")
        assert [o.exclusive for o in hard.options].count(True) == 1
        welsh = db.session.scalar(
            select(SurveyText.text).where(
                SurveyText.survey_id == target, SurveyText.key == f"q:{often.id}:text"
            )
        )
        assert welsh  # the Welsh words came with it
        assert db.session.get(Survey, survey.id) is not None and len(copied.questions) == 4


def _texts(survey: MadeSurvey, ids: list[str]) -> list[str]:
    return [db.session.get(Question, int(i)).text for i in ids]


def test_a_question_copied_without_the_one_it_depends_on_is_always_asked(
    app: Flask, client: FlaskClient, survey: MadeSurvey, target: int
) -> None:
    path = _copy_page(client, target, survey.id)
    response = send(client, path, {"questions": [str(survey.questions["often"])]})
    assert response.status_code == 302
    overview = client.get(f"/staff/surveys/{target}").get_data(as_text=True)
    assert "1 of them was only asked after an answer to a question you did not copy." in overview
    with app.app_context():
        often = load_survey_by_id(target).questions[-1]
        assert often.show_if_question_id is None and often.show_if_value is None


def test_copying_questions_says_what_to_put_right(
    app: Flask, client: FlaskClient, survey: MadeSurvey, target: int
) -> None:
    path = _copy_page(client, target, survey.id)
    for chosen, message in [
        ([], "Choose at least one question to copy"),
        (["999999"], "Choose from the questions shown"),
        (["<b>1</b>"], "Choose from the questions shown"),
    ]:
        response = send(client, path, {"questions": chosen})
        page = response.get_data(as_text=True)
        assert response.status_code == 400, chosen
        assert f'<a href="#questions-0">{message}</a>' in page, chosen
    with app.app_context():
        assert len(load_survey_by_id(target).questions) == 1
    assert client.get(_copy_page(client, target, target)).status_code == 404
    assert client.get(_copy_page(client, target, 999999)).status_code == 404
    for nonsense in ("x", "-1", "1e3", str(2**31)):  # not a survey's number: the list again
        page = client.get(f"/staff/surveys/{target}/copy-questions?from={nonsense}")
        assert "Choose the survey to copy from." in page.get_data(as_text=True), nonsense


def test_questions_from_a_survey_in_another_language_come_without_translations(
    app: Flask, client: FlaskClient, survey: MadeSurvey, target: int
) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).main_language = "cy"
        db.session.commit()
    path = _copy_page(client, target, survey.id)
    page = client.get(path).get_data(as_text=True)
    assert "That survey is written in Cymraeg and this one in English" in page
    assert f'<span lang="cy">{"Have you been to the café in the last year?"}</span>' in page
    send(client, path, {"questions": [str(survey.questions["visited"])]})
    with app.app_context():
        kept = db.session.scalars(select(SurveyText).where(SurveyText.survey_id == target)).all()
    assert kept == []


def test_only_builders_can_copy_or_start_from_a_template(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.VIEWER)
    csrf = token(client.get("/staff/").get_data(as_text=True))
    for path in (TEMPLATES, f"/staff/surveys/{survey.id}/copy-questions?from={survey.id}"):
        assert client.get(path).status_code == 403
        data = {"csrf_token": csrf, "starter": "how-was-it", "main_language": "en"}
        assert client.post(path, data=data).status_code == 403
    assert count(app, Survey) == 1
    assert re.search(r"Start from a template", client.get("/staff/surveys/").get_data(True)) is None
