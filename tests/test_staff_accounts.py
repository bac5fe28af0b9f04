"""Staff accounts on the web: admins add, pause and change roles; everyone changes their own
password; an admin resets one; every change is recorded with who and when."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import AccountEvent
from app.auth.models import Role
from app.auth.models import StaffUser
from app.extensions import db
from tests.conftest import PASSWORD
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in

NEW_PASSWORD = "a brand new passphrase"


def _post(client: FlaskClient, path: str, data: dict | None = None, form_page: str = ""):
    token = csrf_token(client, form_page or path)
    return client.post(path, data={**(data or {}), "csrf_token": token})


def _temporary_password(response) -> str:
    match = re.search(
        r'<p class="code code-wraps" dir="ltr">([a-z0-9-]+)</p>', response.get_data(as_text=True)
    )
    assert match, "no temporary password shown"
    return match.group(1)


def _events(app: Flask, user_id: int) -> list[tuple[str, int | None]]:
    with app.app_context():
        rows = db.session.scalars(
            select(AccountEvent)
            .where(AccountEvent.staff_user_id == user_id)
            .order_by(AccountEvent.id)
        )
        return [(event.action, event.actor_id) for event in rows]


def _admin(app: Flask, staff_client) -> tuple[FlaskClient, int]:
    client = staff_client(Role.ADMIN)
    with app.app_context():
        admin_id = db.session.scalar(select(StaffUser.id).where(StaffUser.role == Role.ADMIN))
    return client, admin_id


def test_admin_adds_staff_who_choose_their_own_password_at_first_sign_in(
    app: Flask, staff_client
) -> None:
    admin, admin_id = _admin(app, staff_client)
    data = {"name": "Priya", "email": " Priya@Example.org ", "role": "coordinator"}
    shown = _post(admin, "/staff/accounts/new", data)
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    temporary = _temporary_password(shown)
    again = _post(admin, "/staff/accounts/new", data)  # a second press adds nobody
    assert again.status_code == 400 and "already a staff account" in again.get_data(as_text=True)
    with app.app_context():
        priya = db.session.scalars(select(StaffUser).where(StaffUser.name == "Priya")).one()
        assert priya.email == "priya@example.org" and priya.must_change_password
    assert _events(app, priya.id) == [("added", admin_id)]

    person = app.test_client()
    assert sign_in(person, "priya@example.org", temporary).status_code == 302
    for path in ("/staff/", "/staff/people/"):
        assert person.get(path).headers["Location"] == "/staff/account/password"
    changed = _post(person, "/staff/account/password", {"current": temporary, "new": NEW_PASSWORD})
    assert changed.headers["Location"] == "/staff/"
    assert person.get("/staff/").status_code == 200
    person.post("/logout", data={"csrf_token": csrf_token(person, "/staff/")})
    assert sign_in(person, "priya@example.org", temporary).status_code == 400
    assert sign_in(person, "priya@example.org", NEW_PASSWORD).status_code == 302


def test_add_form_refuses_bad_input_plainly_and_keeps_it(app: Flask, staff_client) -> None:
    admin, _admin_id = _admin(app, staff_client)
    response = _post(
        admin, "/staff/accounts/new", {"name": "<b>Jo</b>", "email": "nope", "role": "boss"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter an email address like name@example.org" in page or "Not a valid choice" in page
    assert "&lt;b&gt;Jo&lt;/b&gt;" in page


def test_paused_account_cannot_sign_in_and_its_sessions_end(app: Flask, staff_client) -> None:
    admin, admin_id = _admin(app, staff_client)
    user = make_staff(app, Role.COORDINATOR)
    person = app.test_client()
    sign_in(person, user.email)
    assert person.get("/staff/").status_code == 200
    page = f"/staff/accounts/{user.id}"
    assert _post(admin, page + "/pause", form_page=page).status_code == 302
    assert person.get("/staff/").status_code == 302  # signed out at once
    assert sign_in(app.test_client(), user.email).status_code == 400
    _post(admin, page + "/pause", form_page=page)  # unpause
    assert sign_in(app.test_client(), user.email).status_code == 302
    assert _events(app, user.id)[1:] == [("paused", admin_id), ("unpaused", admin_id)]


def test_last_active_admin_cannot_pause_or_demote_themselves(app: Flask, staff_client) -> None:
    admin, admin_id = _admin(app, staff_client)
    page = f"/staff/accounts/{admin_id}"
    _post(admin, page + "/pause", form_page=page)
    refused = _post(admin, page + "/role", {"role": "viewer"}, form_page=page)
    assert refused.status_code == 400
    assert "only active admin" in refused.get_data(as_text=True)
    with app.app_context():
        me = db.session.get(StaffUser, admin_id)
        assert me.active and me.role == Role.ADMIN
    make_staff(app, Role.ADMIN, email="second-admin@example.org")
    assert _post(admin, page + "/role", {"role": "viewer"}, form_page=page).status_code == 302
    with app.app_context():
        assert db.session.get(StaffUser, admin_id).role == Role.VIEWER
    assert admin.get("/staff/").status_code == 302  # the new role starts at the next sign-in


def test_role_change_is_recorded_with_who_and_when(app: Flask, staff_client) -> None:
    admin, admin_id = _admin(app, staff_client)
    user = make_staff(app, Role.VIEWER)
    page = f"/staff/accounts/{user.id}"
    _post(admin, page + "/role", {"role": "coordinator"}, form_page=page)
    html = admin.get(page).get_data(as_text=True)
    assert "Role changed: Viewer → Coordinator" in html and "Test admin" in html
    assert _events(app, user.id)[-1] == ("role", admin_id)


def test_changing_your_password_needs_the_current_one_and_a_strong_new_one(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    other_device = app.test_client()
    sign_in(other_device, "coordinator@example.org")
    path = "/staff/account/password"
    cases = [
        ({"current": "wrong password!", "new": NEW_PASSWORD}, "current password is not right"),
        ({"current": PASSWORD, "new": "short"}, "at least 12 characters"),
        ({"current": PASSWORD, "new": "Coordinator@Example.org"}, "not use your email address"),
    ]
    for data, message in cases:
        response = _post(client, path, data)
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _post(client, path, {"current": PASSWORD, "new": NEW_PASSWORD}).status_code == 302
    assert client.get("/staff/").status_code == 200  # this session carries on
    assert other_device.get("/staff/").status_code == 302  # every other one ends


def test_admin_resets_a_password_with_a_temporary_one_shown_once(app: Flask, staff_client) -> None:
    admin, admin_id = _admin(app, staff_client)
    user = make_staff(app, Role.FINANCE)
    person = app.test_client()
    sign_in(person, user.email)
    page = f"/staff/accounts/{user.id}"
    temporary = _temporary_password(_post(admin, page + "/password", form_page=page))
    assert person.get("/staff/").status_code == 302
    assert sign_in(app.test_client(), user.email).status_code == 400  # the old one is gone
    fresh = app.test_client()
    assert sign_in(fresh, user.email, temporary).headers["Location"] == "/staff/"
    assert fresh.get("/staff/").headers["Location"] == "/staff/account/password"
    assert ("password_reset", admin_id) in _events(app, user.id)
