"""Absolute links come from WITHUS_PUBLIC_URL: a forged Host or X-Forwarded-Host changes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask

from app.auth.models import Role
from app.config import ConfigError
from app.config import load_config
from tests.conftest import build_app
from tests.conftest import csrf_token
from tests.people.helpers import ask_for_code

AMA = "ama@example.org"
PUBLIC = "https://withus.example.org"


@pytest.fixture
def public_site(app: Flask) -> Iterator[None]:
    """The site's public address differs from the Host the proxy passes on (here "localhost")."""
    saved = {key: app.config[key] for key in ("PUBLIC_URL", "TRUSTED_HOSTS")}
    app.config.update(PUBLIC_URL=PUBLIC, TRUSTED_HOSTS=["withus.example.org", "localhost"])
    yield
    app.config.update(saved)


def test_a_forged_host_header_is_refused_and_mails_nothing(app: Flask, mailbox, ledger) -> None:
    client = app.test_client()
    token = csrf_token(client, "/me/sign-in/by-email")
    response = client.post(
        "/me/sign-in/by-email",
        data={"email": AMA, "csrf_token": token},
        headers={"Host": "attacker.example"},
    )
    assert response.status_code == 400
    assert mailbox.to(AMA) == []
    assert client.get("/updates.atom", headers={"Host": "attacker.example"}).status_code == 400


def test_the_emailed_link_points_at_the_public_address_not_the_request_host(
    app: Flask, mailbox, ledger, public_site
) -> None:
    ask_for_code(app.test_client(), AMA)
    body = mailbox.body(mailbox.to(AMA)[-1])
    links = re.findall(r"https?://\S+", body)
    assert links and all(link.startswith(f"{PUBLIC}/me/sign-in/email") for link in links)


def test_a_forwarded_host_the_client_sent_is_ignored_behind_a_proxy(
    app: Flask, database_url: str, mailbox, ledger
) -> None:
    mail = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")}
    proxied = build_app(database_url, PROXY_COUNT=1, **mail)
    client = proxied.test_client()
    token = csrf_token(client, "/me/sign-in/by-email")
    forged = {"X-Forwarded-Host": "attacker.example", "X-Forwarded-Proto": "http"}
    response = client.post(
        "/me/sign-in/by-email", data={"email": AMA, "csrf_token": token}, headers=forged
    )
    assert response.status_code == 302
    body = mailbox.body(mailbox.to(AMA)[-1])
    assert "attacker.example" not in body
    assert "http://localhost/me/sign-in/email" in body


def test_the_printed_card_shows_the_public_address(
    app: Flask, staff_client, ledger, public_site
) -> None:
    staff = staff_client(Role.COORDINATOR)
    path = f"/staff/people/{ledger.participant}"
    page = staff.post(f"{path}/card", data={"csrf_token": csrf_token(staff, path)})
    assert page.status_code == 200
    assert f"{PUBLIC}/me/sign-in" in page.get_data(as_text=True)


def test_production_will_not_start_without_a_sound_public_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.delenv("WITHUS_PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="WITHUS_PUBLIC_URL is not set"):
        load_config("production")
    for bad in ("withus.example.org", "ftp://withus.example.org", "https://x.org/?next=y"):
        monkeypatch.setenv("WITHUS_PUBLIC_URL", bad)
        with pytest.raises(ConfigError, match="WITHUS_PUBLIC_URL must look like"):
            load_config("production")
    monkeypatch.setenv("WITHUS_PUBLIC_URL", f"{PUBLIC}/")
    config = load_config("production")
    assert config.PUBLIC_URL == PUBLIC and config.TRUSTED_HOSTS == ["withus.example.org"]
