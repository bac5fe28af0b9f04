"""When the database drops a connection mid-request (a restart, a failover, an admin).

Connections are checked before use (pool_pre_ping), so one that died while idle in the pool is
replaced silently. One that dies while a request holds it raises; then:
- a read (GET or HEAD) is run once more on a fresh connection: reading twice changes nothing;
- anything else answers 503 with Retry-After (app/core/errors.py). It is never retried here:
  the commit may have reached the database before the connection died, and the form's own
  one-time key makes the person's second press safe instead;
- closing the session at the end of the request must not fail a page already made: the rollback
  on a dead connection raises, and in a teardown that would reach the server as a bare 500.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask import g
from flask import request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db

READS = frozenset({"GET", "HEAD"})


def dropped_connection(error: BaseException) -> bool:
    """A connection the database (or the network) dropped, as opposed to a refused statement."""
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def _retrying(dispatch: Callable[[], Any]) -> Callable[[], Any]:
    def dispatch_request() -> Any:
        try:
            return dispatch()
        except DBAPIError as error:
            if request.method not in READS or not dropped_connection(error) or g.get("retried"):
                raise
            g.retried = True
            try:
                db.session.rollback()  # lets go of the dead connection; the next one is checked
            except SQLAlchemyError:
                raise error from None
            return dispatch()

    return dispatch_request


def _close_session_quietly(_error: BaseException | None = None) -> None:
    """Runs before Flask-SQLAlchemy's own teardown, which then finds nothing left to close."""
    try:
        db.session.remove()
    except SQLAlchemyError:
        try:
            db.session().invalidate()  # the connection is dead: drop it without talking to it
        finally:
            db.session.registry.clear()


def guard_database_drops(app: Flask) -> None:
    # An instance attribute: full_dispatch_request calls self.dispatch_request() for the view
    # alone, after the before-request hooks, so only the view is run again.
    app.dispatch_request = _retrying(app.dispatch_request)
    app.teardown_appcontext(_close_session_quietly)
