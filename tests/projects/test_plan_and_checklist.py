"""Mapping the journey: every part of the plan saves (or stays empty), the checklist keeps done
and notes, and a problem is shown with what was typed kept."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.projects.plan import PLAN
from tests.factories import make_project
from tests.projects.helpers import post_checklist
from tests.projects.helpers import post_plan


def _plan(app: Flask, project_id: int) -> dict[str, str]:
    with app.app_context():
        project = db.session.get(Project, project_id)
        assert project is not None
        return {
            "name": project.name,
            "stage": project.stage.value,
            **{part.key: getattr(project, part.key) for part in PLAN},
        }


def _checks(app: Flask, project_id: int) -> dict[AccessItem, tuple[bool, str]]:
    with app.app_context():
        project = db.session.get(Project, project_id)
        assert project is not None
        return {check.item: (check.done, check.note) for check in project.checks}


def test_every_part_of_the_plan_saves_and_shows_on_the_page(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project("Café review")
    client = staff_client(Role.COORDINATOR)
    words = {part.key: f"Words for {part.key}\non two lines" for part in PLAN}
    response = post_plan(client, project_id, name="Café review", stage="running", **words)
    assert response.status_code == 302
    assert _plan(app, project_id) == {"name": "Café review", "stage": "running", **words}
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    for part in PLAN:
        assert str(part.label) in page and f"Words for {part.key}" in page
    assert "Under way" in page and "Not written yet" not in page


def test_any_part_of_the_plan_can_be_emptied(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project("Café review", why="Because", skills="Facilitation")
    response = post_plan(staff_client(Role.ADMIN), project_id, why="", skills="")
    assert response.status_code == 302
    saved = _plan(app, project_id)
    assert saved["why"] == "" and saved["skills"] == ""


def test_plan_hints_are_the_research_prompts(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    page = staff_client().get(f"/staff/projects/{project_id}/plan").get_data(as_text=True)
    for prompt in (
        "Who has time, or where could we make it?",
        "For example leading groups and safeguarding.",
        "setting the agenda, taking notes, leading a meeting, or meeting other",
        "What will everyone walk away with?",
    ):
        assert prompt in page


def test_a_plan_too_long_is_refused_with_the_words_kept(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project("Café review", aims="Old aims")
    client = staff_client(Role.COORDINATOR)
    too_long = "x" * 5001
    response = post_plan(client, project_id, name="", stage="someday", aims=too_long)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#name"' in page and 'href="#aims"' in page and 'href="#stage-0"' in page
    assert "Choose the stage the project is at" in page and too_long in page
    assert _plan(app, project_id)["aims"] == "Old aims"


def test_a_name_taken_by_another_project_is_refused(app: Flask, staff_client) -> None:
    with app.app_context():
        make_project("Bus routes")
        project_id = make_project("Café review")
    client = staff_client()
    response = post_plan(client, project_id, name="bus routes")
    assert response.status_code == 400
    assert _plan(app, project_id)["name"] == "Café review"
    assert post_plan(client, project_id, name="Café Review").status_code == 302
    assert _plan(app, project_id)["name"] == "Café Review"


def test_hostile_plan_words_are_stored_and_shown_as_words(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    hostile = '<img src=x onerror=alert(1)>\x07 "}}{{ 7*7 }}'
    assert post_plan(client, project_id, why=hostile, safeguarding=hostile).status_code == 302
    assert _plan(app, project_id)["why"] == '<img src=x onerror=alert(1)> "}}{{ 7*7 }}'
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page


def test_the_checklist_keeps_done_and_notes(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    response = post_checklist(
        client,
        project_id,
        interpreters_done="yes",
        interpreters_note="Two BSL interpreters booked",
        childcare_note="Ask the nursery",
    )
    assert response.status_code == 302
    checks = _checks(app, project_id)
    assert checks[AccessItem.INTERPRETERS] == (True, "Two BSL interpreters booked")
    assert checks[AccessItem.CHILDCARE] == (False, "Ask the nursery")
    assert sum(done for done, _note in checks.values()) == 1
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "1 of 8 done" in page and "Two BSL interpreters booked" in page


def test_a_project_without_a_checklist_gets_one_when_it_is_saved(app: Flask, staff_client) -> None:
    with app.app_context():
        project = Project(name="Made by a session")
        db.session.add(project)
        db.session.commit()
        project_id = project.id
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/projects/{project_id}/checklist").get_data(as_text=True)
    assert page.count('value="no" checked') == len(AccessItem)
    assert post_checklist(client, project_id, travel_done="yes").status_code == 302
    assert _checks(app, project_id)[AccessItem.TRAVEL] == (True, "")
    assert len(_checks(app, project_id)) == len(AccessItem)


def test_a_tampered_or_too_long_checklist_is_refused_with_notes_kept(
    app: Flask, staff_client
) -> None:
    with app.app_context():
        project_id = make_project(done=(AccessItem.TRAVEL,))
    client = staff_client(Role.COORDINATOR)
    note = "n" * 1001
    response = post_checklist(client, project_id, it_done="maybe", travel_note=note)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#it_done-0"' in page and 'href="#travel_note"' in page and note in page
    assert _checks(app, project_id)[AccessItem.TRAVEL] == (True, "")


def test_stage_choices_are_every_stage(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project(stage=ProjectStage.FINISHED)
    page = staff_client().get(f"/staff/projects/{project_id}/plan").get_data(as_text=True)
    assert 'value="finished" checked' in page
    assert all(f'value="{stage.value}"' in page for stage in ProjectStage)
