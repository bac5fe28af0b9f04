"""The Atom feed at /updates.atom: valid, one per language, public updates only, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
from flask import Flask
from flask.testing import FlaskClient

from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from tests.feedback.public_helpers import make_update
from tests.feedback.public_helpers import move
from tests.feedback.public_helpers import take_down

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = "The café closes too early for people who work."
PUBLISHED_CY = "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio."
CANT_DO = "Please open on Sundays."


def _feed(client: FlaskClient, query: str = "locale=en"):
    response = client.get(f"/updates.atom?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed, response.data


def _first(raw: bytes, tag: str) -> str:
    """The text of the first entry's element: the feed is our own output, so plain ET is safe."""
    element = ET.fromstring(raw).find(f"{ATOM}entry/{ATOM}{tag}")  # noqa: S314
    assert element is not None
    return element.text or ""


def test_feed_is_valid_atom_of_the_public_updates(client, updates) -> None:
    parsed, _raw = _feed(client)
    assert parsed.version == "atom10"
    assert parsed.feed.language == "en"
    assert parsed.feed.title.startswith("You said, we did")
    assert parsed.feed.link == "http://localhost/updates?locale=en"
    assert [entry.title for entry in parsed.entries] == [CANT_DO, PUBLISHED]
    entry = parsed.entries[1]
    assert entry.id == f"http://localhost/updates/{updates.published}"
    assert entry.link == f"http://localhost/updates/{updates.published}?locale=en"
    assert entry.updated_parsed is not None and entry.published_parsed is not None
    assert "Doing since" in entry.content[0].value
    assert "<strong>asked the volunteers</strong>" in entry.content[0].value


def test_each_language_has_its_own_feed_with_the_same_entry_ids(client, updates) -> None:
    english, _raw = _feed(client, "locale=en")
    welsh, _raw = _feed(client, "locale=cy")
    assert welsh.feed.language == "cy" and welsh.feed.id.endswith("locale=cy")
    assert english.feed.id != welsh.feed.id
    titles = {entry.title: entry for entry in welsh.entries}
    assert set(titles) == {PUBLISHED_CY, CANT_DO}
    assert titles[CANT_DO].title_detail.language == "en"  # not translated: marked English
    assert "Byddwn ar agor" in titles[PUBLISHED_CY].content[0].value
    assert [e.id for e in english.entries] == [e.id for e in welsh.entries]


def test_drafts_and_taken_down_updates_are_not_in_the_feed(app: Flask, client, updates) -> None:
    take_down(app, updates.cant_do)
    parsed, raw = _feed(client)
    assert [entry.title for entry in parsed.entries] == [PUBLISHED]
    assert b"quiet room" not in raw


def test_a_status_change_moves_an_entry_up_and_dates_it(app: Flask, client, updates) -> None:
    move(app, updates.published, UpdateStatus.DONE)
    parsed, raw = _feed(client)
    assert parsed.entries[0].title == PUBLISHED
    assert "Done on" in parsed.entries[0].content[0].value
    updated = _first(raw, "updated")
    assert updated.endswith("Z") and "T" in updated  # RFC 3339 in UTC


def test_an_empty_feed_is_still_valid(client) -> None:
    parsed, _raw = _feed(client, "locale=ar")
    assert parsed.entries == [] and parsed.feed.language == "ar"


def test_hostile_words_are_escaped_in_the_feed(app: Flask, client, ledger) -> None:
    said = '<script>alert("said")</script> & more'
    make_update(
        app,
        said,
        body='<script>alert("body")</script> <b onclick="x()">bold</b>',
        links=[(LinkKind.SESSION, ledger.session)],
    )
    parsed, raw = _feed(client)
    assert parsed.entries[0].title == said  # shown as the words typed
    assert b"<script" not in raw
    html = _first(raw, "content")
    assert "<script" not in html and "<b " not in html  # the HTML inside is clean too
    assert "&lt;script&gt;" in html


def test_feed_links_use_the_public_address_not_the_request_host(app, client, updates) -> None:
    saved = {key: app.config[key] for key in ("PUBLIC_URL", "TRUSTED_HOSTS")}
    app.config.update(PUBLIC_URL="https://withus.example.org", TRUSTED_HOSTS=["localhost"])
    try:
        parsed, _raw = _feed(client)
    finally:
        app.config.update(saved)
    assert parsed.feed.link == "https://withus.example.org/updates?locale=en"
    assert all(e.link.startswith("https://withus.example.org/updates/") for e in parsed.entries)
