"""What every response carries: security headers, compression and caching."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from flask import Flask
from flask import Response
from flask import request
from flask import url_for

from app.i18n import keep_named_language

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "application/atom+xml",
    "application/json",
    "image/svg+xml",
    "application/javascript",
}
MIN_COMPRESS_BYTES = 300

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


def security_headers(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.is_secure:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if response.mimetype == "text/html" and "Cache-Control" not in headers:
        # Pages can hold personal details or a form token: never keep them in a shared cache.
        headers["Cache-Control"] = "no-store"
    return response


def compress(response: Response) -> Response:
    """Gzip text responses ourselves so a phone on slow data gets the fewest bytes."""
    if (
        "gzip" not in request.headers.get("Accept-Encoding", "").lower()
        or response.mimetype not in COMPRESSIBLE
        or response.status_code < 200
        or response.status_code in (204, 206, 304)
        or "Content-Encoding" in response.headers
        or (response.is_streamed and not response.direct_passthrough)
    ):
        return response
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < MIN_COMPRESS_BYTES:
        return response
    response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    etag, weak = response.get_etag()
    if etag and not weak:
        response.set_etag(etag, weak=True)
    return response


def stylesheet_version(app: Flask) -> str:
    """A short hash of the stylesheet: its URL changes when it does, so it can be cached a year."""
    css = Path(app.static_folder or "static") / "site.css"
    return hashlib.sha256(css.read_bytes()).hexdigest()[:12]


def register_http(app: Flask) -> None:
    version = stylesheet_version(app)
    app.jinja_env.globals["stylesheet_url"] = lambda: url_for(
        "static", filename="site.css", v=version
    )
    app.after_request(keep_named_language)
    app.after_request(compress)
    app.after_request(security_headers)
