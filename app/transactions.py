"""Reading and writing transactions: page views read beside the writer, writes queue for it.

A request whose method only reads (GET, HEAD, OPTIONS) runs its transactions as readers: on
SQLite they begin deferred, so they never wait for the write lock. Everything else (POST, the
commands, tests and services called outside a request) begins as a writer: BEGIN IMMEDIATE on
SQLite, which keeps every money race safe.

Nobody has to remember this: a statement that writes inside a reading transaction raises
WriteInReadTransaction on every database, so a GET that starts writing fails its tests at once.
A page view that must write (marking updates as seen, say) says so with `with writing(): ...`.

Every write is a unit of work: `unit_of_work()`, as a decorator on a service or a `with` block,
commits when the work ends and rolls back when it raises. It is the only place that commits or
rolls back (tests/test_unit_of_work.py keeps it so), so a view or a form never does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from flask import g
from flask import has_app_context
from flask import request
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from app.extensions import db

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "TRUNCATE")
_READING = "withus_reading"
_DEPTH = "withus_unit_depth"


class WriteInReadTransaction(RuntimeError):
    """A statement tried to write inside a transaction begun for reading."""


def _reading_now() -> bool:
    return has_app_context() and bool(g.get(_READING))


def begins_reading(connection: Connection) -> bool:
    """Called as a transaction begins: note, on the connection, whether it only reads."""
    reading = _reading_now()
    connection.info[_READING] = reading
    return reading


def _is_write(statement: str) -> bool:
    return statement.lstrip().upper().startswith(WRITES)


def guard_engine(engine: Engine) -> None:
    """Refuse writes in reading transactions on every backend, not only where it would hurt."""
    if engine.dialect.name != "sqlite":  # SQLite notes the kind in configure_sqlite's BEGIN

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            begins_reading(connection)

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse(connection: Connection, _cursor: Any, statement: str, *_rest: Any) -> None:
        if connection.info.get(_READING) and _is_write(statement):
            raise WriteInReadTransaction(
                "This page view tried to write in a reading transaction; wrap the write in "
                "app.transactions.writing(). Statement: " + statement[:120]
            )


@contextmanager
def unit_of_work() -> Iterator[None]:
    """Commit when the work inside ends, roll back if it raises; a decorator or a `with` block.

    A service that refuses (raises) leaves nothing behind, an idempotency key included, and one
    that returns early having changed nothing commits nothing. A unit begun inside another joins
    it: the outermost one commits or rolls back the lot, so services can call services.
    """
    info = db.session.info
    depth = info.get(_DEPTH, 0)
    info[_DEPTH] = depth + 1
    try:
        yield
        if depth == 0:
            db.session.commit()
    except BaseException:
        if depth == 0:
            db.session.rollback()
        raise
    finally:
        info[_DEPTH] = depth


@contextmanager
def writing() -> Iterator[None]:
    """A unit of work that writes, inside a request that otherwise only reads.

    The reading transaction so far is ended first (it wrote nothing), so the next statement
    begins a writing one: BEGIN IMMEDIATE on SQLite. The work inside is a unit_of_work.
    """
    was_reading = _reading_now()
    if was_reading:
        db.session.commit()
        g.pop(_READING)
    try:
        yield
    finally:
        if was_reading:
            db.session.rollback()  # anything the block left uncommitted is not kept
            g.setdefault(_READING, True)


def init_app(app: Flask) -> None:
    with app.app_context():
        guard_engine(db.engine)

    @app.before_request
    def _choose_kind() -> None:
        if request.method in READ_METHODS:
            g.setdefault(_READING, True)

    @app.teardown_request
    def _end_reading(_error: BaseException | None) -> None:
        if g.pop(_READING, None):
            # A test may share one app context across requests: leave no reading transaction
            # open for whatever it does next. In a server this is the end of the session anyway.
            try:
                db.session.rollback()
            except DBAPIError as error:
                # The database dropped the connection after the page was made: the page stands,
                # and the pool throws the dead connection away.
                if not error.connection_invalidated:
                    raise
