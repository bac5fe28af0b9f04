"""The learning log: coordinators and admins add dated entries, shown newest first on the
project page; hostile words are kept as written and shown as text; a double tap adds one."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.projects.readiness_models import LearningEntry
from tests.conftest import csrf_token
from tests.factories import make_project
from tests.projects.helpers import form_key


def _post(client: FlaskClient, project_id: int, key: str | None = None, **fields: str):
    path = f"/staff/projects/{project_id}/learning/new"
    html = client.get(path).get_data(as_text=True)
    data = fields | {"csrf_token": csrf_token(client, path), "form_key": key or form_key(html)}
    return client.post(path, data=data)


def _entries(app: Flask) -> list[tuple[str, str, str]]:
    with app.app_context():
        rows = db.session.scalars(select(LearningEntry).order_by(LearningEntry.id))
        return [(e.worked, e.did_not_work, e.differently) for e in rows]


def test_entries_show_newest_first_on_the_project_page(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    first = _post(client, project_id, worked="Cards before talking", did_not_work="Late start")
    assert first.status_code == 302
    with app.app_context():
        db.session.scalars(select(LearningEntry)).one().created_at = datetime(
            2026, 5, 1, tzinfo=UTC
        )
        db.session.commit()
    _post(client, project_id, differently="Book the room for longer")
    assert _entries(app) == [
        ("Cards before talking", "Late start", ""),
        ("", "", "Book the room for longer"),
    ]
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert page.index("Book the room for longer") < page.index("Cards before talking")
    assert "1 May 2026" in page


def test_hostile_words_are_stored_as_written_and_shown_as_text(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.ADMIN)
    hostile = '<script>alert("x")</script>\x00=SUM(A1)'
    assert _post(client, project_id, worked=hostile).status_code == 302
    assert _entries(app) == [('<script>alert("x")</script>=SUM(A1)', "", "")]
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;=SUM(A1)" in page


def test_an_empty_entry_is_refused_and_a_too_long_one_keeps_the_words(
    app: Flask, staff_client
) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    empty = _post(client, project_id, worked="  ", did_not_work="", differently="")
    assert empty.status_code == 400
    assert 'href="#worked"' in empty.get_data(as_text=True)
    assert "Write at least one thing you learned" in empty.get_data(as_text=True)
    long = _post(client, project_id, worked="Tea helped", differently="x" * 5001)
    assert long.status_code == 400
    page = long.get_data(as_text=True)
    assert 'href="#differently"' in page and "Tea helped" in page
    assert _entries(app) == []


def test_a_double_tap_adds_one_entry(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.COORDINATOR)
    key = form_key(client.get(f"/staff/projects/{project_id}/learning/new").get_data(as_text=True))
    assert _post(client, project_id, key=key, worked="Tea helped").status_code == 302
    assert _post(client, project_id, key=key, worked="Tea helped").status_code == 302
    assert len(_entries(app)) == 1


def test_viewers_read_the_log_but_cannot_add(app: Flask, staff_client) -> None:
    with app.app_context():
        project_id = make_project()
    client = staff_client(Role.VIEWER)
    page = client.get(f"/staff/projects/{project_id}").get_data(as_text=True)
    assert "Nothing in the learning log yet." in page and "Add to the learning log" not in page
    assert client.get(f"/staff/projects/{project_id}/learning/new").status_code == 403
