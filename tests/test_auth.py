"""Staff sign-in: right and wrong details, rate limits, sessions that really end."""

from __future__ import annotations

import time

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from tests.conftest import PASSWORD
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in


def _session_cookie(client: FlaskClient) -> str | None:
    cookie = client.get_cookie("session")
    return cookie.value if cookie else None


def test_staff_sign_in_shows_their_role(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app, Role.FINANCE)
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"
    page = client.get("/staff/").get_data(as_text=True)
    assert "Finance" in page
    assert user.email in page


def test_wrong_password_is_refused_with_a_plain_message(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app)
    response = sign_in(client, user.email, password="not the password")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The email address or password is not right" in page
    assert 'href="#password"' in page  # the error summary links to the field
    assert user.email in page  # what was typed is kept
    assert "not the password" not in page  # but never the password
    assert client.get("/staff/").status_code == 302


def test_unknown_email_gets_the_same_message_as_a_wrong_password(client: FlaskClient) -> None:
    response = sign_in(client, "nobody@example.org")
    assert response.status_code == 400
    assert "The email address or password is not right" in response.get_data(as_text=True)


def test_empty_sign_in_form_names_each_missing_field(client: FlaskClient) -> None:
    token = csrf_token(client, "/login")
    page = client.post("/login", data={"csrf_token": token}).get_data(as_text=True)
    assert "Enter your email address" in page and "Enter your password" in page
    assert page.index('href="#email"') < page.index('href="#password"')
    assert "<title>Error:" in page


def test_inactive_account_cannot_sign_in(app: Flask, client: FlaskClient) -> None:
    from app.auth.models import StaffUser
    from app.extensions import db

    user = make_staff(app)
    with app.app_context():
        db.session.get(StaffUser, user.id).active = False
        db.session.commit()
    assert sign_in(client, user.email).status_code == 400


def _limit(app: Flask, name: str) -> int:
    return int(app.config[name].split()[0])


def test_failed_sign_ins_are_rate_limited_per_email(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app)
    for n in range(_limit(app, "SIGN_IN_LIMIT")):
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n + 1}"  # even spread over addresses
        assert sign_in(client, user.email, password="wrong").status_code == 400
    client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    blocked = sign_in(client, user.email)  # even the right password waits now
    assert blocked.status_code == 429
    assert "Please wait before trying again" in blocked.get_data(as_text=True)


def test_failed_sign_ins_are_rate_limited_per_address(app: Flask, client: FlaskClient) -> None:
    for n in range(_limit(app, "SIGN_IN_ADDRESS_LIMIT")):
        assert sign_in(client, f"guess{n}@example.org", password="wrong").status_code == 400
    user = make_staff(app)
    assert sign_in(client, user.email).status_code == 429


def test_successful_sign_ins_never_use_up_the_limit(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app)
    for _ in range(_limit(app, "SIGN_IN_LIMIT") + 2):
        assert sign_in(client, user.email).status_code == 302
        client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})


def test_limit_reached_with_a_stale_form_is_still_a_plain_429(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app)
    for _ in range(_limit(app, "SIGN_IN_LIMIT")):
        sign_in(client, user.email, password="wrong")
    response = client.post(
        "/login", data={"email": user.email, "password": "x", "csrf_token": "stale"}
    )
    assert response.status_code == 429


def test_sign_in_skips_a_next_page_the_role_cannot_open(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app, Role.VIEWER)
    response = sign_in(client, user.email, next_path="/staff/accounts")
    assert response.headers["Location"] == "/staff/"


def test_signed_in_staff_see_their_way_back_from_public_pages(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app, Role.FINANCE)
    sign_in(client, user.email)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/staff/">Staff home' in page and "Staff sign in" not in page


def test_session_identifier_changes_at_sign_in(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app)
    client.get("/login")
    with client.session_transaction() as session:
        session["sid"] = "planted-by-someone-else"
    before = _session_cookie(client)
    sign_in(client, user.email)
    with client.session_transaction() as session:
        assert session["sid"] != "planted-by-someone-else"
        assert len(session["sid"]) >= 16
    assert _session_cookie(client) != before


