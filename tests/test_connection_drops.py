"""When PostgreSQL drops the app's connections (a restart, an admin, a failover), the next
request works or answers 503 with Retry-After: never a 500, and never a doubled save.

These tests really terminate the app's server processes, so they run on PostgreSQL only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token

TERMINATE_OTHERS = (
    "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


@pytest.fixture
def admin_connection(app: Flask, database_url: str) -> Iterator[psycopg.Connection]:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("terminating server connections needs PostgreSQL")
    url = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


def _terminate_all(admin: psycopg.Connection) -> int:
    return sum(1 for (done,) in admin.execute(TERMINATE_OTHERS) if done)


@contextmanager
def _dropped_during(
    app: Flask, admin: psycopg.Connection, when: str, times: int = 1
) -> Iterator[list[str]]:
    """Terminate the app's own connection just before its first `times` statements containing
    `when` run, as if the server went away in the middle of the request."""
    with app.app_context():
        engine = db.engine
    hit: list[str] = []

    def cut(_conn, cursor, statement, *_args) -> None:
        if len(hit) < times and when in statement:
            hit.append(statement)
            admin.execute(
                "SELECT pg_terminate_backend(%s, 5000)", [cursor.connection.info.backend_pid]
            )

    event.listen(engine, "before_cursor_execute", cut)
    try:
        yield hit
    finally:
        event.remove(engine, "before_cursor_execute", cut)


def _working_or_honest(response) -> None:
    assert response.status_code != 500
    if response.status_code == 503:
        assert response.headers["Retry-After"].isdigit()
        assert "Nothing you already sent us has been lost" in response.get_data(as_text=True)
    else:
        assert response.status_code in (200, 302), response.status_code


def test_connections_dropped_between_requests_are_replaced_before_use(
    client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    assert client.get(f"/s/{survey.slug}").status_code == 200
    assert _terminate_all(admin_connection) >= 1  # the app's pooled connection, at least
    response = client.get(f"/s/{survey.slug}")
    assert response.status_code == 200  # checked before use, and replaced


def test_a_read_cut_off_mid_request_is_read_again_on_a_fresh_connection(
    app: Flask, client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    client.get(f"/s/{survey.slug}")
    # The page is shared by now (app/core/shared_pages.py): its one read is the counter's.
    with _dropped_during(app, admin_connection, "FROM shared_page_generation") as hit:
        response = client.get(f"/s/{survey.slug}")
    assert hit, "the connection was cut during the request"
    assert response.status_code == 200  # read once more, on a fresh connection


def test_a_read_cut_off_twice_is_an_honest_503(
    app: Flask, client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    client.get(f"/s/{survey.slug}")
    with _dropped_during(app, admin_connection, "FROM shared_page_generation", times=2) as hit:
        response = client.get(f"/s/{survey.slug}")
    assert len(hit) == 2  # tried once more, and no more than that
    _working_or_honest(response)
    assert response.status_code == 503
    assert client.get(f"/s/{survey.slug}").status_code == 200  # and the site comes back


def test_sending_answers_cut_off_mid_request_is_a_503_and_a_resend_stores_once(
    app: Flask, client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    data = {"csrf_token": token(page)}
    cookie = client.get_cookie("session")
    with _dropped_during(app, admin_connection, "UPDATE responses") as hit:
        first = client.post(f"/s/{survey.slug}/check", data=data)
    assert hit
    assert first.status_code == 503 and first.headers["Retry-After"].isdigit()
    client.set_cookie("session", cookie.value)
    again = client.post(f"/s/{survey.slug}/check", data=data)
    assert again.headers["Location"] == f"/s/{survey.slug}/done"
    with app.app_context():
        rows = db.session.execute(select(Response.status, func.count()).group_by(Response.status))
        assert dict(rows.all()) == {ResponseStatus.SUBMITTED: 1}


def test_a_connection_cut_while_a_write_commits_is_a_503_or_done_never_a_500(
    app: Flask, client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    start(client, survey)
    path = f"/s/{survey.slug}/q/{survey.questions['visited']}"
    page = client.get(path).get_data(as_text=True)
    with _dropped_during(app, admin_connection, "INSERT INTO answers") as hit:
        response = client.post(path, data={"csrf_token": token(page), "answer": "yes"})
    assert hit
    _working_or_honest(response)
    assert client.get(path).status_code == 200


def test_a_connection_cut_after_the_page_is_made_still_sends_the_page(
    app: Flask, client: FlaskClient, survey: MadeSurvey, admin_connection: psycopg.Connection
) -> None:
    from flask import template_rendered

    client.get(f"/s/{survey.slug}")

    def cut(*_args, **_kwargs) -> None:
        _terminate_all(admin_connection)

    with template_rendered.connected_to(cut, app):
        response = client.get(f"/s/{survey.slug}")
    assert response.status_code == 200  # the page was made; closing the dead connection is quiet
    assert client.get(f"/s/{survey.slug}").status_code == 200
