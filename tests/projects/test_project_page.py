"""A project's page gathers what belongs to it: surveys with their answers, sessions with
people and hours, updates with their status, and who took part: names only for coordinators
and admins, and what people need only as counts."""

from __future__ import annotations

from datetime import date

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import ActivityType
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.ledger.models import InvolvementSession
from app.people.models import Participant
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from tests.conftest import LedgerData
from tests.conftest import UpdatesData
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.factories import MadeSurvey
from tests.factories import add_responses
from tests.factories import make_project


def _panel_with_three_bsl_users(app: Flask, project_id: int) -> None:
    """A second session of the project: three people who need BSL, one also step-free."""
    with app.app_context():
        people = [
            Participant(name=name, access_needs=needs)
            for name, needs in (
                ("Dafydd", ["bsl"]),
                ("Efa", ["bsl", "step_free"]),
                ("Fatima", ["bsl"]),
            )
        ]
        db.session.add_all(people)
        db.session.flush()
        db.session.add(
            InvolvementSession(
                project_id=project_id,
                title="Panel meeting",
                activity_type=ActivityType.MEETING,
                held_on=date(2026, 1, 10),
                minutes=90,
                attendances=[
                    Attendance(participant_id=p.id, role=AttendanceRole.TAKING_PART) for p in people
                ],
            )
        )
        db.session.commit()


def _link_survey(app: Flask, survey_id: int, project_id: int) -> None:
    with app.app_context():
        db.session.get(Survey, survey_id).project_id = project_id
        db.session.commit()


def _page(app: Flask, role: Role, project_id: int) -> str:
    with app.test_client() as client:
        sign_in(client, make_staff(app, role, email=f"{role.value}-page@example.org").email)
        response = client.get(f"/staff/projects/{project_id}")
        assert response.status_code == 200
        return response.get_data(as_text=True)


def test_the_page_shows_linked_surveys_sessions_and_updates(
    app: Flask, survey: MadeSurvey, ledger: LedgerData, updates: UpdatesData
) -> None:
    with app.app_context():
        add_responses(survey.id, 7)
        other = make_project("Bus routes")
    _link_survey(app, survey.id, ledger.project)
    _panel_with_three_bsl_users(app, ledger.project)
    page = _page(app, Role.COORDINATOR, ledger.project)
    assert "Our drop-in café: what should change?" in page
    assert f'href="/staff/surveys/{survey.id}"' in page and ">7<" in page and "Open" in page
    assert "Café workshop" in page and "Panel meeting" in page and "1 hour and 30 minutes" in page
    assert "The café closes too early for people who work." in page and "Doing" in page
    assert "Please open on Sundays." not in page  # an update of no project
    assert "5 people came to this project's sessions." in page
    # Time given: the workshop 2 hours × 2 people, the panel 1.5 hours × 3 people.
    assert "Together they gave 8 hours and 30 minutes." in page
    assert "Panel meeting" not in _page(app, Role.ADMIN, other)


def test_names_only_for_coordinators_and_admins_and_needs_only_as_counts(
    app: Flask, ledger: LedgerData
) -> None:
    _panel_with_three_bsl_users(app, ledger.project)
    for role in Role:
        page = _page(app, role, ledger.project)
        shows_names = role in (Role.ADMIN, Role.COORDINATOR)
        for name in ("Ama", "Ben", "Dafydd", "Efa", "Fatima"):
            assert (f"<li>{name}</li>" in page) is shows_names, (role, name)
        assert ("Who took part" in page) is shows_names
        needs = page.split("What the people involved need to take part</caption>")[1].split(
            "</table>"
        )[0]
        assert "A British Sign Language (BSL) interpreter" in needs and ">3<" in needs
        assert "Step-free access, with no stairs" in needs and ">2<" in needs  # Ama and Efa
        assert "Dafydd" not in needs and "Large print" not in needs


def test_viewers_see_no_change_links_and_surveys_link_to_results(
    app: Flask, survey: MadeSurvey, ledger: LedgerData
) -> None:
    _link_survey(app, survey.id, ledger.project)
    page = _page(app, Role.VIEWER, ledger.project)
    assert "Change the plan" not in page and "Change the checklist" not in page
    assert f'href="/staff/surveys/{survey.id}/results"' in page
    assert "Create a survey for this project" not in page


def test_an_empty_project_says_so_and_a_missing_one_is_not_found(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.FINANCE)
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "0 people came to this project's sessions." in page
    assert "No survey belongs to this project yet." in page
    assert "No session belongs to this project yet." in page
    assert "No update belongs to this project yet." in page
    assert client.get(f"/staff/projects/{project_id + 1}").status_code == 404


def test_the_page_takes_a_few_queries_however_many_sessions(
    app: Flask, ledger: LedgerData, staff_client, count_queries
) -> None:
    client = staff_client(Role.COORDINATOR)
    with count_queries() as few:
        client.get(f"/staff/projects/{ledger.project}")
    _panel_with_three_bsl_users(app, ledger.project)
    for n in range(6):
        with app.app_context():
            db.session.add(
                InvolvementSession(
                    project_id=ledger.project,
                    title=f"Extra {n}",
                    activity_type=ActivityType.WORKSHOP,
                    held_on=date(2026, 2, n + 1),
                    minutes=60,
                )
            )
            db.session.commit()
    with count_queries() as many:
        client.get(f"/staff/projects/{ledger.project}")
    assert len(many) == len(few)


def test_a_survey_status_shows_as_it_changes(
    app: Flask, survey: MadeSurvey, ledger: LedgerData
) -> None:
    _link_survey(app, survey.id, ledger.project)
    with app.app_context():
        db.session.get(Survey, survey.id).status = SurveyStatus.CLOSED
        db.session.commit()
    assert "Closed" in _page(app, Role.ADMIN, ledger.project)
