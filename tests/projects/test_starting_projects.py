"""Starting a project in minutes: blank or from a template that fills in the plan; a double tap
starts one; a name already used, a missing name or a tampered choice is refused plainly."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.projects.plan import PLAN_KEYS
from app.projects.starters import STARTERS
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.factories import make_project
from tests.projects.helpers import start


def _only_project(app: Flask) -> Project:
    with app.app_context():
        project = db.session.scalar(select(Project))
        assert project is not None
        db.session.expunge(project)  # read its plain columns after the context ends
        return project


def test_each_template_fills_in_the_plan_and_checklist_notes(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    for n, starter in enumerate(STARTERS.values()):
        response = start(client, f"Project {n}", starter.key)
        assert response.status_code == 302
        with app.app_context():
            project = db.session.scalar(select(Project).where(Project.name == f"Project {n}"))
            assert project.started_from == starter.key and project.stage == ProjectStage.PLANNING
            written = {key: getattr(project, key) for key in PLAN_KEYS if getattr(project, key)}
            assert written == {key: str(words) for key, words in starter.plan.items()}
            notes = {check.item: check.note for check in project.checks if check.note}
            assert notes == {item: str(words) for item, words in starter.notes.items()}
            assert [c.item for c in project.checks] == list(AccessItem)
            assert not any(check.done for check in project.checks)
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert str(starter.title) in page and str(starter.plan["why"]) in page


def test_a_template_is_written_in_the_language_of_whoever_starts_it(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    client.set_cookie("lang", "cy")
    assert start(client, "Panel", "panel").status_code == 302
    project = _only_project(app)
    assert project.why and project.why != str(STARTERS["panel"].plan["why"])  # Welsh, not English


def test_a_blank_project_starts_with_nothing_written(app: Flask, staff_client) -> None:
    client = staff_client(Role.ADMIN)
    response = start(client, "Bus routes", "blank")
    assert response.status_code == 302
    project = _only_project(app)
    assert all(getattr(project, key) == "" for key in PLAN_KEYS) and project.started_from == ""
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count("Not written yet") == len(PLAN_KEYS)
    assert "0 of 8 done" in page


def test_pressing_start_twice_starts_one_project(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    html = client.get("/staff/projects/new").get_data(as_text=True)
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    assert start(client, "Twice", "ask", key).status_code == 302
    again = start(client, "Twice", "ask", key)
    assert again.status_code == 302 and again.headers["Location"].endswith("/staff/projects/")
    with app.app_context():
        assert db.session.scalar(select(func.count(Project.id))) == 1


def test_missing_name_and_unknown_template_are_summarised_and_answers_kept(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = start(client, "", "gold-standard")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#name"' in page and "Enter a name for the project" in page
    assert 'href="#starter-0"' in page and "Choose a template or a blank plan" in page
    kept = start(client, "Kept", "")
    assert kept.status_code == 400 and 'value="Kept"' in kept.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Project.id))) == 0


def test_a_name_already_used_is_refused_whatever_its_capitals(app: Flask, staff_client) -> None:
    with app.app_context():
        make_project("Café review")
    response = start(staff_client(Role.COORDINATOR), "CAFÉ REVIEW", "blank")
    assert response.status_code == 400
    assert "Another project already has this name" in response.get_data(as_text=True)


def test_hostile_names_are_kept_as_words(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    response = start(client, "<script>alert(1)</script>\x00 Café", "co_design")
    assert response.status_code == 302
    assert _only_project(app).name == "<script>alert(1)</script> Café"
    for path in ("/staff/projects/", response.headers["Location"]):
        page = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page


def test_the_list_shows_each_project_and_its_stage(app: Flask, staff_client) -> None:
    with app.app_context():
        make_project("Lived experience panel", ProjectStage.RUNNING)
        make_project("Advice service", ProjectStage.FINISHED)
    client = staff_client(Role.VIEWER)
    page = client.get("/staff/projects/").get_data(as_text=True)
    assert "Lived experience panel" in page and "Under way" in page and "Finished" in page
    assert "Start a project" not in page  # viewers read only
    with app.test_client() as coordinator:
        sign_in(coordinator, make_staff(app, Role.COORDINATOR).email)
        assert "Start a project" in coordinator.get("/staff/projects/").get_data(as_text=True)
