"""Surveys gain a project: chosen on the survey's settings, shown in the survey list, kept by a
copy, and a project that is not on the list is refused plainly."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Survey
from tests.factories import make_project
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send


def _project_of(app: Flask, survey_id: int) -> int | None:
    with app.app_context():
        return db.session.get(Survey, survey_id).project_id


def test_a_survey_is_put_in_a_project_and_the_list_says_which(app: Flask, staff_client) -> None:
    with app.app_context():
        cafe = make_project("Café review")
        make_project("Bus routes")
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, project=str(cafe))
    assert _project_of(app, survey_id) == cafe
    listed = client.get("/staff/surveys/").get_data(as_text=True)
    assert 'data-label="Project">Café review</td>' in listed
    edit = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    assert f'<option selected value="{cafe}">Café review</option>' in edit
    assert "Bus routes" in edit
    assert send(client, f"/staff/surveys/{survey_id}/edit", {**SURVEY_FIELDS, "project": ""})
    assert _project_of(app, survey_id) is None
    assert 'data-label="Project">No project</td>' in client.get("/staff/surveys/").get_data(
        as_text=True
    )


def test_a_project_not_on_the_list_is_refused_with_the_answers_kept(
    app: Flask, staff_client
) -> None:
    with app.app_context():
        cafe = make_project("Café review")
    client = staff_client(Role.COORDINATOR)
    for bad in (str(cafe + 1), "1 OR 1=1", "-1"):
        response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "project": bad})
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert 'href="#project"' in page and "Choose a project from the list" in page
        assert 'value="Our library: what should change?"' in page


def test_a_survey_started_from_a_project_page_is_offered_that_project(
    app: Flask, staff_client
) -> None:
    with app.app_context():
        cafe = make_project("Café review")
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/projects/{cafe}").get_data(as_text=True)
    assert f'href="/staff/surveys/new?project={cafe}"' in page
    form = client.get(f"/staff/surveys/new?project={cafe}").get_data(as_text=True)
    assert f'<option selected value="{cafe}">Café review</option>' in form
    assert client.get("/staff/surveys/new?project=x<b>").status_code == 200


def test_a_copy_of_a_survey_stays_in_its_project(app: Flask, staff_client) -> None:
    with app.app_context():
        cafe = make_project("Café review")
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, project=str(cafe))
    response = send(
        client, f"/staff/surveys/{survey_id}/duplicate", {"title": "Second round", "slug": ""}
    )
    assert response.status_code == 302
    copy_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert copy_id != survey_id and _project_of(app, copy_id) == cafe