def test_sign_out_ends_the_session_even_for_a_copied_cookie(
    app: Flask, client: FlaskClient
) -> None:
    user = make_staff(app)
    sign_in(client, user.email)
    stolen = _session_cookie(client)
    token = csrf_token(client, "/staff/")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 302

    replay = app.test_client()
    replay.set_cookie("session", stolen)
    response = replay.get("/staff/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_idle_staff_session_times_out(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app)
    sign_in(client, user.email)
    with client.session_transaction() as session:
        session["seen"] = int(time.time() - app.config["STAFF_IDLE_TIMEOUT"].total_seconds() - 5)
    response = client.get("/staff/")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "signed out because the page was not used for a while" in page


def test_sign_in_only_redirects_within_the_site(app: Flask, client: FlaskClient) -> None:
    user = make_staff(app, Role.ADMIN)
    response = sign_in(client, user.email, next_path="https://evil.example/")  # an admin
    assert response.headers["Location"] == "/staff/"
    client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    response = sign_in(client, user.email, next_path="/staff/accounts")
    assert response.headers["Location"] == "/staff/accounts"


def test_signed_out_visitor_is_sent_to_sign_in_and_back(client: FlaskClient) -> None:
    response = client.get("/staff/accounts")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/staff/accounts"


def test_password_is_stored_as_an_argon2_hash(app: Flask) -> None:
    from app.auth.models import StaffUser
    from app.extensions import db

    user = make_staff(app)
    with app.app_context():
        stored = db.session.get(StaffUser, user.id).password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_create_user_command_asks_for_the_password(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["withus", "create-user", "--email", "Sam@Example.org", "--role", "finance"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created finance account for sam@example.org" in result.output
    assert "a long enough password" not in result.output
    client = app.test_client()
    assert sign_in(client, "sam@example.org", "a long enough password").status_code == 302


def test_create_user_command_refuses_a_short_password_and_a_duplicate(app: Flask) -> None:
    runner = app.test_cli_runner()
    short = runner.invoke(
        args=["withus", "create-user", "--email", "a@example.org", "--role", "viewer"],
        input="short\nshort\n",
    )
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    make_staff(app, Role.VIEWER, email="b@example.org")
    again = runner.invoke(
        args=["withus", "create-user", "--email", "b@example.org", "--role", "viewer"],
        input="x" * 12 + "\n" + "x" * 12 + "\n",
    )
    assert again.exit_code != 0 and "already a staff account" in again.output


def test_demo_data_prints_the_sign_ins_it_created(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    assert result.exit_code == 0
    assert "admin@demo.withus.test" in result.output and "demo-admin-password" in result.output
    client = app.test_client()
    assert sign_in(client, "finance@demo.withus.test", "demo-finance-password").status_code == 302
    second = app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    assert "already has data" in second.output


def test_demo_data_includes_an_open_translated_survey_with_responses(app: Flask) -> None:
    from sqlalchemy import func
    from sqlalchemy import select

    from app.extensions import db
    from app.surveys.models import Survey
    from app.surveys.models import SurveyText
    from app.surveys.response_models import Response

    app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    with app.app_context():
        survey = db.session.scalars(select(Survey)).one()
        assert survey.is_accepting()
        kinds = {q.kind for q in survey.questions}
        assert len(kinds) == 8 and any(q.show_if_question_id for q in survey.questions)
        languages = set(db.session.scalars(select(SurveyText.language).distinct()))
        assert languages == {"cy", "pl", "ar", "ur", "bn"}
        count = db.session.scalar(select(func.count()).select_from(Response))
        assert 200 <= count <= 500
    page = app.test_client().get("/", headers={"Accept-Language": "bn"}).get_data(as_text=True)
    assert 'href="/s/cafe" lang="bn"' in page


def test_demo_claims_are_approved_and_paid_by_two_different_people(app: Flask) -> None:
    from sqlalchemy import select

    from app.extensions import db
    from app.ledger.models import Claim
    from app.ledger.models import ClaimEvent
    from app.ledger.models import ClaimStatus

    app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    with app.app_context():
        paid = db.session.scalars(select(Claim).where(Claim.status == ClaimStatus.PAID)).all()
        assert paid
        for claim in paid:
            assert claim.approved_by_id and claim.paid_by_id
            assert claim.approved_by_id != claim.paid_by_id
            actors = {
                event.to_status: event.actor_staff_id
                for event in db.session.scalars(
                    select(ClaimEvent).where(ClaimEvent.claim_id == claim.id)
                )
            }
            assert actors["approved"] != actors["paid"]
