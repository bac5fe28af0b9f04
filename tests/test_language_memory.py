"""The site stays in the language a person arrived in, or the one they told us they prefer."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient


def test_a_link_that_names_a_language_keeps_the_site_in_it(client: FlaskClient) -> None:
    first = client.get("/resume?locale=cy", headers={"Accept-Language": "en"})
    assert '<html lang="cy" dir="ltr">' in first.get_data(as_text=True)
    assert client.get_cookie("lang").value == "cy"
    after = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="cy" dir="ltr">' in after


def test_a_language_the_site_does_not_speak_changes_nothing(client: FlaskClient) -> None:
    page = client.get("/?locale=xx", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert client.get_cookie("lang") is None


def test_a_signed_in_participant_sees_their_own_language_until_they_choose_another(
    app: Flask, ledger, participant_client
) -> None:
    ama = participant_client(ledger.participant, language=None)  # she prefers Welsh
    page = ama.get("/me", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="cy" dir="ltr">' in page
    ama.set_cookie("lang", "pl")
    page = ama.get("/me", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="pl" dir="ltr">' in page
