"""A participant's own area: their involvement, their choices, everything held about them."""

from __future__ import annotations

import pytest
from flask import Flask

from app.extensions import db
from app.people.models import Participant
from app.people.models import PaymentPreference
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import csrf_token
from tests.people.helpers import signed_in

ME_PAGES = ["/me", "/me/preferences", "/me/data", "/me/data.json"]


def test_home_shows_sessions_hours_and_claims_with_status_words(participant_client, ledger) -> None:
    page = participant_client(ledger.participant).get("/me").get_data(as_text=True)
    assert "Café workshop" in page and "Taking notes" in page
    assert "In total: 2 hours." in page
    assert "Sent, waiting for a decision" in page and "£34.80" in page
    assert 'href="/me/claims"' in page
    assert 'href="/me/preferences"' in page and 'href="/me/data"' in page
    assert '<span lang="en"' not in page  # English words on an English page need no mark


def test_words_staff_typed_in_english_are_marked_as_english_on_other_pages(
    participant_client, ledger
) -> None:
    page = participant_client(ledger.participant, language="ar").get("/me").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert '<span lang="en" dir="ltr">Café workshop</span>' in page
    assert "ساعتان" in page and "2 ساعتان" not in page  # two hours, said in the dual word


def test_participant_changes_their_own_choices_and_takes_a_break(
    app: Flask, participant_client, ledger
) -> None:
    client = participant_client(ledger.participant)
    page = client.get("/me/preferences").get_data(as_text=True)
    assert 'value="step_free" checked' in page  # their current choices are shown
    token = csrf_token(client, "/me/preferences")
    data = {
        "csrf_token": token,
        "preferred_language": "ar",
        "contact_ways": ["text"],
        "hear_back": "no",
        "access_needs": ["bsl", "childcare"],
        "payment_preference": "charity",
        "paused": "yes",
    }
    assert client.post("/me/preferences", data=data).status_code == 302
    with app.app_context():
        ama = db.session.get(Participant, ledger.participant)
        assert (ama.preferred_language, ama.contact_ways, ama.hear_back) == ("ar", ["text"], False)
        assert ama.access_needs == ["bsl", "childcare"] and ama.paused
        assert ama.payment_preference == PaymentPreference.CHARITY
        assert ama.receives_benefits and ama.name == "Ama"  # not theirs to change here
    assert "You are taking a break" in client.get("/me").get_data(as_text=True)


def test_preferences_errors_are_plain_and_keep_what_was_chosen(participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    token = csrf_token(client, "/me/preferences")
    data = {"csrf_token": token, "access_needs": ["interpreter"], "contact_ways": ["email"]}
    response = client.post("/me/preferences", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Say which language you need" in page
    assert "Choose how you want to be paid" in page
    assert 'value="interpreter" checked' in page


def _answer_survey(app: Flask, survey, participant_id: int, words: str) -> None:
    with app.app_context():
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language="en",
            channel=Channel.PAPER,
            participant_id=participant_id,
        )
        response.answers = [Answer(question_id=survey.questions["well"], value=words)]
        db.session.add(response)
        db.session.commit()


def test_data_download_has_everything_about_them_and_nothing_of_anyone_else(
    app: Flask, participant_client, ledger, survey
) -> None:
    _answer_survey(app, survey, ledger.participant, "Friendly staff")
    _answer_survey(app, survey, ledger.other_participant, "Ben's secret answer")
    response = participant_client(ledger.participant).get("/me/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    held = response.get_json()
    assert held["participant"]["name"] == "Ama"
    assert held["participant"]["benefits"] == ["universal_credit"]
    assert held["sessions"][0]["title"] == "Café workshop"
    (claim,) = held["claims"]
    assert claim["total_pence"] == 3480 and len(claim["lines"]) == 2
    assert held["survey_answers"][0]["answers"][0]["answer"] == "Friendly staff"
    text = response.get_data(as_text=True)
    assert "Ben" not in text and "07700 900123" not in text


def test_readable_data_page_shows_their_details_claims_and_answers(
    app: Flask, participant_client, ledger, survey
) -> None:
    _answer_survey(app, survey, ledger.participant, "Friendly staff")
    page = participant_client(ledger.participant).get("/me/data").get_data(as_text=True)
    for words in ("ama@example.org", "Step-free access", "Bus fare", "£4.80", "Friendly staff"):
        assert words in page
    assert "Universal Credit" in page


@pytest.mark.parametrize("path", ME_PAGES)
def test_participant_never_sees_another_participants_data(
    app: Flask, participant_client, ledger, path: str
) -> None:
    with app.app_context():
        ben = db.session.get(Participant, ledger.other_participant)
        ben.email, ben.access_other = "ben@example.org", "Ben's private need"
        ben.access_needs = ["other"]
        db.session.commit()
    client = participant_client(ledger.participant)
    # Ids in the address or the query string never switch whose data is shown.
    for variant in (path, f"{path}?participant_id={ledger.other_participant}"):
        text = client.get(variant).get_data(as_text=True)
        assert "ben@example.org" not in text and "Ben's private need" not in text
        assert "07700 900123" not in text


def test_a_participant_session_cannot_be_pointed_at_someone_else(
    app: Flask, participant_client, ledger
) -> None:
    client = participant_client(ledger.participant)
    with client.session_transaction() as session:
        session["participant_id"] = ledger.other_participant  # a forged id with Ama's version
        session["participant_version"] = 99
    assert not signed_in(client)


def test_staff_pages_refuse_a_signed_in_participant(participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    response = client.get(f"/staff/people/{ledger.participant}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_markup_in_their_own_words_is_shown_as_text(app: Flask, participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    token = csrf_token(client, "/me/preferences")
    data = {
        "csrf_token": token,
        "preferred_language": "en",
        "hear_back": "yes",
        "access_needs": ["other"],
        "access_other": "<script>alert(1)</script>\x00",
        "payment_preference": "cash",
        "paused": "no",
    }
    assert client.post("/me/preferences", data=data).status_code == 302
    page = client.get("/me/data").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_nobody_is_chased_while_paused(app: Flask, ledger) -> None:
    from app.people import services

    with app.app_context():
        ama = db.session.get(Participant, ledger.participant)
        assert services.may_contact_unasked(ama)
        services.set_paused(ama.id, True)
        assert not services.may_contact_unasked(db.session.get(Participant, ama.id))
