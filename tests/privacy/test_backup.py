"""Backups: a consistent copy of the SQLite database taken while another connection writes, that
opens and holds every row; on PostgreSQL the command points to pg_dump instead."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade

from app.extensions import db
from tests.conftest import build_app

BEFORE = 300


def _sqlite_app(tmp_path: Path) -> tuple[Flask, Path]:
    """Its own SQLite database, whatever database the rest of the suite runs on."""
    database = tmp_path / "live.db"
    application = build_app(f"sqlite:///{database}")
    with application.app_context():
        upgrade()
        db.session.remove()
    return application, database


def _add_people(database: Path, names: range, stop: threading.Event | None = None) -> None:
    connection = sqlite3.connect(database, timeout=30)
    try:
        for number in names:
            if stop is not None and stop.is_set():
                return
            connection.execute(
                "INSERT INTO participants (name, preferred_language, contact_ways, hear_back,"
                " access_needs, interpreter_language, access_other, payment_preference,"
                " receives_benefits, benefits, paused, session_version, created_at)"
                " VALUES (?, 'en', '[]', 0, '[]', '', '', 'bank_transfer', 0, '[]', 0, 1,"
                " '2026-12-01 10:00:00')",
                (f"Person {number}",),
            )
            connection.commit()
    finally:
        connection.close()


def test_backup_taken_while_another_connection_writes_opens_and_holds_every_row(
    tmp_path: Path,
) -> None:
    application, database = _sqlite_app(tmp_path)
    _add_people(database, range(BEFORE))
    stop = threading.Event()
    writer = threading.Thread(target=_add_people, args=(database, range(BEFORE, 10**6), stop))
    writer.start()
    try:
        target = tmp_path / "backup.db"
        result = application.test_cli_runner().invoke(args=["withus", "backup", str(target)])
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    restored = sqlite3.connect(target)
    try:
        assert restored.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {row[0] for row in restored.execute("SELECT name FROM participants")}
        version = restored.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        restored.close()
    assert {f"Person {n}" for n in range(BEFORE)} <= names
    # One moment's snapshot: the rows written during the copy are a gapless run, never torn.
    assert names == {f"Person {n}" for n in range(len(names))}
    assert version


def test_backup_never_writes_over_an_existing_file(tmp_path: Path) -> None:
    application, _database = _sqlite_app(tmp_path)
    target = tmp_path / "keep-me.db"
    target.write_bytes(b"yesterday's backup")
    result = application.test_cli_runner().invoke(args=["withus", "backup", str(target)])
    assert result.exit_code != 0 and "already exists" in result.output
    assert target.read_bytes() == b"yesterday's backup"


def test_backup_on_postgresql_shows_the_pg_dump_command_without_the_password() -> None:
    application = build_app("postgresql+psycopg://withus:s3cret@db.example:5433/withus")
    result = application.test_cli_runner().invoke(args=["withus", "backup", "/tmp/x.dump"])  # noqa: S108
    assert result.exit_code != 0
    assert "pg_dump --format=custom --file=/tmp/x.dump" in result.output
    assert "--host=db.example --port=5433 --username=withus withus" in result.output
    assert "s3cret" not in result.output
