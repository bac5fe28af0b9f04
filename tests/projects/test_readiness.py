"""Check we are ready: every question is answered yes, partly or not yet and saved as one dated
check; the result shows each barrier's standing and the research's tips for each not yet; a
second check shows what changed; a problem keeps the answers; a double tap saves once."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.projects.readiness import QUESTIONS
from app.projects.readiness import TIPS
from app.projects.readiness_models import Barrier
from app.projects.readiness_models import Readiness
from app.projects.readiness_models import ReadinessAnswer
from app.projects.readiness_models import ReadinessCheck
from tests.conftest import csrf_token
from tests.factories import make_project
from tests.projects.helpers import form_key


def _all(answer: str) -> dict[str, str]:
    return {q.key: answer for q in QUESTIONS}


def _post(client: FlaskClient, project_id: int, key: str | None = None, **fields: str):
    path = f"/staff/projects/{project_id}/readiness/new"
    html = client.get(path).get_data(as_text=True)
    data = {"by": "me", **fields}
    data |= {"csrf_token": csrf_token(client, path), "form_key": key or form_key(html)}
    return client.post(path, data=data)


def _checks(app: Flask) -> list[dict[str, tuple[str, str]]]:
    with app.app_context():
        checks = db.session.scalars(select(ReadinessCheck).order_by(ReadinessCheck.id))
        return [{a.question: (a.answer.value, a.note) for a in c.answers} for c in checks]


def _backdate(app: Flask, when: datetime) -> None:
    """The checks so far were made on this day (so a later one has a date of its own)."""
    with app.app_context():
        for check in db.session.scalars(select(ReadinessCheck)):
            check.created_at = when
        db.session.commit()


def test_a_check_saves_every_answer_and_note_with_who_answered(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    fields = _all("yes") | {"paid": "not_yet", "paid_note": "No budget for it yet", "why": "partly"}
    response = _post(client, project_id, **fields)
    assert response.status_code == 302
    [saved] = _checks(app)
    assert saved["paid"] == ("not_yet", "No budget for it yet")
    assert saved["why"] == ("partly", "") and saved["small"] == ("yes", "")
    assert len(saved) == len(QUESTIONS)
    with app.app_context():
        check = db.session.scalars(select(ReadinessCheck)).one()
        assert check.by_team is False and check.who  # the coordinator's own name


def test_a_team_check_needs_the_names_of_who_took_part(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.ADMIN)
    refused = _post(client, project_id, **_all("yes"), by="team", team="")
    assert refused.status_code == 400
    assert "Write the names of the people who took part" in refused.get_data(as_text=True)
    assert _checks(app) == []
    team = "Owen, Ama <b>& Sam</b>"
    assert _post(client, project_id, **_all("yes"), by="team", team=team).status_code == 302
    with app.app_context():
        check = db.session.scalars(select(ReadinessCheck)).one()
        assert check.by_team and check.who == team
    page = client.get(f"/staff/projects/{project_id}/readiness").get_data(as_text=True)
    assert "Answered as a team: Owen, Ama &lt;b&gt;&amp; Sam&lt;/b&gt;." in page


def test_the_result_shows_each_barrier_and_tips_only_for_not_yet(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    fields = _all("yes") | {"funders": "not_yet", "paid": "partly", "buy_in": "partly"}
    _post(client, project_id, **fields)
    page = client.get(f"/staff/projects/{project_id}/readiness").get_data(as_text=True)
    for barrier in Barrier:
        assert str(barrier.label) in page
    assert str(TIPS[Barrier.FUNDING]) in page
    for barrier in Barrier:
        if barrier != Barrier.FUNDING:
            assert str(TIPS[barrier]) not in page
    assert f"{Barrier.FUNDING.label}: Partly ready" in page
    assert f"{Barrier.RESISTANCE.label}: Partly ready" in page
    assert f"{Barrier.POWER.label}: Ready" in page


def test_a_barrier_all_not_yet_is_not_ready(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    _post(client, project_id, **_all("not_yet"))
    page = client.get(f"/staff/projects/{project_id}/readiness").get_data(as_text=True)
    assert f"{Barrier.WORRY.label}: Not ready yet" in page
    for barrier in Barrier:
        assert str(TIPS[barrier]) in page


def test_a_tampered_answer_is_refused_with_the_other_answers_kept(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    fields = _all("partly") | {"why": "definitely", "aims_note": "Three changes by summer"}
    response = _post(client, project_id, **fields)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#why-0"' in page and "Choose yes, partly or not yet" in page
    assert 'id="aims-1" name="aims" value="partly" checked' in page
    assert "Three changes by summer" in page
    assert _checks(app) == []


def test_nothing_answered_lists_every_question_in_the_error_summary(
    app: Flask, staff_client
) -> None:
    with app.app_context():
        project_id = make_project()
    response = _post(staff_client(Role.COORDINATOR), project_id, by="")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for question in QUESTIONS:
        assert f'href="#{question.key}-0"' in page
    assert 'href="#by-0"' in page


def test_a_double_tap_saves_one_check(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/projects/{project_id}/readiness/new"
    key = form_key(client.get(path).get_data(as_text=True))
    assert _post(client, project_id, key=key, **_all("yes")).status_code == 302
    again = _post(client, project_id, key=key, **_all("yes"))
    assert again.status_code == 302
    assert len(_checks(app)) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count(ReadinessAnswer.id))) == len(QUESTIONS)


def test_a_second_check_shows_how_the_answers_changed(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    _post(client, project_id, **_all("not_yet"))
    _backdate(app, datetime(2026, 3, 2, 10, tzinfo=UTC))
    _post(client, project_id, **_all("not_yet") | {"paid": "yes", "why": "partly"})
    page = client.get(f"/staff/projects/{project_id}/readiness").get_data(as_text=True)
    assert "2 Mar 2026" in page
    assert "Yes (was Not yet)" in page and "Partly (was Not yet)" in page
    assert page.count("(was ") == 2
    assert "How the answers changed" in page
    assert "<table" in page and page.count("Answers at each check, oldest first") >= 1


def test_everyone_on_the_staff_reads_but_only_editors_answer(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.VIEWER)
    page = client.get(f"/staff/projects/{project_id}/readiness")
    assert page.status_code == 200 and "Check we are ready" not in page.get_data(as_text=True)
    assert client.get(f"/staff/projects/{project_id}/readiness/new").status_code == 403


def test_the_project_page_says_when_it_was_last_checked(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "Nobody has checked this project yet." in page
    _post(client, project_id, **_all("yes"))
    _backdate(app, datetime(2026, 4, 7, 9, tzinfo=UTC))
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "Last checked on 7 Apr 2026." in page


def test_answers_are_one_of_three(app: Flask) -> None:
    assert [r.value for r in Readiness] == ["yes", "partly", "not_yet"]
    assert {q.barrier for q in QUESTIONS} == set(Barrier)
