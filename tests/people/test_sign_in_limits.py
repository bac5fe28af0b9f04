"""Sign-in limits follow the person, however the address or the link's code id is written."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from app.extensions import db
from app.people import signin
from app.people.models import SignInCode
from tests.conftest import csrf_token
from tests.people.helpers import ask_for_code
from tests.people.helpers import signed_in
from tests.people.helpers import type_card_code
from tests.people.helpers import type_code

AMA = "ama@example.org"
# Ways of writing Ama's address that the form cleans back to it: each once opened a fresh limit.
AMA_WRITTEN = [AMA + chr(n) for n in range(1, 9)] + ["AMA@EXAMPLE.ORG", "\x0bAma@Example.org"]


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_the_address_is_cleaned_like_the_lookup_before_it_keys_a_limit() -> None:
    assert signin.normalise_email(" AMA@example.org\x07\u200b") == AMA
    assert signin.normalise_email("ben٣@example.org") == "ben3@example.org"  # Arabic-Indic 3
    assert signin.normalise_email("ｂｅｎ@example.org") == "ben@example.org"  # full-width letters
    assert signin.limit_key("AMA@example.org\x01") == signin.limit_key(AMA)
    assert signin.normalise_email_code("١٢٣ ٤٥٦") == "123456"  # typed on an Arabic keyboard
    assert [signin.parse_code_id(raw) for raw in ("7", "07", "٧", "²", "-1", "")] == [
        7,
        7,
        None,
        None,
        None,
        None,
    ]


def test_control_characters_or_capitals_never_give_more_code_guesses(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    wrong = _wrong(mailbox.last_code(AMA))
    statuses = [type_code(app.test_client(), typed, wrong).status_code for typed in AMA_WRITTEN]
    assert statuses == [400] * 10
    assert type_code(app.test_client(), AMA + "\x02", wrong).status_code == 429
    assert type_code(app.test_client(), AMA, mailbox.last_code(AMA)).status_code == 429


def _link_post(app: Flask, code_id: str, code: str) -> int:
    reader = app.test_client()
    token = csrf_token(reader, f"/me/sign-in/email?c={code_id}")
    data = {"csrf_token": token, "c": code_id, "code": code}
    return reader.post("/me/sign-in/email", data=data).status_code


def test_the_link_page_and_the_code_page_share_one_limit_however_the_id_is_written(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    code_id = re.search(r"c=(\d+)", mailbox.last_link(AMA)).group(1)
    wrong = _wrong(mailbox.last_code(AMA))
    typed = [type_code(app.test_client(), AMA, wrong).status_code for _ in range(5)]
    written = [code_id, "0" + code_id, "00" + code_id, f" {code_id} ", "000" + code_id]
    linked = [_link_post(app, variant, wrong) for variant in written]
    assert typed + linked == [400] * 10
    assert _link_post(app, "0000" + code_id, mailbox.last_code(AMA)) == 429
    assert type_code(app.test_client(), AMA, wrong).status_code == 429


def test_a_code_id_in_other_digits_signs_nobody_in(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    code_id = re.search(r"c=(\d+)", mailbox.last_link(AMA)).group(1)
    arabic = "".join(chr(0x0660 + int(d)) for d in code_id)
    assert _link_post(app, arabic, mailbox.last_code(AMA)) == 400
    assert _link_post(app, code_id, mailbox.last_code(AMA)) == 302


def test_a_new_code_stops_the_older_ones(app: Flask, client: FlaskClient, mailbox, ledger) -> None:
    ask_for_code(client, AMA)
    first = mailbox.last_code(AMA)
    ask_for_code(client, AMA)
    second = mailbox.last_code(AMA)
    if first != second:  # one chance in a million they match
        assert type_code(app.test_client(), AMA, first).status_code == 400
    assert type_code(app.test_client(), AMA, second).status_code == 302


def test_signing_in_any_way_stops_every_code_of_that_person(
    app: Flask, client: FlaskClient, mailbox, ledger
) -> None:
    ask_for_code(client, AMA)
    emailed = mailbox.last_code(AMA)
    with app.app_context():
        card = signin.new_card_code(ledger.participant)
    phone = app.test_client()
    assert type_card_code(phone, card).status_code == 302 and signed_in(phone)
    stranger = app.test_client()
    assert type_code(stranger, AMA, emailed).status_code == 400 and not signed_in(stranger)


def test_only_the_newest_code_works_even_if_two_were_issued_together(app: Flask, ledger) -> None:
    with app.app_context():
        (older,) = signin.issue_email_codes(AMA)
        (newer,) = signin.issue_email_codes(AMA)
        # As if the two requests raced: neither saw the other's code to revoke it.
        db.session.execute(update(SignInCode).values(used_at=None))
        db.session.commit()
        assert signin.redeem_link(older.code_id, older.code) is None
        assert signin.redeem_link(newer.code_id, newer.code) is not None


def _from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_a_stranger_guessing_at_someones_code_does_not_lock_them_out(app, mailbox, ledger) -> None:
    """Ten wrong codes from anyone used to stop the person signing in for 15 minutes."""
    from tests.people.helpers import ask_for_code
    from tests.people.helpers import type_code

    stranger = _from(app, "203.0.113.7")
    guesses = [type_code(stranger, "ama@example.org", f"{n:06d}").status_code for n in range(11)]
    assert guesses[-1] == 429  # the stranger is stopped
    for _ in range(5):  # and asking for codes in her name stops only them
        ask_for_code(stranger, "ama@example.org")
    assert ask_for_code(stranger, "ama@example.org").status_code == 429
    ama = _from(app, "198.51.100.20")
    assert ask_for_code(ama, "ama@example.org").status_code == 302
    assert (
        type_code(ama, "ama@example.org", mailbox.last_code("ama@example.org")).status_code == 302
    )


def test_many_addresses_together_still_get_few_guesses(app, ledger) -> None:
    from tests.people.helpers import type_code

    statuses = [
        type_code(_from(app, f"203.0.113.{n % 250}"), "ama@example.org", f"{n:06d}").status_code
        for n in range(31)
    ]
    assert statuses[:30] == [400] * 30 and statuses[30] == 429
