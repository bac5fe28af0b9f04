"""Headers, cookies and start-up checks that keep people safe on every response."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from app.auth.models import Role
from app.config import ConfigError
from app.config import load_config
from tests.conftest import build_app
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in


@pytest.mark.parametrize(
    "path", ["/", "/login", "/language", "/no-such-page", "/healthz", "/static/site.css"]
)
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    response.close()
    headers = response.headers
    policy = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy and "script-src" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # plain HTTP here


def test_https_site_gets_hsts_and_host_prefixed_secure_cookies(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WITHUS_HTTPS", "1")
    from app import config

    monkeypatch.setattr(config.Config, "HTTPS", True)
    app = build_app(database_url, PUBLIC_URL="https://withus.example")
    client = app.test_client()
    response = client.get("/login", base_url="https://withus.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-session=")
    for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert flag in cookie
    assert "Domain=" not in cookie


def test_session_cookie_is_http_only_and_same_site(client: FlaskClient) -> None:
    cookie = client.get("/login").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_to_start_without_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        load_config("production")
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("WITHUS_PUBLIC_URL", "https://withus.example")
    assert load_config("production").SECRET_KEY == "k" * 40


def test_development_makes_its_own_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert len(load_config("development").SECRET_KEY) >= 40


def test_staff_pages_are_never_cached(app, client: FlaskClient) -> None:
    user = make_staff(app, Role.ADMIN)
    sign_in(client, user.email)
    assert client.get("/staff/").headers["Cache-Control"] == "no-store"


def test_hostile_input_on_sign_in_is_refused_plainly(client: FlaskClient) -> None:
    token = csrf_token(client, "/login")
    response = client.post(
        "/login",
        data={
            "email": "<script>alert(1)</script>\x00\u202e@example.org" + "x" * 5000,
            "password": "\x00" * 2000,
            "csrf_token": token,
        },
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<script>alert(1)" not in page


def test_form_token_lasts_as_long_as_the_session(app) -> None:
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None


def test_rate_limits_use_the_configured_store(app) -> None:
    from app.extensions import limiter

    uri = app.config["RATELIMIT_STORAGE_URI"]
    storage = type(limiter._storage).__name__  # noqa: SLF001
    assert storage == ("RedisStorage" if uri.startswith("redis") else "MemoryStorage"), storage


def test_real_sites_hash_passwords_at_full_strength(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    for name in ("production", "development"):
        assert not getattr(load_config(name), "QUICK_PASSWORD_HASHES", False)
    from app.auth.services import _STRONG

    assert _STRONG.memory_cost >= 19456 and _STRONG.time_cost >= 2  # OWASP ASVS argon2id
