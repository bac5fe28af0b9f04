"""The home page's latest updates and its honest count of things that changed."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app.feedback.models import UpdateStatus
from tests.feedback.public_helpers import make_update
from tests.feedback.public_helpers import move
from tests.feedback.public_helpers import take_down

COUNT = re.compile(r"(\d+) things? changed because of what you told us")


def _home(client: FlaskClient, path: str = "/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True).replace("&#39;", "'")


def _said(page: str) -> list[str]:
    return re.findall(r'class="update-said"><a href="/updates/\d+"[^>]*>([^<]+)</a>', page)


def _count(page: str) -> int | None:
    found = COUNT.search(page)
    return int(found.group(1)) if found else None


def test_home_without_public_updates_has_no_updates_section(app: Flask, client, survey) -> None:
    make_update(app, "Still a draft.", status=UpdateStatus.DONE, publish=False)
    page = _home(client)
    assert "Still a draft." not in page and "See all updates" not in page
    assert _count(page) is None


def test_home_shows_the_three_latest_public_updates(app: Flask, client, updates) -> None:
    for number in range(3):
        make_update(app, f"Idea number {number}.")
    page = _home(client)
    assert _said(page) == ["Idea number 2.", "Idea number 1.", "Idea number 0."]
    assert "Some people would like a quiet room." not in page
    assert '<a class="link-block" href="/updates">See all updates</a>' in page
    assert "Doing since" not in page  # the older ones are on /updates
    move(app, updates.published, UpdateStatus.DONE)  # a change brings it back to the top
    assert _said(_home(client))[0] == "The café closes too early for people who work."


def test_home_count_counts_only_public_updates_that_are_done(app: Flask, client, updates) -> None:
    assert _count(_home(client)) is None  # public updates, but none done yet
    move(app, updates.published, UpdateStatus.DONE)
    assert "1 thing changed because of what you told us" in _home(client)
    move(app, updates.draft, UpdateStatus.DONE)  # done, but not public
    assert _count(_home(client)) == 1
    make_update(app, "Another change.", status=UpdateStatus.DONE)
    assert _count(_home(client)) == 2
    assert _count(_home(client, "/updates")) == 2
    take_down(app, updates.published)
    assert _count(_home(client)) == 1
