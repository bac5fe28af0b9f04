"""Updates on /me: only what the participant took part in, with new ones marked once."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from app.extensions import db
from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from app.ledger.models import ActivityType
from app.ledger.models import Attendance
from app.ledger.models import AttendanceRole
from app.ledger.models import InvolvementSession
from app.people.models import Participant
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Response
from tests.feedback.public_helpers import make_update
from tests.feedback.public_helpers import move
from tests.feedback.public_helpers import put_back

PUBLISHED = "The café closes too early for people who work."
CANT_DO = "Please open on Sundays."
DRAFT = "Some people would like a quiet room."


def _updates_on_me(client: FlaskClient) -> dict[str, bool]:
    """What people said in each update shown on /me, and whether it is marked new."""
    response = client.get("/me")
    assert response.status_code == 200
    page = response.get_data(as_text=True).replace("&#39;", "'")
    section = page[
        page.index("Updates on what you took part in") : page.index("What you have done")
    ]
    items = re.findall(r'<li class="update-item">(.*?)</li>', section, re.S)
    return {re.search(r">([^<]+)</a>", item).group(1): "New</strong>" in item for item in items}


def _session_for(app: Flask, participant_id: int, title: str) -> int:
    with app.app_context():
        session = InvolvementSession(
            title=title,
            activity_type=ActivityType.WORKSHOP,
            held_on=date(2026, 3, 3),
            minutes=60,
            attendances=[
                Attendance(participant_id=participant_id, role=AttendanceRole.TAKING_PART)
            ],
        )
        db.session.add(session)
        db.session.commit()
        return session.id


def _answer(app: Flask, survey_id: int, participant_id: int, status: ResponseStatus) -> None:
    with app.app_context():
        db.session.add(
            Response(
                survey_id=survey_id,
                status=status,
                language="en",
                channel=Channel.ONLINE,
                participant_id=participant_id,
            )
        )
        db.session.commit()


def _name_the_survey(app: Flask, survey_id: int) -> None:
    with app.app_context():
        db.session.get(Survey, survey_id).anonymous = False
        db.session.commit()


def test_new_updates_are_marked_once_then_again_when_they_change(
    app: Flask, participant_client, ledger, updates
) -> None:
    client = participant_client(ledger.participant)
    assert _updates_on_me(client) == {PUBLISHED: True, CANT_DO: True}
    with app.app_context():
        assert db.session.get(Participant, ledger.participant).updates_seen_at is not None
    assert _updates_on_me(client) == {PUBLISHED: False, CANT_DO: False}
    move(app, updates.published, UpdateStatus.DONE)
    assert _updates_on_me(client) == {PUBLISHED: True, CANT_DO: False}
    assert _updates_on_me(client) == {PUBLISHED: False, CANT_DO: False}


def test_drafts_never_show_on_me_until_published(
    app: Flask, participant_client, survey, ledger, updates
) -> None:
    _name_the_survey(app, survey.id)
    _answer(app, survey.id, ledger.participant, ResponseStatus.SUBMITTED)
    client = participant_client(ledger.participant)
    assert DRAFT not in _updates_on_me(client)
    put_back(app, updates.draft)  # publishes it
    assert _updates_on_me(client)[DRAFT] is True


def test_each_participant_sees_only_what_they_took_part_in(
    app: Flask, participant_client, survey, ledger, updates
) -> None:
    ama, ben = ledger.participant, ledger.other_participant
    bens_session = _session_for(app, ben, "Ben's evening group")
    make_update(app, "Only from Ben's group.", links=[(LinkKind.SESSION, bens_session)])
    _name_the_survey(app, survey.id)
    _answer(app, survey.id, ama, ResponseStatus.SUBMITTED)
    _answer(app, survey.id, ben, ResponseStatus.IN_PROGRESS)  # not sent: not taken part
    put_back(app, updates.draft)  # now public, from the survey Ama answered
    assert set(_updates_on_me(participant_client(ama))) == {PUBLISHED, CANT_DO, DRAFT}
    assert set(_updates_on_me(participant_client(ben))) == {
        PUBLISHED,
        CANT_DO,
        "Only from Ben's group.",
    }


def test_answers_to_an_anonymous_survey_never_link_a_person_to_updates(
    app: Flask, participant_client, survey, updates
) -> None:
    with app.app_context():
        cai = Participant(name="Cai")
        db.session.add(cai)
        db.session.commit()
        cai_id = cai.id
    _answer(app, survey.id, cai_id, ResponseStatus.SUBMITTED)  # the demo survey is anonymous
    put_back(app, updates.draft)
    client = participant_client(cai_id)
    assert _updates_on_me(client) == {}
    assert "There is no news yet on what you took part in." in client.get("/me").get_data(
        as_text=True
    )


def test_me_takes_the_same_few_queries_however_many_updates(
    app: Flask, participant_client, ledger, updates, count_queries
) -> None:
    client = participant_client(ledger.participant)
    with count_queries() as few:
        client.get("/me")
    for number in range(6):
        make_update(
            app, f"More from the workshop {number}.", links=[(LinkKind.SESSION, ledger.session)]
        )
    with count_queries() as many:
        assert len(_updates_on_me(client)) == 8
    assert len(many) == len(few)
