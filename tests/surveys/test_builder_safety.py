"""Only builders build; hostile input gets a plain answer, never a 500 or markup that runs."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import Survey
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import question_fields
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import token

BUILDER_PAGES = [
    "/staff/surveys/new",
    "/staff/surveys/{id}",
    "/staff/surveys/{id}/edit",
    "/staff/surveys/{id}/questions/new",
    "/staff/surveys/{id}/questions/{q}",
    "/staff/surveys/{id}/translate/cy",
    "/staff/surveys/{id}/preview",
    "/staff/surveys/{id}/preview/{q}",
    "/staff/surveys/{id}/enter",
]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.FINANCE])
def test_viewer_and_finance_cannot_use_the_builder(
    app: Flask, staff_client, survey: MadeSurvey, role: Role
) -> None:
    client = staff_client(role)
    for page in BUILDER_PAGES:
        path = page.format(id=survey.id, q=survey.first_question)
        assert client.get(path).status_code == 403, path
    csrf = token(client.get("/staff/").get_data(as_text=True))
    question = f"questions/{survey.first_question}"
    for action in ("status", "duplicate", f"{question}/remove", f"{question}/duplicate",
                   f"{question}/move"):  # fmt: skip
        path = f"/staff/surveys/{survey.id}/{action}"
        assert client.post(path, data={"csrf_token": csrf, "to": "closed"}).status_code == 403
    assert count(app, Survey) == 1


@pytest.mark.parametrize("role", [Role.VIEWER, Role.FINANCE])
def test_viewer_and_finance_see_the_list_read_only(
    staff_client, survey: MadeSurvey, role: Role
) -> None:
    page = staff_client(role).get("/staff/surveys/").get_data(as_text=True)
    assert "Our drop-in café" in page and f'href="/staff/surveys/{survey.id}/results"' in page
    assert "Create a survey" not in page and f'href="/staff/surveys/{survey.id}"' not in page


def test_staff_home_links_to_surveys(staff_client) -> None:
    page = staff_client(Role.VIEWER).get("/staff/").get_data(as_text=True)
    assert 'href="/staff/surveys/"' in page


def test_huge_title_is_refused_plainly(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    for size in (300_000, 1_000_000):
        response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "title": "x" * size})
        assert response.status_code in (400, 413), size
    assert "The title must be 200 characters or fewer" in response_text(client, 300_000)
    assert count(app, Survey) == 0


def response_text(client, size: int) -> str:
    return send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "title": "x" * size}).get_data(
        as_text=True
    )


def test_control_characters_are_removed_and_markup_never_runs(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    title = "<script>alert(1)</script>\x00 Library\x07"
    survey_id = create_survey(client, title=title, slug="lib\x00rary", intro="Hi\x00 there")
    question_id = add_question(client, survey_id, "single_choice", "Pick<img src=x>",
                               options="A\x00a\n<b>B</b>")  # fmt: skip
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert survey.title == "<script>alert(1)</script> Library" and survey.slug == "library"
        assert survey.intro == "Hi there"
        labels = db.session.scalars(select(Option.label).where(Option.question_id == question_id))
        assert list(labels) == ["Aa", "<b>B</b>"]
    for path in ("/staff/surveys/", f"/staff/surveys/{survey_id}",
                 f"/staff/surveys/{survey_id}/translate/cy", f"/staff/surveys/{survey_id}/preview",
                 f"/staff/surveys/{survey_id}/preview/{question_id}",
                 f"/staff/surveys/{survey_id}/enter"):  # fmt: skip
        page = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x>" not in page, path
        assert "<b>B</b>" not in page, path


def test_another_surveys_question_is_not_found_here(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    other = create_survey(client)
    theirs = survey.first_question
    for path in (f"/staff/surveys/{other}/questions/{theirs}",
                 f"/staff/surveys/{other}/preview/{theirs}"):  # fmt: skip
        assert client.get(path).status_code == 404
    for action in ("move", "remove", "duplicate"):
        response = send(client, f"/staff/surveys/{other}/questions/{theirs}/{action}",
                        {"direction": "up"}, f"/staff/surveys/{other}")  # fmt: skip
        assert response.status_code == 404
    branch = question_fields("yes_no", "Sneaky?", show_if=f"{theirs}:yes")
    response = send(client, f"/staff/surveys/{other}/questions/new", branch)
    assert response.status_code == 400
    assert "Choose an earlier question from the list" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, theirs).survey_id == survey.id
    assert client.get("/staff/surveys/999999").status_code == 404
    assert client.get("/staff/surveys/999999/enter").status_code == 404


def test_nonsense_numbers_and_choices_get_plain_messages(staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    odd = {**SURVEY_FIELDS, "minutes": "9" * 40, "opens_on": "31/02/2026", "anonymous": "\x00"}
    response = send(client, "/staff/surveys/new", odd)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a number of minutes from 1 to 240" in page
    assert "Enter a real date with the day first, like 31/3/2026" in page
    far = {**SURVEY_FIELDS, "opens_on": "0001-01-01", "last_day": "9999-12-31"}
    response = send(client, "/staff/surveys/new", far)
    assert response.status_code == 400
    years = "Enter a date from the year 2000 to 2200, like 31/3/2026"
    assert response.get_data(as_text=True).count(years) == 4
    survey_id = create_survey(client)
    path = f"/staff/surveys/{survey_id}/questions/new"
    response = send(client, path, question_fields("short_text", "Q?", max_length="-5"))
    assert "Enter a number from 1 to 20000" in response.get_data(as_text=True)
    response = send(client, path, question_fields("single_choice", "Q?", options="x" * 301 + "\nB"))
    assert "Each answer must be 300 characters or fewer" in response.get_data(as_text=True)


def test_enormous_ids_in_the_address_are_not_found(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    huge = "9" * 30
    for path in (f"/staff/surveys/{huge}", f"/staff/surveys/{huge}/enter",
                 f"/staff/surveys/{survey.id}/questions/{huge}",
                 f"/staff/surveys/{survey.id}/preview/{huge}"):  # fmt: skip
        assert client.get(path).status_code == 404, path
