"""Links shared on WhatsApp, Facebook or in a text show what the page is and who asks; search
engines are kept out of staff and personal pages (issue 11, sharing the link)."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from tests.conftest import MadeSurvey


def _meta(page: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', page)
    return dict(found)


def test_a_survey_link_preview_says_what_it_is_and_who_asks(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    meta = _meta(client.get(f"/s/{survey.slug}").get_data(as_text=True))
    assert meta["og:title"] == "Our drop-in café: what should change?"
    assert meta["og:description"].startswith("Asked by ")
    assert meta["description"] == meta["og:description"]
    assert meta["og:url"] == app.config["PUBLIC_URL"].rstrip("/") + f"/s/{survey.slug}"


def test_public_pages_have_a_description_and_staff_pages_none(
    client: FlaskClient, staff_client, updates
) -> None:
    for path in ("/", "/updates", f"/updates/{updates.published}"):
        meta = _meta(client.get(path).get_data(as_text=True))
        assert meta.get("description") and meta.get("og:title"), path
    staff = staff_client(Role.COORDINATOR)
    assert "og:title" not in _meta(staff.get("/staff/").get_data(as_text=True))


def test_robots_keeps_staff_and_personal_pages_out_of_search(app: Flask) -> None:
    response = app.test_client().get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    rules = response.get_data(as_text=True).splitlines()
    for private in ("Disallow: /staff/", "Disallow: /me", "Disallow: /login"):
        assert private in rules
    assert "Disallow: /" not in rules and "Disallow: /s/" not in rules
