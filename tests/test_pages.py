"""Home, language choice and error pages: plain, translated, right-to-left where needed."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from app.auth.guard import public
from tests.conftest import build_app
from tests.conftest import csrf_token


def test_home_page_is_plain_and_invites_people_in(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Have your say</h1>" in page
    assert 'href="#main-content"' in page and 'id="main-content"' in page
    assert "<script" not in page


@pytest.mark.parametrize(
    ("header", "lang", "direction"),
    [
        ("cy,en;q=0.5", "cy", "ltr"),
        ("ar", "ar", "rtl"),
        ("ur-PK", "ur", "rtl"),
        ("bn-BD,bn;q=0.9", "bn", "ltr"),
        ("pl", "pl", "ltr"),
        ("fr,de", "en", "ltr"),
    ],
)
def test_first_visit_follows_the_browser_language(
    client: FlaskClient, header: str, lang: str, direction: str
) -> None:
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in page


def test_choosing_a_language_sticks_and_returns_to_the_page(client: FlaskClient) -> None:
    token = csrf_token(client, "/language?next=/login")
    response = client.post(
        "/language", data={"language": "ar", "next": "/login", "csrf_token": token}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    cookie = client.get_cookie("lang")
    assert cookie.value == "ar" and cookie.http_only
    page = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "Staff sign in" not in page  # the page really is in Arabic


def test_language_page_works_as_a_plain_form(client: FlaskClient) -> None:
    page = client.get("/language").get_data(as_text=True)
    assert '<form method="post"' in page
    for code, name in [
        ("en", "English"),
        ("cy", "Cymraeg"),
        ("pl", "Polski"),
        ("ar", "العربية"),
        ("ur", "اردو"),
        ("bn", "বাংলা"),
    ]:
        assert f'lang="{code}">{name}</label>' in page


def test_language_form_refuses_an_unknown_language(client: FlaskClient) -> None:
    token = csrf_token(client, "/language")
    response = client.post("/language", data={"language": "xx", "csrf_token": token})
    assert response.status_code == 400
    assert client.get_cookie("lang") is None
    assert 'href="#language-0"' in response.get_data(as_text=True)


def test_language_form_never_sends_people_off_the_site(client: FlaskClient) -> None:
    token = csrf_token(client, "/language")
    response = client.post(
        "/language", data={"language": "cy", "next": "//evil.example/", "csrf_token": token}
    )
    assert response.headers["Location"] == "/"


def test_unknown_page_is_a_translated_404(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers={"Accept-Language": "cy"})
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert '<html lang="cy"' in page and "Page not found" not in page


def test_unexpected_error_is_a_plain_500_page(database_url: str) -> None:
    app = build_app(database_url, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    @public
    def boom() -> str:
        raise RuntimeError("internal detail 7731")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Sorry, something went wrong on our side" in page
    assert "internal detail 7731" not in page
    assert "Content-Security-Policy" in response.headers


def test_csrf_failure_shows_the_form_again_with_what_was_typed(client: FlaskClient) -> None:
    response = client.post(
        "/login", data={"email": "slow@example.org", "password": "x", "csrf_token": "stale"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="slow@example.org"' in page
    assert "press the button again" in page
    assert 'href="#main-content"' in page
