"""Stopping messages from the link in one, without signing in; and a mail app's one-click."""

from __future__ import annotations

import io
import time
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner
from itsdangerous import URLSafeSerializer
from itsdangerous import URLSafeTimedSerializer

from app.extensions import db
from app.feedback import services
from app.feedback.models import UpdateStatus
from app.feedback.update_messages import UNSUBSCRIBE_SALT
from app.outbox.sender import Outcome
from app.people.models import Participant
from tests.conftest import csrf_token
from tests.people.conftest import Mailbox

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


@pytest.fixture
def link(updates, outbox_rows) -> str:
    """The unsubscribe address in Ama's queued message, as a path on this site."""
    url = urlsplit(outbox_rows()[0].unsubscribe_url)
    return f"{url.path}?{url.query}"


def _hears_back(app: Flask, participant_id: int) -> bool:
    with app.app_context():
        return db.session.get(Participant, participant_id).hear_back


def test_the_page_opens_without_signing_in_in_their_language_and_names_nobody(
    client: FlaskClient, link: str
) -> None:
    assert link.endswith("?locale=cy")
    response = client.get(link)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="cy"' in page
    assert "Ama" not in page and "ama@example.org" not in page
    assert "Atal y negeseuon hyn" in page  # "Stop these messages", in Welsh
    assert f'action="{link}"' in page.replace("&amp;", "&")


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        URLSafeSerializer("another site's key", salt=UNSUBSCRIBE_SALT).dumps(1),
        URLSafeSerializer("testing-only-key-" + "x" * 32, salt="another-salt").dumps(1),
        "x" * 500,
    ],
    ids=["nonsense", "other-key", "other-salt", "too-long"],
)
def test_a_link_we_did_not_make_is_not_found(updates, client: FlaskClient, token: str) -> None:
    assert client.get(f"/unsubscribe/{token}").status_code == 404
    assert client.post(f"/unsubscribe/{token}/one-click", data=ONE_CLICK).status_code == 404


def test_a_link_for_someone_no_longer_here_is_not_found(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        token = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT).dumps(999)
    assert client.get(f"/unsubscribe/{token}").status_code == 404
    assert client.post(f"/unsubscribe/{token}/one-click", data=ONE_CLICK).status_code == 404


def _token_made_days_ago(app: Flask, participant_id: int, days: int) -> str:
    class Back(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - days * 24 * 60 * 60

    key = app.config["SECRET_KEY"]
    return URLSafeTimedSerializer(key, salt=UNSUBSCRIBE_SALT, signer=Back).dumps(participant_id)


def test_a_link_works_for_90_days_then_says_how_else_to_stop(
    app: Flask, client: FlaskClient, updates, ledger
) -> None:
    recent = _token_made_days_ago(app, ledger.participant, 89)
    assert client.get(f"/unsubscribe/{recent}").status_code == 200
    old = _token_made_days_ago(app, ledger.participant, 91)
    undated = URLSafeSerializer(app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)
    for token in (old, undated.dumps(ledger.participant)):  # links from before they had dates
        response = client.get(f"/unsubscribe/{token}?locale=en")
        page = response.get_data(as_text=True)
        assert response.status_code == 410 and "This link is too old" in page
        assert 'href="/me/preferences?locale=en"' in page  # another way to stop them
        form_token = csrf_token(client, f"/unsubscribe/{recent}")
        pressed = client.post(f"/unsubscribe/{token}", data={"csrf_token": form_token})
        assert pressed.status_code == 410
        one_click = client.post(f"/unsubscribe/{token}/one-click", data=ONE_CLICK)
        assert one_click.status_code == 410
    assert _hears_back(app, ledger.participant)  # nothing an old link does changes anything


def test_pressing_the_button_stops_later_messages(
    app: Flask, client: FlaskClient, updates, ledger, link: str, outbox_rows
) -> None:
    token = csrf_token(client, link)
    response = client.post(link, data={"csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Ni fyddwch chi'n cael y negeseuon hyn mwyach" in page  # no more messages, in Welsh
    assert 'href="/me/preferences?locale=cy"' in page
    assert not _hears_back(app, ledger.participant)
    again = client.post(link, data={"csrf_token": token})
    assert again.status_code == 200 and not _hears_back(app, ledger.participant)

    queued = len(outbox_rows())
    with app.test_request_context():
        services.change_status(updates.published, UpdateStatus.DONE, "", ledger.coordinator)
    assert len(outbox_rows()) == queued

    reopened = client.get(link).get_data(as_text=True)  # the old message's link, opened later
    assert "Ni fyddwch chi'n cael y negeseuon hyn mwyach" in reopened
    assert "Atal y negeseuon hyn?" not in reopened


def test_the_button_without_its_form_token_changes_nothing(
    app: Flask, client: FlaskClient, ledger, link: str
) -> None:
    response = client.post(link, data={})
    assert response.status_code == 400
    assert "Atal y negeseuon hyn" in response.get_data(as_text=True)  # shown again to press
    assert _hears_back(app, ledger.participant)


def test_a_mail_apps_one_click_works_on_the_address_in_the_email(
    app: Flask, updates, ledger, mailbox: Mailbox, send
) -> None:
    assert send() == Outcome(sent=2)
    header = mailbox.to("ama@example.org")[0]["List-Unsubscribe"].strip()
    url = urlsplit(header.removeprefix("<").removesuffix(">"))
    stranger = app.test_client()  # no cookies, no form token: as RFC 8058 says
    response = stranger.post(url.path, data=ONE_CLICK)
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert not _hears_back(app, ledger.participant)
    assert stranger.post(url.path, data=ONE_CLICK).status_code == 200  # twice is fine


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"List-Unsubscribe": "one-click"},
        {"List-Unsubscribe": "One-Click", "also": "this"},
        {"List-Unsubscribe": ["One-Click", "One-Click"]},
        {"List-Unsubscribe": "One-Click", "file": (io.BytesIO(b"x"), "x.txt")},
    ],
    ids=["empty", "wrong-case", "extra-field", "twice", "with-a-file"],
)
def test_one_click_refuses_any_other_body(
    app: Flask, client: FlaskClient, ledger, link: str, body: dict
) -> None:
    path = link.split("?")[0] + "/one-click"
    assert client.post(path, data=body).status_code == 400
    assert _hears_back(app, ledger.participant)


def test_one_click_refuses_a_json_body(app: Flask, client: FlaskClient, ledger, link: str) -> None:
    path = link.split("?")[0] + "/one-click"
    assert client.post(path, json={"List-Unsubscribe": "One-Click"}).status_code == 400
    assert _hears_back(app, ledger.participant)


def test_opening_the_one_click_address_in_a_browser_shows_the_page(
    app: Flask, client: FlaskClient, ledger, link: str
) -> None:
    page = link.split("?")[0]
    response = client.get(page + "/one-click")
    assert response.status_code == 302 and response.headers["Location"] == page
    assert _hears_back(app, ledger.participant)
