"""Where it is safe to send someone next."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote
from urllib.parse import urlsplit

from flask import current_app
from flask import request


def safe_local_path(target: str | None, default: str) -> str:
    """Only ever redirect to a path on this site, never to another one."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default  # a line break would split the Location header; NUL has no place here
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def public_url(endpoint: str, **values: Any) -> str:
    """An absolute address on this site built from PUBLIC_URL, never from the request's Host.

    Works without a request too (commands that send messages later).
    """
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)


def share_url(path: str = "") -> str:
    """The full public address of a path on this site, for link previews: never the Host."""
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def public_address(path: str = "") -> str:
    """The site's address without "https://", as people would type it: for printed words."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    return base.netloc + base.path.rstrip("/") + path


def this_page() -> str:
    """This page's own address and query, for a form's action: never the #fragment.

    A form without an action posts to the address in the browser bar, #fragment and all (after
    an error link was followed), and the redirect that follows keeps that fragment: the next
    page would open scrolled down to one of its fields.
    """
    path = "/" + quote(request.script_root + request.path).lstrip("/")  # never //host
    query = request.query_string.decode("utf-8", "replace")
    return f"{path}?{query}" if query else path
