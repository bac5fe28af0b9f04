"""Two-step sign-in: real authenticator-app codes (RFC 6238), recovery codes, set-up first."""

from __future__ import annotations

import base64
import re
import time

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth import services
from app.auth import totp
from app.auth.models import RecoveryCode
from app.auth.models import Role
from app.auth.models import StaffUser
from app.extensions import db
from tests.conftest import PASSWORD
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.staff_helpers import enrol_two_step
from tests.staff_helpers import next_code


def _password_only(client: FlaskClient, email: str, next_path: str = ""):
    token = csrf_token(client, "/login")
    url = "/login" + (f"?next={next_path}" if next_path else "")
    return client.post(url, data={"email": email, "password": PASSWORD, "csrf_token": token})


def _send_code(client: FlaskClient, path: str, code: str):
    return client.post(path, data={"code": code, "csrf_token": csrf_token(client, path)})


def _new_admin_without_two_step(app: Flask, email: str = "new-admin@example.org") -> int:
    with app.app_context():
        return services.create_staff_user(email, "New Admin", Role.ADMIN, PASSWORD).id


def _key_on_page(html: str) -> str:
    match = re.search(r'<span class="code code-wraps" dir="ltr">([A-Z2-7 ]+)</span>', html)
    assert match, "the set-up key is not shown as text"
    return match.group(1).replace(" ", "")


def test_codes_match_the_rfc_6238_test_vectors() -> None:
    secret = base64.b32encode(b"12345678901234567890").decode()
    # RFC 6238 appendix B (SHA-1), last six of the eight digits.
    for seconds, expected in [(59, "287082"), (1111111109, "081804"), (2000000000, "279037")]:
        assert totp.code_at(secret, totp.current_step(seconds)) == expected
        assert totp.matching_step(secret, expected, now=seconds + 30) is not None  # one step late
        assert totp.matching_step(secret, expected, now=seconds + 90) is None  # too late


def test_admin_without_two_step_must_set_it_up_before_anything_else(
    app: Flask, client: FlaskClient
) -> None:
    user_id = _new_admin_without_two_step(app)
    response = _password_only(client, "new-admin@example.org", next_path="/staff/accounts")
    assert response.headers["Location"] == "/login/two-step/set-up"
    for path in ("/staff/", "/staff/accounts", "/staff/people/"):
        assert client.get(path).headers["Location"].startswith("/login")  # not signed in yet
    page = client.get("/login/two-step/set-up")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    assert "<svg" in html and "<script" not in html
    secret = _key_on_page(html)
    assert _send_code(client, "/login/two-step/set-up", "000000").status_code == 400
    done = _send_code(client, "/login/two-step/set-up", totp.code_at(secret, totp.current_step()))
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    codes = re.findall(r'<li class="code" dir="ltr">([a-z0-9-]+)</li>', done.get_data(as_text=True))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert 'href="/staff/accounts"' in done.get_data(as_text=True)  # where they were going
    assert client.get("/staff/accounts").status_code == 200
    with app.app_context():
        stored = list(db.session.scalars(select(RecoveryCode.code_hash)))
        assert db.session.get(StaffUser, user_id).totp_secret == secret
    assert len(stored) == 10 and not set(codes) & set(stored)  # kept hashed only


