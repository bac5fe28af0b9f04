"""A press repeated because its reply was lost (the phone went out of signal) shows what the
first press did, and stores nothing twice. Each test replays the exact same request: same form,
same form key, same cookie as the browser still holds."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import LedgerData
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import STORED_TEXT
from tests.surveys.helpers import answer
from tests.surveys.helpers import form_key
from tests.surveys.helpers import start
from tests.surveys.helpers import token


def _replay(client: FlaskClient, path: str, data: dict, **kwargs):
    """Press twice; the phone never saw the first reply, so it still holds its old cookie."""
    cookie = client.get_cookie("session")
    first = client.post(path, data=data, **kwargs)
    if cookie is not None:
        client.set_cookie("session", cookie.value)
    second = client.post(path, data=data, **kwargs)
    return first, second


def _responses(app: Flask) -> list[tuple[ResponseStatus, int]]:
    with app.app_context():
        rows = db.session.execute(
            select(Response.status, func.count(Answer.id))
            .outerjoin(Answer, Answer.response_id == Response.id)
            .group_by(Response.id, Response.status)
        )
        return [(status, count) for status, count in rows]


def test_sending_my_answers_again_after_a_lost_reply_shows_done_and_stores_once(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    first, second = _replay(client, f"/s/{survey.slug}/check", {"csrf_token": token(page)})
    assert first.headers["Location"] == f"/s/{survey.slug}/done"
    assert second.status_code == 302
    assert second.headers["Location"] == f"/s/{survey.slug}/done"  # not the survey's start
    assert "We have your answers" in client.get(second.headers["Location"]).get_data(as_text=True)
    assert _responses(app) == [(ResponseStatus.SUBMITTED, len(FULL_ANSWERS))]
    # The old cookie no longer points at the sent response: the start page starts afresh.
    assert "Carry on where you stopped" not in client.get(f"/s/{survey.slug}").get_data(
        as_text=True
    )


def test_answering_a_question_again_after_the_answers_were_sent_shows_done(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    path = f"/s/{survey.slug}/q/{survey.questions['well']}"
    page = client.get(path).get_data(as_text=True)
    cookie = client.get_cookie("session")
    check = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(check)})
    client.set_cookie("session", cookie.value)
    again = client.post(path, data={"csrf_token": token(page), "answer": "Changed"})
    assert again.headers["Location"] == f"/s/{survey.slug}/done"
    with app.app_context():
        stored = db.session.scalars(
            select(STORED_TEXT).where(Answer.question_id == survey.questions["well"])
        ).one()
    assert stored == '"The tea"'


def test_starting_again_with_the_same_form_makes_one_response_and_carries_on(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    page = client.get(f"/s/{survey.slug}").get_data(as_text=True)
    data = {"csrf_token": token(page), "form_key": form_key(page)}
    first, second = _replay(client, f"/s/{survey.slug}", data)
    assert first.headers["Location"] == f"/s/{survey.slug}/consent"
    assert second.headers["Location"] == f"/s/{survey.slug}/consent"
    consent = client.get(f"/s/{survey.slug}/consent")
    assert consent.status_code == 200  # the first press's response, with its code shown
    assert 'class="code"' in consent.get_data(as_text=True)
    assert len(_responses(app)) == 1


def test_agreeing_again_after_a_lost_reply_goes_on_and_stores_once(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    page = client.get(f"/s/{survey.slug}").get_data(as_text=True)
    client.post(f"/s/{survey.slug}", data={"csrf_token": token(page), "form_key": form_key(page)})
    page = client.get(f"/s/{survey.slug}/consent").get_data(as_text=True)
    data = {"csrf_token": token(page), "agree": "y"}
    first, second = _replay(client, f"/s/{survey.slug}/consent", data)
    question = f"/s/{survey.slug}/q/{survey.first_question}"
    assert first.headers["Location"] == second.headers["Location"] == question
    assert _responses(app) == [(ResponseStatus.IN_PROGRESS, 0)]


def test_carrying_on_with_a_code_again_after_a_lost_reply_opens_the_same_answers(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    code = start(client, survey)
    answer(client, survey, "visited", {"answer": "yes"})
    other_phone = app.test_client()
    page = other_phone.get("/resume").get_data(as_text=True)
    data = {"csrf_token": token(page), "code": code}
    first, second = _replay(other_phone, "/resume", data)
    following = f"/s/{survey.slug}/q/{survey.questions['often']}"  # after "visited": yes
    assert first.headers["Location"] == second.headers["Location"] == following
    assert 'value="yes" checked' in other_phone.get(
        f"/s/{survey.slug}/q/{survey.questions['visited']}"
    ).get_data(as_text=True)
    assert _responses(app) == [(ResponseStatus.IN_PROGRESS, 1)]


def test_sending_a_claim_again_after_a_lost_reply_shows_the_saved_claim(
    app: Flask,
    ledger: LedgerData,
    participant_client,
) -> None:
    from app.ledger.models import Claim

    client = participant_client(ledger.participant)
    page = client.get("/me/claims/new").get_data(as_text=True)
    data = {
        "csrf_token": token(page),
        "form_key": form_key(page),
        "category": "travel",
        "spent_on": "2026-01-05",
        "description": "Bus to the workshop",
        "amount": "3.20",
    }
    first, second = _replay(client, "/me/claims/new", data)
    assert first.status_code == 302, first.get_data(as_text=True)[:3000]
    assert second.headers["Location"] == first.headers["Location"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Claim)) == 2  # Ama's, and this


def test_cancelling_a_claim_again_after_a_lost_reply_says_it_was_done_once(
    app: Flask,
    ledger: LedgerData,
    participant_client,
) -> None:
    from app.ledger.models import Claim
    from app.ledger.models import ClaimEvent
    from app.ledger.models import ClaimStatus

    client = participant_client(ledger.participant)
    page = client.get(f"/me/claims/{ledger.claim}/cancel").get_data(as_text=True)
    with app.app_context():
        audited = db.session.scalar(select(func.count()).select_from(ClaimEvent))
    path = f"/me/claims/{ledger.claim}/cancel"
    first, second = _replay(client, path, {"csrf_token": token(page), "confirm": "yes"})
    assert first.headers["Location"] == f"/me/claims/{ledger.claim}"
    assert second.status_code == 200
    assert "Nothing was done twice" in second.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Claim, ledger.claim).status == ClaimStatus.CANCELLED
        assert db.session.scalar(select(func.count()).select_from(ClaimEvent)) == audited + 1


def test_reloading_the_check_page_when_only_the_page_was_lost_shows_done(
    app: Flask, client: FlaskClient, survey: MadeSurvey
) -> None:
    """The reply's cookie arrived but the page never did: reloading the page they pressed on, or
    pressing again, says the answers arrived, never the survey's start."""
    start(client, survey)
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    reload = client.get(f"/s/{survey.slug}/check")
    assert reload.headers["Location"] == f"/s/{survey.slug}/done"
    again = client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    assert again.headers["Location"] == f"/s/{survey.slug}/done"
    assert _responses(app) == [(ResponseStatus.SUBMITTED, len(FULL_ANSWERS))]
    # Starting afresh on purpose still works, and offers no code for the sent answers.
    assert "Carry on where you stopped" not in client.get(f"/s/{survey.slug}").get_data(
        as_text=True
    )
