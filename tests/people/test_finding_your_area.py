"""A participant finds their own area from any page: the header and the home page lead there."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from app.auth.models import Role


def _header(page: str) -> str:
    found = re.search(r'<header class="site-header">(.*?)</header>', page, re.S)
    assert found, "no site header"
    return found.group(1)


def test_someone_not_signed_in_is_offered_their_area_in_the_header_and_on_the_home_page(
    client: FlaskClient, survey
) -> None:
    for path in ("/", "/updates", f"/s/{survey.slug}", "/resume"):
        header = _header(client.get(path).get_data(as_text=True))
        assert '<a href="/me/sign-in">Sign in to your area</a>' in header, path
    home = client.get("/").get_data(as_text=True)
    assert home.count('href="/me/sign-in"') == 2  # the header and the home page's own words
    assert client.get("/me/sign-in").status_code == 200


def test_a_signed_in_participant_goes_straight_to_their_area(participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    page = client.get("/").get_data(as_text=True)
    assert '<a href="/me">Your area</a>' in _header(page)
    assert "/me/sign-in" not in page and "Go to your area" in page


def test_staff_are_not_offered_a_participants_sign_in(staff_client) -> None:
    client = staff_client(Role.VIEWER)
    assert "/me/sign-in" not in _header(client.get("/").get_data(as_text=True))
