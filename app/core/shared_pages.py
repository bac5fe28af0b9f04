"""Public pages drawn once and shared by every visitor who has nothing of their own on them.

The home page, a survey's start page and "You said, we did" look the same to everyone who is
not signed in, has no answers on the go and no message waiting: only the form's CSRF token and
its double-tap key differ. So each web process keeps the page it drew, with those two cut out as
holes, and fills the holes afresh for the next such visitor. Everything else in the request
(session, language cookie, compression, security headers) runs as for any page.

A copy is used only while it is still true:
- the database moves a counter whenever anything a public page shows changes (migration
  0015's triggers), and the copy must have been drawn at the counter's value now: one small
  query a request, so every process sees a staff edit at once;
- a page that depends on the clock (a survey that opens or closes at a set time) lasts until
  that moment at the latest (`lasts_until`), and no copy outlives MAX_AGE_SECONDS;
- anything personal keeps the page out of the store: a session holding more than a CSRF
  token, a view that changed the session, a status other than 200, a cookie set by the view.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from flask import current_app
from flask import g
from flask import request
from flask import session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import text
from werkzeug.wrappers import Response

from app.core.idempotency import new_key
from app.extensions import db
from app.i18n import current_language

MAX_AGE_SECONDS = 60  # the longest a copy is trusted, whatever the counter says
MAX_PAGES = 500  # pages x languages x query strings a process keeps; a few MB at most
CSRF_FIELD = "csrf_token"
# What a visitor with nothing of their own may have in their session.
NOTHING_PERSONAL = frozenset({CSRF_FIELD})
_GENERATION = text("SELECT generation FROM shared_page_generation WHERE name = 'public'")


@dataclass(frozen=True)
class _Page:
    generation: int
    expires: float  # time.time()
    parts: tuple[str, ...]  # the body cut at its holes
    holes: tuple[str, ...]  # what fills each hole: CSRF_FIELD, or "key" for a new form key
    content_type: str


class _Store:
    """The pages one app keeps, oldest dropped first."""

    def __init__(self) -> None:
        self.pages: OrderedDict[tuple[str, ...], _Page] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> _Page | None:
        return self.pages.get(key)

    def put(self, key: tuple[str, ...], page: _Page) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > MAX_PAGES:
                self.pages.popitem(last=False)


def _store() -> _Store:
    return current_app.extensions.setdefault("withus_shared_pages", _Store())


def lasts_until(moment: datetime | None) -> None:
    """Called by a view whose page changes at a set moment (a survey opening, say): no shared
    copy of it outlives that moment."""
    if moment is not None:
        g.shared_until = min(g.get("shared_until", float("inf")), moment.timestamp())


def _nothing_personal() -> bool:
    return (
        request.method in ("GET", "HEAD")
        and current_app.config["SHARED_PAGES"]
        and NOTHING_PERSONAL.issuperset(session.keys())
    )


def _generation() -> int | None:
    return db.session.execute(_GENERATION).scalar()


def _key() -> tuple[str, ...]:
    return (request.endpoint or "", request.full_path, current_language().code)


def _serve(page: _Page) -> Response:
    fills = [generate_csrf() if hole == CSRF_FIELD else new_key() for hole in page.holes]
    body = [page.parts[0]]
    for fill, part in zip(fills, page.parts[1:], strict=True):
        body += [fill, part]
    return current_app.response_class("".join(body), content_type=page.content_type)


def _cut(body: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The body cut at every CSRF token and form key it carries, in order of appearance."""
    marks = {value: "key" for value in g.get("shared_keys", [])}
    if g.get(CSRF_FIELD):
        marks[g.get(CSRF_FIELD)] = CSRF_FIELD
    found = sorted((at, value) for value in marks for at in _positions(body, value))
    parts, holes, start = [], [], 0
    for at, value in found:
        if at < start:
            return None  # overlapping marks: never guess
        parts.append(body[start:at])
        holes.append(marks[value])
        start = at + len(value)
    parts.append(body[start:])
    return tuple(parts), tuple(holes)


def _positions(body: str, value: str) -> list[int]:
    found, at = [], body.find(value)
    while at != -1:
        found.append(at)
        at = body.find(value, at + len(value))
    return found


def _keep(key: tuple[str, ...], generation: int, response: Response) -> None:
    if (
        response.status_code != 200
        or response.is_streamed
        or response.mimetype != "text/html"
        or "Set-Cookie" in response.headers
        or not NOTHING_PERSONAL.issuperset(session.keys())
    ):
        return
    cut = _cut(response.get_data(as_text=True))
    if cut is None:
        return
    expires = min(time.time() + MAX_AGE_SECONDS, g.get("shared_until", float("inf")))
    page = _Page(generation, expires, cut[0], cut[1], response.content_type or "text/html")
    _store().put(key, page)


def shared(view: Callable[..., Any]) -> Callable[..., Any]:
    """Serve the view's page from the shared copy when the visitor has nothing of their own."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not _nothing_personal():
            return view(*args, **kwargs)
        generation = _generation()
        if generation is None:
            return view(*args, **kwargs)
        key = _key()
        page = _store().get(key)
        if page is not None and page.generation == generation and page.expires > time.time():
            return _serve(page)
        g.shared_keys = []
        response = current_app.make_response(view(*args, **kwargs))
        _keep(key, generation, response)
        return response

    return wrapper
