"""Participants sign in without a password: a card code, an emailed code, or an emailed link."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.people import signin
from app.people.models import Participant
from app.people.models import SignInCode
from tests.conftest import csrf_token
from tests.people.helpers import ask_for_code
from tests.people.helpers import signed_in
from tests.people.helpers import type_card_code
from tests.people.helpers import type_code

AMA = "ama@example.org"


def _card_from_staff_page(staff: FlaskClient, participant_id: int) -> str:
    path = f"/staff/people/{participant_id}"
    token = csrf_token(staff, path)
    response = staff.post(f"{path}/card", data={"csrf_token": token})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "/me/sign-in" in page
    found = re.search(r'class="code" dir="ltr">([A-Z0-9 ]+)<', page)
    assert found
    return found.group(1)


def test_card_code_from_the_printed_card_signs_in(
    app: Flask, client: FlaskClient, staff_client, ledger
) -> None:
    code = _card_from_staff_page(staff_client(Role.COORDINATOR), ledger.participant)
    with app.app_context():
        stored = db.session.get(Participant, ledger.participant).card_code_digest
        assert stored and code.replace(" ", "") not in stored  # only a digest is kept
    participant = app.test_client()
    response = type_card_code(participant, f"  {code.lower()} ")
    assert response.status_code == 302 and response.headers["Location"] == "/me"
    assert "Ama" in participant.get("/me").get_data(as_text=True)


def test_a_new_card_code_stops_the_old_card_and_old_sessions(app: Flask, ledger) -> None:
    with app.app_context():
        old = signin.new_card_code(ledger.participant)
    phone = app.test_client()
    assert type_card_code(phone, old).status_code == 302
    with app.app_context():
        new = signin.new_card_code(ledger.participant)
    assert not signed_in(phone)  # the session from the old card ended too
    stranger = app.test_client()
    refused = type_card_code(stranger, old)
    assert refused.status_code == 400 and "did not work" in refused.get_data(as_text=True)
    assert type_card_code(stranger, new).status_code == 302


def test_wrong_card_code_is_refused_plainly(client: FlaskClient, ledger) -> None:
    response = type_card_code(client, "ABCDE 23456")
    assert response.status_code == 400
    assert "That code did not work" in response.get_data(as_text=True)
    assert not signed_in(client)


def test_emailed_code_signs_in_once_and_pasting_with_spaces_works(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    response = ask_for_code(client, "  AMA@example.org ")
    assert response.status_code == 302 and response.headers["Location"] == "/me/sign-in/code"
    (message,) = mailbox.to(AMA)
    code = mailbox.last_code(AMA)
    with app.app_context():
        digests = db.session.scalars(select(SignInCode.digest)).all()
    assert digests and all(code not in digest for digest in digests)
    assert type_code(client, AMA, f" {code[:3]} {code[3:]} ").status_code == 302
    assert signed_in(client)
    again = app.test_client()
    assert type_code(again, AMA, code).status_code == 400  # used codes never work twice


def test_email_is_written_in_the_persons_language(client: FlaskClient, mailbox, ledger) -> None:
    ask_for_code(client, AMA, headers={"Accept-Language": "ar"})
    message = mailbox.to(AMA)[-1]
    assert message["Content-Language"] == "cy"  # Ama's choice, not the browser's
    assert "Ama" in mailbox.body(message)


def _link_fields(client: FlaskClient, link: str) -> dict[str, str]:
    html = client.get(link).get_data(as_text=True)
    assert '<form method="post"' in html
    return dict(re.findall(r'name="(csrf_token|c)" type="hidden" value="([^"]*)"', html))


def test_emailed_link_carries_no_code_and_signs_in_only_with_the_typed_code(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    link, code = mailbox.last_link(AMA), mailbox.last_code(AMA)
    assert code not in link and "code=" not in link  # nothing secret lands in access logs
    scanner = app.test_client()
    for _ in range(3):  # a mail scanner opening the link again and again
        assert scanner.get(link).status_code == 200
    assert not signed_in(scanner)
    reader = app.test_client()
    fields = _link_fields(reader, link)
    wrong = "000000" if code != "000000" else "111111"
    refused = reader.post("/me/sign-in/email", data={**fields, "code": wrong})
    assert refused.status_code == 400 and 'value="' + wrong + '"' in refused.get_data(as_text=True)
    response = reader.post("/me/sign-in/email", data={**fields, "code": f" {code[:3]} {code[3:]}"})
    assert response.status_code == 302 and signed_in(reader)
    late = app.test_client()
    again = late.post("/me/sign-in/email", data={**_link_fields(late, link), "code": code})
    assert again.status_code == 400 and not signed_in(late)  # used codes never work twice


def _page_without_token(client: FlaskClient, path: str) -> str:
    """The page with the form token and the asked-for id (hidden field, language link) cut out."""
    page = client.get(path).get_data(as_text=True)
    page = re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", page)
    page = re.sub(r'name="c" type="hidden" value="[^"]*"', "", page)
    return re.sub(r"c%3D\d+", "", page)


def test_the_link_page_never_tells_whether_a_code_is_live(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    live_id = int(re.search(r"c=(\d+)", mailbox.last_link(AMA)).group(1))
    with app.app_context():
        signin.issue_email_codes(AMA)  # the first code is now revoked
    pages = {
        _page_without_token(app.test_client(), f"/me/sign-in/email?c={n}")
        for n in (live_id, live_id + 1, live_id + 1000, 99999999)
    }
    assert len(pages) == 1


def test_expired_code_does_not_sign_in(app: Flask, client: FlaskClient, mailbox, ledger) -> None:
    ask_for_code(client, AMA)
    code = mailbox.last_code(AMA)
    with app.app_context():
        db.session.execute(update(SignInCode).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    response = type_code(client, AMA, code)
    assert response.status_code == 400 and not signed_in(client)
    assert "work once, for 10 minutes" in response.get_data(as_text=True)


def test_wrong_code_and_another_persons_code_fail(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    with app.app_context():
        db.session.get(Participant, ledger.other_participant).email = "ben@example.org"
        db.session.commit()
    ask_for_code(client, "ben@example.org")
    bens = mailbox.last_code("ben@example.org")
    assert type_code(client, AMA, bens).status_code == 400
    wrong = "000000" if bens != "000000" else "111111"
    assert type_code(client, "ben@example.org", wrong).status_code == 400
    assert not signed_in(client)


def test_two_racing_requests_with_one_code_sign_in_only_once(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    code = mailbox.last_code(AMA)
    barrier = threading.Barrier(4)
    winners: list[int] = []

    def attempt() -> None:
        with app.app_context():
            barrier.wait()
            person = signin.redeem_typed_code(AMA, code)
            if person is not None:
                winners.append(person.id)
            db.session.remove()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert winners == [ledger.participant]


def _without_token(page: str, email: str) -> str:
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", page).replace(email, "X")


def test_nobody_learns_whether_an_email_is_registered(client: FlaskClient, mailbox, ledger) -> None:
    known = ask_for_code(client, AMA)
    known_page = client.get(known.headers["Location"]).get_data(as_text=True)
    unknown = ask_for_code(client, "nobody@example.org")
    unknown_page = client.get(unknown.headers["Location"]).get_data(as_text=True)
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert _without_token(known_page, AMA) == _without_token(unknown_page, "nobody@example.org")
    assert mailbox.to("nobody@example.org") == []


def test_asking_for_codes_is_rate_limited_per_email(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    statuses = [ask_for_code(client, AMA).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(mailbox.to(AMA)) == 5


def test_guessing_codes_is_rate_limited_per_email(app: Flask, client: FlaskClient, ledger) -> None:
    statuses = [type_code(app.test_client(), AMA, f"{n:06d}").status_code for n in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429


def test_guessing_card_codes_is_rate_limited_per_address(client: FlaskClient, ledger) -> None:
    statuses = [type_card_code(client, "ABCDE 2345" + str(n)).status_code for n in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429


def test_paused_participant_can_still_sign_in_by_email(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    with app.app_context():
        db.session.get(Participant, ledger.participant).paused = True
        db.session.commit()
    ask_for_code(client, AMA)
    assert type_code(client, AMA, mailbox.last_code(AMA)).status_code == 302


def test_sign_out_ends_the_participant_session(participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    token = csrf_token(client, "/me")
    response = client.post("/me/sign-out", data={"csrf_token": token})
    assert response.status_code == 302 and not signed_in(client)


def test_a_cookie_copied_before_sign_out_opens_nothing_after_it(app: Flask, ledger) -> None:
    with app.app_context():
        code = signin.new_card_code(ledger.participant)
    phone = app.test_client()
    assert type_card_code(phone, code).status_code == 302
    copied = phone.get_cookie("session")
    assert copied is not None
    token = csrf_token(phone, "/me")
    assert phone.post("/me/sign-out", data={"csrf_token": token}).status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", copied.value)
    for path in ("/me", "/me/data.json"):
        response = thief.get(path)
        assert response.status_code == 302 and "/me/sign-in" in response.headers["Location"]
    assert type_card_code(app.test_client(), code).status_code == 302  # the card still works


def test_mail_server_down_still_says_the_same_thing(
    app: Flask, client: FlaskClient, ledger
) -> None:
    saved = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = 1  # nothing listens there
    try:
        response = ask_for_code(client, AMA)
    finally:
        app.config["MAIL_PORT"] = saved
    assert response.status_code == 302 and response.headers["Location"] == "/me/sign-in/code"


def test_hostile_sign_in_input_never_breaks_the_page(
    app: Flask, client: FlaskClient, ledger
) -> None:
    assert type_card_code(client, "A" * 1_000_000).status_code in (400, 413)
    assert type_card_code(client, "\x00<script>").status_code == 400
    assert type_code(client, "a\x00@example.org", "12\x003456").status_code == 400
    assert ask_for_code(client, "<script>@x").status_code == 400
    for query in ("c=%00&code=<b>", "c=99999999999999999999&code=1", "c=-1"):
        page = client.get(f"/me/sign-in/email?{query}")
        assert page.status_code == 200 and "<b>" not in page.get_data(as_text=True)
