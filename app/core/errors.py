"""Plain, translated error pages in the site's layout, for every failure a person can meet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask import current_app
from flask import g
from flask import render_template
from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import SecurityError
from werkzeug.wrappers import Response

from app.core.dropped import guard_database_drops
from app.extensions import db

RETRY_AFTER_SECONDS = 30

MESSAGES: dict[int, tuple[Any, Any]] = {
    400: (
        _l("Something was wrong with that request"),
        _l("Go back, check what you entered and try again."),
    ),
    403: (
        _l("You cannot see this page"),
        _l("Your account does not allow this. Ask an admin if you think you need it."),
    ),
    404: (
        _l("Page not found"),
        _l("Check the address is typed correctly. If you followed a link, it may be old."),
    ),
    405: (
        _l("Something was wrong with that request"),
        _l("Go back, check what you entered and try again."),
    ),
    413: (_l("That was too big to send"), _l("Go back and send something smaller.")),
    429: (
        _l("Please wait before trying again"),
        _l("There have been too many tries. Wait 15 minutes, then try again."),
    ),
    500: (
        _l("Sorry, something went wrong on our side"),
        _l("Your last action may not have been saved. Please try again in a few minutes."),
    ),
    503: (
        _l("Sorry, the site is not working right now"),
        _l("Nothing you already sent us has been lost. Please try again in a few minutes."),
    ),
}


def reshow_on_csrf_failure(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view whose form can be shown again, answers kept, when its token fails.

    Only for views that change nothing unless their form validates: the form's own token check
    fails too, so running the view again just re-renders what the person typed with a message.
    """
    view.reshow_on_csrf = True
    return view


def who_for_layout(key: str, load: Callable[[], Any], nobody: bool = False) -> Any:
    """Who to show as signed in on any page (`g.<key>`, loaded by `load` once): never lets a
    database failure break an error page. `nobody` says at once that no one is signed in."""
    if key in g or g.get("database_unavailable") or nobody:
        return g.get(key)
    try:
        return load()
    except SQLAlchemyError:
        db.session.rollback()
        setattr(g, key, None)
        return None


def error_page(code: int) -> tuple[str, int]:
    title, body = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", title=title, body=body, code=code), code


def _http_error(error: HTTPException) -> Any:
    code = error.code or 500
    if code < 400:
        return error
    return error_page(code if code in MESSAGES else 400)


def _csrf_error(_error: CSRFError) -> Any:
    view = current_app.view_functions.get(request.endpoint or "")
    if view is not None and getattr(view, "reshow_on_csrf", False):
        try:
            result = view(**(request.view_args or {}))
        except HTTPException as refusal:  # e.g. the rate limit, checked inside the view
            if refusal.code is not None:
                return _http_error(refusal)
            result = None  # the view wanted to send the person elsewhere: explain instead
        if result is not None:
            body = result[0] if isinstance(result, tuple) else result
            return body, 400
    title = _l("This page had expired")
    body = _l(
        "This page was open for a long time, or was sent from somewhere else. "
        "Go back, check what you entered and press the button again."
    )
    return render_template("errors/error.html", title=title, body=body, code=400), 400


def _database_unavailable(_error: Exception) -> Any:
    g.database_unavailable = True
    db.session.remove()
    response = current_app.make_response(error_page(503))
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _bad_data(_error: Exception) -> Any:
    """Input the database itself refuses (a NUL byte on PostgreSQL, say) is the sender's mistake."""
    db.session.rollback()
    return error_page(400)


def _unexpected(error: Exception) -> Any:
    original = getattr(error, "original_exception", None) or error
    if isinstance(original, OperationalError | DBAPIError) and _connection_failure(original):
        return _database_unavailable(original)
    current_app.logger.exception("Unhandled error", exc_info=original)
    db.session.remove()
    return error_page(500)


def _untrusted_host(_error: SecurityError) -> Any:
    """A Host header this site does not answer to: no address can be built, so plain words."""
    title, body = MESSAGES[400]
    return Response(f"{title}\n\n{body}\n", 400, mimetype="text/plain")


def _connection_failure(error: DBAPIError) -> bool:
    return bool(error.connection_invalidated) or isinstance(error, OperationalError)


def register_error_pages(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(SecurityError, _untrusted_host)
    app.register_error_handler(InternalServerError, _unexpected)
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(DataError, _bad_data)
    guard_database_drops(app)
