"""The database: built by the real migrations, matching the models, tuned, and honest when down."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from sqlalchemy import text

from app.extensions import db
from tests.conftest import build_app


def test_migrations_have_exactly_one_head(app: Flask) -> None:
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads


def test_models_and_migrations_agree(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], differences


def test_sqlite_uses_wal_busy_timeout_full_sync_and_foreign_keys(app: Flask) -> None:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite settings only apply to SQLite")
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_sqlite_transactions_take_the_write_lock_up_front(app: Flask) -> None:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite only")
        statements: list[str] = []
        from sqlalchemy import event

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            with db.engine.begin() as connection:
                connection.execute(text("SELECT 1"))
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        assert statements[0] == "BEGIN IMMEDIATE"


def test_health_check_answers_ok_when_the_database_does(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"


def _unreachable_database(app_url: str, tmp_path) -> str:
    if app_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path}/missing-folder/none.db"
    return "postgresql+psycopg://postgres@127.0.0.1:1/test?connect_timeout=2"


def test_health_check_is_503_when_the_database_is_down(database_url: str, tmp_path) -> None:
    app = build_app(_unreachable_database(database_url, tmp_path))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"


def test_pages_needing_the_database_say_503_not_500_when_it_is_down(
    database_url: str,
    tmp_path,
) -> None:
    app = build_app(_unreachable_database(database_url, tmp_path))
    client = app.test_client()
    client.get("/login")
    with client.session_transaction() as session:
        session.update({"staff_id": 1, "staff_version": 1, "seen": 9_999_999_999})
    response = client.get("/staff/", headers={"Accept-Language": "ar"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "Content-Security-Policy" in response.headers
