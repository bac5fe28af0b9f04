"""Hole 11: wrong passwords slow an attacker down but never lock the real person out."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in

ATTACKER = "203.0.113.66"


def _limit(app: Flask, name: str) -> int:
    return int(app.config[name].split()[0])


def _from(client: FlaskClient, address: str) -> FlaskClient:
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _sign_out(client: FlaskClient) -> None:
    client.post("/logout", data={"csrf_token": csrf_token(client, "/staff/")})


def test_attacker_on_one_address_cannot_stop_the_real_person_on_another(app: Flask) -> None:
    user = make_staff(app, Role.COORDINATOR)
    attacker = _from(app.test_client(), ATTACKER)
    statuses = [
        sign_in(attacker, user.email, password="guess").status_code
        for _ in range(_limit(app, "SIGN_IN_LIMIT") * 2)
    ]
    pair = _limit(app, "SIGN_IN_PAIR_LIMIT")
    assert statuses[:pair] == [400] * pair
    assert set(statuses[pair:]) == {429}  # the attacker is throttled ...
    assert sign_in(attacker, user.email).status_code == 429  # ... even with the right password
    person = _from(app.test_client(), "198.51.100.7")  # ... but not the real person, elsewhere
    assert sign_in(person, user.email).status_code == 302


def test_known_device_gets_in_while_many_addresses_guess(app: Flask) -> None:
    user = make_staff(app, Role.COORDINATOR)
    laptop = _from(app.test_client(), "198.51.100.7")
    assert sign_in(laptop, user.email).status_code == 302  # this browser is now known
    _sign_out(laptop)
    for n in range(_limit(app, "SIGN_IN_LIMIT")):  # a botnet: each address stays under its limit
        sign_in(_from(app.test_client(), f"203.0.113.{n + 1}"), user.email, password="guess")
    stranger = _from(app.test_client(), "192.0.2.50")
    assert sign_in(stranger, user.email).status_code == 429  # the account is still protected
    laptop.environ_base["REMOTE_ADDR"] = "192.0.2.99"  # even on the café's Wi-Fi
    assert sign_in(laptop, user.email).status_code == 302


def test_known_device_is_throttled_on_its_own(app: Flask) -> None:
    user = make_staff(app, Role.COORDINATOR)
    laptop = _from(app.test_client(), "198.51.100.7")
    sign_in(laptop, user.email)
    _sign_out(laptop)
    for _ in range(_limit(app, "SIGN_IN_DEVICE_LIMIT")):
        assert sign_in(laptop, user.email, password="guess").status_code == 400
    assert sign_in(laptop, user.email, password="guess").status_code == 429


def test_a_known_device_cookie_for_one_person_does_not_help_guess_another(app: Flask) -> None:
    mine = make_staff(app, Role.COORDINATOR)
    theirs = make_staff(app, Role.VIEWER)
    browser = _from(app.test_client(), ATTACKER)
    sign_in(browser, mine.email)
    _sign_out(browser)
    for _ in range(_limit(app, "SIGN_IN_PAIR_LIMIT")):
        assert sign_in(browser, theirs.email, password="guess").status_code == 400
    assert sign_in(browser, theirs.email, password="guess").status_code == 429


def test_limits_count_every_spelling_of_an_email_as_one(app: Flask) -> None:
    user = make_staff(app, Role.COORDINATOR, email="sam@example.org")
    attacker = _from(app.test_client(), ATTACKER)
    spellings = ["sam@example.org", "SAM@example.org", " sam@example.org", "sam@example.org\x07"]
    spellings += ["sam@example.org\u200b", "Sam@Example.Org\t"]
    statuses = [sign_in(attacker, s, password="guess").status_code for s in spellings]
    assert statuses[-1] == 429, statuses
    assert sign_in(attacker, user.email).status_code == 429
