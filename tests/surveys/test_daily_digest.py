"""The daily email of new responses: queued through the outbox at most once a day, sent through a
real (in-process) SMTP server, with a link to the results and never anyone's answers."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.surveys import running
from app.surveys.digest import queue_daily_digests
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.conftest import Staff
from tests.conftest import make_staff
from tests.people.conftest import Mailbox  # noqa: F401  the real in-process SMTP server
from tests.people.conftest import mailbox  # noqa: F401  the real in-process SMTP server
from tests.surveys.test_results import respond

SECRET = "My neighbour Jo drinks too much"


@pytest.fixture
def follower(app: Flask, survey: MadeSurvey) -> Staff:
    """A coordinator who asked for the daily email about the café survey, in English."""
    staff = make_staff(app, Role.COORDINATOR)
    _follow(app, survey, staff.id)
    return staff


def _follow(app: Flask, survey: MadeSurvey, staff_id: int, language: str = "en") -> None:
    with app.app_context():
        running.save_running(db.session.get(Survey, survey.id), None, staff_id, True, language)


def _run(app: Flask) -> str:
    result = app.test_cli_runner().invoke(args=["withus", "send-daily-digests"])
    assert result.exit_code == 0, result.output
    return result.output


def _messages(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(OutboxMessage))


def test_new_responses_are_counted_once_a_day_in_an_email_with_no_answers(
    app: Flask,
    survey: MadeSurvey,
    follower: Staff,
    mailbox: Mailbox,  # noqa: F811
) -> None:
    respond(app, survey, {"well": SECRET})
    respond(app, survey, {"well": "Tea"}, name="Amira Khan")
    respond(app, survey, {"well": "Not sent yet"}, status=ResponseStatus.IN_PROGRESS)
    withdrawn = respond(app, survey, {"well": "Typed by mistake"})
    with app.app_context():
        db.session.get(Response, withdrawn).withdrawn_at = utcnow()
        db.session.commit()
    output = _run(app)
    assert "Queued 1 daily emails about new responses." in output and "Sent 1," in output
    (email,) = mailbox.to(follower.email)
    assert email["Subject"].endswith("2 new responses to “Our drop-in café: what should change?”")
    body = mailbox.body(email)
    assert "has 2 new responses since" in body and "It has 2 sent responses in all." in body
    assert f"http://localhost/staff/surveys/{survey.id}/results" in body.replace("\n", " ")
    assert f"/staff/surveys/{survey.id}/running" in body
    assert SECRET not in body and "Tea" not in body and "Amira" not in body
    respond(app, survey, {"well": "Later today"})
    assert "Queued 0" in _run(app)
    assert len(mailbox.to(follower.email)) == 1


def test_tomorrow_counts_only_what_came_since_and_says_the_target(
    app: Flask, survey: MadeSurvey, follower: Staff
) -> None:
    with app.app_context():
        db.session.execute(update(Survey).where(Survey.id == survey.id).values(response_target=50))
        db.session.commit()
    respond(app, survey, {"well": "Today"})
    with app.app_context():
        assert queue_daily_digests() == 1
    respond(app, survey, {"well": "Tomorrow"})
    respond(app, survey, {"well": "Tomorrow too"})
    with app.app_context():
        assert queue_daily_digests(utcnow() + timedelta(days=1)) == 1
        assert queue_daily_digests(utcnow() + timedelta(days=1, minutes=5)) == 0
        bodies = list(db.session.scalars(select(OutboxMessage.body).order_by(OutboxMessage.id)))
    assert "has 1 new response since" in bodies[0]
    assert "has 2 new responses since" in bodies[1]
    assert "That makes 3 of the 50 you hope for." in bodies[1]


def test_a_day_with_no_new_responses_sends_nothing(
    app: Flask,
    survey: MadeSurvey,
    follower: Staff,
    mailbox: Mailbox,  # noqa: F811
) -> None:
    assert "Queued 0" in _run(app)
    assert mailbox.messages == [] and _messages(app) == 0


def test_runs_at_the_same_moment_queue_one_email(
    app: Flask, survey: MadeSurvey, follower: Staff
) -> None:
    for n in range(3):
        respond(app, survey, {"well": f"Answer {n}"})
    start = threading.Barrier(6)
    queued: list[int] = []

    def _one_run() -> None:
        with app.app_context():
            start.wait()
            queued.append(queue_daily_digests())
            db.session.remove()

    runs = [threading.Thread(target=_one_run) for _ in range(6)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert sorted(queued) == [0, 0, 0, 0, 0, 1]
    assert _messages(app) == 1


def test_the_database_refuses_a_second_email_for_the_same_day(
    app: Flask, survey: MadeSurvey, follower: Staff
) -> None:
    respond(app, survey, {"well": "Tea"})
    with app.app_context():
        queue_daily_digests()
        first = db.session.scalars(select(OutboxMessage)).one()
        db.session.add(
            OutboxMessage(
                staff_id=first.staff_id,
                digest_survey_id=first.digest_survey_id,
                digest_on=first.digest_on,
                address=first.address,
                language="en",
                subject="again",
                body="again",
            )
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_stopping_the_email_before_it_goes_cancels_it(
    app: Flask,
    staff_client,
    survey: MadeSurvey,
    mailbox: Mailbox,  # noqa: F811
) -> None:
    client = staff_client(Role.COORDINATOR)
    from tests.surveys.test_response_target import _save

    _save(client, survey, daily_email="y")
    respond(app, survey, {"well": "Tea"})
    with app.app_context():
        assert queue_daily_digests() == 1
    _save(client, survey)  # unticked
    from app.outbox.sender import send_pending

    with app.app_context():
        outcome = send_pending()
        status = db.session.scalar(select(OutboxMessage.status))
    assert outcome.cancelled == 1 and status == MessageStatus.CANCELLED
    assert mailbox.messages == []


def test_the_email_is_in_the_language_the_person_used(
    app: Flask,
    survey: MadeSurvey,
    mailbox: Mailbox,  # noqa: F811
) -> None:
    staff = make_staff(app, Role.ADMIN)
    _follow(app, survey, staff.id, "cy")
    respond(app, survey, {"well": "Te"})
    _run(app)
    (email,) = mailbox.to(staff.email)
    assert email["Content-Language"] == "cy"
    assert "Hello" not in mailbox.body(email) and "new response" not in email["Subject"]


def test_someone_no_longer_working_on_surveys_gets_no_email(
    app: Flask, survey: MadeSurvey, follower: Staff
) -> None:
    from app.auth.models import StaffUser

    respond(app, survey, {"well": "Tea"})
    with app.app_context():
        db.session.get(StaffUser, follower.id).role = Role.VIEWER
        db.session.commit()
        assert queue_daily_digests() == 0
