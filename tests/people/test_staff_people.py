"""Staff add, view, change and pause participants; viewers and finance may only look."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.people.models import Participant
from app.people.models import PaymentPreference
from tests.conftest import csrf_token

FULL = {
    "name": "Chidi",
    "email": "Chidi@Example.org",
    "phone": "+44 7700 900456",
    "preferred_language": "pl",
    "contact_ways": ["email", "text"],
    "hear_back": "yes",
    "access_needs": ["interpreter", "other", "step_free"],
    "interpreter_language": "Igbo",
    "access_other": "A quiet room",
    "payment_preference": "voucher",
    "receives_benefits": "yes",
    "benefits": ["pip", "esa"],
}


def _add(client: FlaskClient, **changes):
    html = client.get("/staff/people/new").get_data(as_text=True)
    token = csrf_token(client, "/staff/people/new")
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    return client.post(
        "/staff/people/new", data={**FULL, **changes, "csrf_token": token, "form_key": key}
    )


def _count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Participant.id)))


def test_coordinator_adds_a_person_with_every_detail(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _add(client)
    assert response.status_code == 302
    with app.app_context():
        person = db.session.scalar(select(Participant))
        assert (person.name, person.email, person.preferred_language) == (
            "Chidi",
            "chidi@example.org",
            "pl",
        )
        assert person.contact_ways == ["email", "text"] and person.hear_back
        assert person.access_needs == ["interpreter", "step_free", "other"]
        assert (person.interpreter_language, person.access_other) == ("Igbo", "A quiet room")
        assert person.payment_preference == PaymentPreference.VOUCHER
        assert person.receives_benefits and person.benefits == ["pip", "esa"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Igbo" in page and "Personal Independence Payment (PIP)" in page


def test_double_tap_on_add_saves_one_person(app: Flask, staff_client) -> None:
    client = staff_client(Role.ADMIN)
    html = client.get("/staff/people/new").get_data(as_text=True)
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    token = csrf_token(client, "/staff/people/new")
    data = {**FULL, "csrf_token": token, "form_key": key}
    assert client.post("/staff/people/new", data=data).status_code == 302
    assert client.post("/staff/people/new", data=data).status_code == 302
    assert _count(app) == 1


def test_email_and_phone_are_optional_and_nothing_about_benefits_is_kept_without_yes(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _add(
        client, email="", phone="", contact_ways=["post"], receives_benefits="no", benefits=["pip"]
    )
    assert response.status_code == 302
    with app.app_context():
        person = db.session.scalar(select(Participant))
        assert person.email is None and person.phone is None
        assert not person.receives_benefits and person.benefits == []


def test_plain_messages_when_details_do_not_fit(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    response = _add(client, name="", email="not an email", interpreter_language="", phone="call me")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in (
        "Enter the name they want us to use",
        "Enter an email address like name@example.com",
        "Say which language the interpreter should speak",
        "Use only numbers, spaces and + ( ) -",
    ):
        assert message in page
    assert 'value="not an email"' in page  # what they typed is kept
    assert _count(app) == 0


def test_coordinator_changes_and_pauses_a_person(app: Flask, staff_client, ledger) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/people/{ledger.other_participant}"
    page = client.get(f"{path}/edit").get_data(as_text=True)
    assert 'value="07700 900123"' in page
    token = csrf_token(client, f"{path}/edit")
    data = {**FULL, "name": "Benjamin", "csrf_token": token}
    assert client.post(f"{path}/edit", data=data).status_code == 302
    token = csrf_token(client, path)
    assert (
        client.post(f"{path}/pause", data={"paused": "yes", "csrf_token": token}).status_code == 302
    )
    with app.app_context():
        person = db.session.get(Participant, ledger.other_participant)
        assert person.name == "Benjamin" and person.paused
    assert (
        client.post(f"{path}/pause", data={"paused": "no", "csrf_token": token}).status_code == 302
    )
    with app.app_context():
        assert not db.session.get(Participant, ledger.other_participant).paused


def test_list_shows_name_reference_break_and_contact_ways(staff_client, ledger) -> None:
    page = staff_client(Role.FINANCE).get("/staff/people/").get_data(as_text=True)
    assert "Ama" in page and f"P{ledger.participant:05d}" in page and "Text message" in page
    assert "Add a person" not in page  # finance may look, not change


def test_viewer_sees_a_person_but_no_buttons_to_change_them(staff_client, ledger) -> None:
    client = staff_client(Role.VIEWER)
    page = client.get(f"/staff/people/{ledger.participant}").get_data(as_text=True)
    assert (
        "Ama" in page and "Make a new card code" not in page and "Change their details" not in page
    )
    token = csrf_token(client, "/staff/")
    path = f"/staff/people/{ledger.participant}"
    assert client.post(f"{path}/card", data={"csrf_token": token}).status_code == 403
    assert (
        client.post(f"{path}/pause", data={"paused": "yes", "csrf_token": token}).status_code == 403
    )


def test_unknown_person_is_not_found(staff_client) -> None:
    client = staff_client(Role.ADMIN)
    assert client.get("/staff/people/999999").status_code == 404
    assert client.get("/staff/people/99999999999999999999").status_code == 404


def test_hostile_input_is_refused_or_kept_as_harmless_text(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    huge = _add(client, name="A" * 1_000_000)
    assert huge.status_code in (400, 413)
    nul = _add(client, name="Dee\x00<script>alert(1)</script>", access_other="\x00<b>x</b>")
    assert nul.status_code == 302
    page = client.get(nul.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    with app.app_context():
        person = db.session.scalar(select(Participant))
        assert "\x00" not in person.name and "\x00" not in person.access_other
    odd = _add(client, preferred_language="xx", payment_preference="gold", benefits=["<x>"])
    assert odd.status_code == 400 and "Choose from the list" in odd.get_data(as_text=True)


def test_the_sign_in_card_prints_in_the_persons_language(app: Flask, staff_client, ledger) -> None:
    with app.app_context():
        db.session.execute(
            update(Participant)
            .where(Participant.id == ledger.participant)
            .values(preferred_language="ar")
        )
        db.session.commit()
    staff = staff_client(Role.COORDINATOR)
    path = f"/staff/people/{ledger.participant}"
    page = staff.post(f"{path}/card", data={"csrf_token": csrf_token(staff, path)}).get_data(
        as_text=True
    )
    card = re.search(r'<div class="sign-in-card" lang="ar" dir="rtl">(.*?)</div>', page, re.S)
    assert card, "the card is not marked as Arabic"
    assert "Keep this card safe" not in card.group(1) and "/me/sign-in" in card.group(1)
    assert "The card is in" in page and 'lang="ar"' in page  # the staff page stays English
    assert page.count("Keep this card safe") == 0


def test_a_persons_page_leads_to_their_statement_and_letter(staff_client, ledger) -> None:
    from app.auth.models import Role

    page = (
        staff_client(Role.VIEWER).get(f"/staff/people/{ledger.participant}").get_data(as_text=True)
    )
    assert f'href="/staff/people/{ledger.participant}/statement"' in page
    assert f'href="/staff/people/{ledger.participant}/letter"' in page
    assert ">None<" not in page
