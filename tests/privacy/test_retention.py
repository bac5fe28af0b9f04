"""Retention: what is past the period an admin set goes; what is not, and what must be kept, stays.
The command can only count (--dry-run), and each real run is audited."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from flask import Flask
from sqlalchemy import update

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import Receipt
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.people.models import SignInCode
from app.privacy import retention
from app.privacy.models import PrivacyEvent
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import csrf_token

OLD = timedelta(days=400)


def _response(survey, status: ResponseStatus, age: timedelta) -> Response:
    response = Response(
        survey_id=survey.id,
        status=status,
        language="en",
        channel=Channel.ONLINE,
        created_at=utcnow() - age,
    )
    response.answers = [Answer(question_id=survey.questions["else"], value="x")]
    return response


def _old_and_new_things(app: Flask, ledger, survey) -> None:
    now = utcnow()
    with app.app_context():
        db.session.add_all(
            [
                _response(survey, ResponseStatus.IN_PROGRESS, OLD),  # goes
                _response(survey, ResponseStatus.IN_PROGRESS, timedelta(days=1)),
                _response(survey, ResponseStatus.SUBMITTED, OLD),  # finished: never goes
            ]
        )
        for number, (used, expires) in enumerate(
            [(now - OLD, now - OLD), (None, now - OLD), (None, now + timedelta(minutes=5))]
        ):
            db.session.add(
                SignInCode(
                    participant_id=ledger.participant,
                    digest=str(number) * 64,
                    used_at=used,
                    expires_at=expires,
                )
            )
        db.session.commit()


def test_retention_clears_only_what_is_past_its_period(app: Flask, ledger, survey, updates) -> None:
    _old_and_new_things(app, ledger, survey)
    with app.app_context():
        db.session.execute(
            update(OutboxMessage).values(status=MessageStatus.SENT, sent_at=utcnow() - OLD)
        )
        db.session.commit()
        assert retention.apply(dry_run=True) == {
            "unfinished_responses": 1,
            "sign_in_codes": 2,
            "message_bodies": db.session.query(OutboxMessage).count(),
            "receipts": 0,
        }
        found = retention.apply()
        assert found["unfinished_responses"] == 1 and found["sign_in_codes"] == 2
        assert db.session.query(Response).count() == 2
        assert db.session.query(Answer).count() == 2  # the unfinished one's answers went too
        assert db.session.query(SignInCode).count() == 1  # the live code stays
        for message in db.session.query(OutboxMessage):
            assert message.body == "" and message.address  # the words go; who and when stay
        (event,) = db.session.query(PrivacyEvent).filter_by(action="retention").all()
        assert "unfinished_responses=1" in event.counts and event.actor_staff_id is None
        assert retention.apply()["unfinished_responses"] == 0  # nothing twice


def test_receipts_go_only_after_six_years_from_payment(app: Flask, ledger) -> None:
    with app.app_context():
        paid = date.today() - timedelta(days=5 * 365)
        db.session.execute(update(Claim).values(status=ClaimStatus.PAID, paid_on=paid))
        db.session.commit()
        assert retention.apply()["receipts"] == 0
        db.session.execute(update(Claim).values(paid_on=date.today() - timedelta(days=2200)))
        db.session.commit()
        assert retention.apply()["receipts"] == 1
        assert not db.session.query(Receipt).count()
        assert db.session.get(Claim, ledger.claim) is not None  # the payment record stays


def test_receipts_of_a_claim_still_open_are_never_cleared(app: Flask, ledger) -> None:
    with app.app_context():
        db.session.execute(update(Claim).values(created_at=utcnow() - timedelta(days=4000)))
        db.session.commit()
        assert retention.apply()["receipts"] == 0


def test_command_dry_run_prints_counts_and_deletes_nothing(app: Flask, ledger, survey) -> None:
    _old_and_new_things(app, ledger, survey)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["withus", "apply-retention", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Would delete 1 unfinished responses" in result.output
    assert "Would delete 2 sign in codes" in result.output
    with app.app_context():
        assert db.session.query(SignInCode).count() == 3
    result = runner.invoke(args=["withus", "apply-retention"])
    assert "Deleted 2 sign in codes" in result.output
    with app.app_context():
        assert db.session.query(SignInCode).count() == 1


def test_admin_sets_periods_and_the_clear_out_uses_them(
    app: Flask, staff_client, ledger, survey
) -> None:
    _old_and_new_things(app, ledger, survey)
    client = staff_client(Role.ADMIN)
    page = client.get("/staff/privacy/retention").get_data(as_text=True)
    assert 'value="90"' in page and 'value="2192"' in page and "We suggest 30." in page
    token = csrf_token(client, "/staff/privacy/retention")
    data = {
        "csrf_token": token,
        "unfinished_responses": "500",
        "sign_in_codes": "30",
        "message_bodies": "90",
        "receipts": "2192",
    }
    assert client.post("/staff/privacy/retention", data=data).status_code == 302
    assert 'value="500"' in client.get("/staff/privacy/retention").get_data(as_text=True)
    with app.app_context():
        assert retention.periods()["unfinished_responses"] == 500
        assert retention.apply(dry_run=True)["unfinished_responses"] == 0


def test_bad_periods_get_plain_messages_and_keep_what_was_typed(app: Flask, staff_client) -> None:
    client = staff_client(Role.ADMIN)
    token = csrf_token(client, "/staff/privacy/retention")
    data = {
        "csrf_token": token,
        "unfinished_responses": "²",
        "sign_in_codes": "<b>9</b>",
        "message_bodies": "-3",
        "receipts": "365",  # less than the six years payment records are kept
    }
    response = client.post("/staff/privacy/retention", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a whole number of days from 2192 to 36500" in page
    assert 'href="#unfinished_responses"' in page and 'value="365"' in page
    assert "<b>9</b>" not in page
    with app.app_context():
        assert retention.periods()["receipts"] == retention.SIX_YEARS


def test_unfinished_answers_are_kept_as_long_as_the_code_to_carry_on_works(
    app: Flask, staff_client
) -> None:
    """The survey promises a code to carry on later works for 30 days: a shorter period would
    delete answers the person was promised they could come back to."""
    client = staff_client(Role.ADMIN)
    data = {
        "csrf_token": csrf_token(client, "/staff/privacy/retention"),
        "unfinished_responses": "7",
        "sign_in_codes": "٣٠",  # typed on an Arabic keyboard
        "message_bodies": "90",
        "receipts": "2192",
    }
    response = client.post("/staff/privacy/retention", data=data)
    assert response.status_code == 400
    assert "Enter a whole number of days from 30 to 3650" in response.get_data(as_text=True)
    data["unfinished_responses"] = "30"
    assert client.post("/staff/privacy/retention", data=data).status_code == 302
    with app.app_context():
        assert retention.periods()["unfinished_responses"] == 30
        assert retention.periods()["sign_in_codes"] == 30
        db.session.execute(
            update(retention.Setting)
            .where(retention.Setting.key == "retention.unfinished_responses")
            .values(value="7")  # stored before this rule, or by hand
        )
        db.session.commit()
        assert retention.periods()["unfinished_responses"] >= 30


def test_the_same_problem_in_several_periods_says_which_is_which(staff_client) -> None:
    client = staff_client(Role.ADMIN)
    data = {
        "csrf_token": csrf_token(client, "/staff/privacy/retention"),
        "unfinished_responses": "90",
        "sign_in_codes": "0",
        "message_bodies": "0",
        "receipts": "2192",
    }
    page = client.post("/staff/privacy/retention", data=data).get_data(as_text=True)
    assert 'href="#sign_in_codes">Sign-in codes already used or out of date: Enter' in page
    assert 'href="#message_bodies">The words of messages we sent: Enter' in page