def test_password_alone_does_not_sign_in_an_account_with_two_step(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app, Role.FINANCE)
    response = _password_only(client, user.email)
    assert response.headers["Location"] == "/login/two-step"
    assert client.get("/staff/").status_code == 302
    assert _send_code(client, "/login/two-step", "123456").status_code == 400
    response = _send_code(client, "/login/two-step", next_code(app, user.id))
    assert response.headers["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_a_code_cannot_be_used_twice_in_its_window(app: Flask) -> None:
    user = make_staff(app, Role.ADMIN)
    code = next_code(app, user.id)
    first, second = app.test_client(), app.test_client()
    _password_only(first, user.email)
    _password_only(second, user.email)  # someone who saw the password and the code
    assert _send_code(first, "/login/two-step", code).status_code == 302
    refused = _send_code(second, "/login/two-step", code)
    assert refused.status_code == 400
    assert "not right, or was used already" in refused.get_data(as_text=True)


def test_wrong_codes_are_rate_limited_per_account(app: Flask) -> None:
    user = make_staff(app, Role.ADMIN)
    limit = int(app.config["TWO_STEP_LIMIT"].split()[0])
    for n in range(limit):
        guesser = app.test_client()  # a fresh session each time gains nothing
        guesser.environ_base["REMOTE_ADDR"] = f"203.0.113.{n + 1}"
        _password_only(guesser, user.email)
        assert _send_code(guesser, "/login/two-step", "000000").status_code == 400
    _password_only(guesser, user.email)
    assert _send_code(guesser, "/login/two-step", next_code(app, user.id)).status_code == 429


def test_recovery_code_works_once(app: Flask, client: FlaskClient) -> None:
    user_id = _new_admin_without_two_step(app)
    _password_only(client, "new-admin@example.org")
    secret = _key_on_page(client.get("/login/two-step/set-up").get_data(as_text=True))
    done = _send_code(client, "/login/two-step/set-up", totp.code_at(secret, totp.current_step()))
    code = re.findall(r'<li class="code" dir="ltr">([a-z0-9-]+)</li>', done.get_data(as_text=True))[
        0
    ]
    client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    _password_only(client, "new-admin@example.org")
    assert _send_code(client, "/login/two-step", code.upper()).status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    _password_only(client, "new-admin@example.org")
    assert _send_code(client, "/login/two-step", code).status_code == 400
    with app.app_context():
        assert db.session.get(StaffUser, user_id).totp_secret == secret


def test_coordinator_may_opt_in_and_is_then_asked_for_a_code(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app, Role.COORDINATOR)
    assert _password_only(client, user.email).headers["Location"] == "/staff/"  # not needed
    html = client.get("/staff/account/two-step").get_data(as_text=True)
    secret = _key_on_page(html)
    done = _send_code(client, "/staff/account/two-step", totp.code_at(secret, totp.current_step()))
    assert "Your recovery codes" in done.get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    assert _password_only(client, user.email).headers["Location"] == "/login/two-step"


def test_second_step_must_follow_the_password_within_ten_minutes(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app, Role.ADMIN)
    _password_only(client, user.email)
    token = csrf_token(client, "/login/two-step")
    with client.session_transaction() as session:
        session["pending_at"] = int(time.time()) - 11 * 60
    code = next_code(app, user.id)
    response = client.post("/login/two-step", data={"code": code, "csrf_token": token})
    assert response.headers["Location"] == "/login"
    assert client.get("/staff/").status_code == 302


def test_made_finance_means_setting_up_two_step_at_next_sign_in(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app, Role.VIEWER)
    _password_only(client, user.email)
    with app.app_context():
        db.session.get(StaffUser, user.id).role = Role.FINANCE
        db.session.commit()
    assert client.get("/staff/").status_code == 302  # this session no longer counts
    assert _password_only(client, user.email).headers["Location"] == "/login/two-step/set-up"


def test_admin_can_turn_off_two_step_for_a_lost_phone(app: Flask, staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    other = make_staff(app, Role.FINANCE)
    enrol_two_step(app, other.id)
    path = f"/staff/accounts/{other.id}/two-step-off"
    token = csrf_token(admin, f"/staff/accounts/{other.id}")
    assert admin.post(path, data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert db.session.get(StaffUser, other.id).totp_secret is None
    person = app.test_client()
    assert _password_only(person, other.email).headers["Location"] == "/login/two-step/set-up"


def test_one_code_sent_twice_at_the_same_moment_signs_in_once(app: Flask) -> None:
    import threading

    user = make_staff(app, Role.FINANCE)
    clients = [app.test_client() for _ in range(4)]
    tokens = []
    for each in clients:
        _password_only(each, user.email)
        tokens.append(csrf_token(each, "/login/two-step"))
    code = next_code(app, user.id)
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def press(each: FlaskClient, token: str) -> None:
        start.wait()
        response = each.post("/login/two-step", data={"code": code, "csrf_token": token})
        statuses.append(response.status_code)

    threads = [
        threading.Thread(target=press, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [302, 400, 400, 400]
