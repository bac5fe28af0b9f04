"""Who gets a message about an update: only people who took part by name, asked to hear back,
are not paused and chose a way we can reach them; and the same checks again at send time."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask

from app.extensions import db
from app.feedback import services
from app.feedback.models import LinkKind
from app.feedback.models import UpdateStatus
from app.outbox.models import MessageStatus
from app.outbox.sender import Outcome
from app.people.models import Participant
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Response
from tests.people.conftest import Mailbox


@dataclass(frozen=True)
class Respondents:
    named_survey: int
    anonymous_survey: int
    people: dict[str, int]  # first name -> participant id


def _person(name: str, **choices: object) -> Participant:
    wants = {"hear_back": True, "contact_ways": ["email"], "email": f"{name.lower()}@example.org"}
    return Participant(name=name, **{**wants, **choices})


def _answered(survey: Survey, person: Participant, done: bool = True) -> Response:
    status = ResponseStatus.SUBMITTED if done else ResponseStatus.IN_PROGRESS
    return Response(survey_id=survey.id, participant_id=person.id, language="en", status=status)


@pytest.fixture
def respondents(app: Flask) -> Respondents:
    """A named survey answered by six kinds of people, and an anonymous one by a seventh."""
    with app.app_context():
        named = Survey(slug="named", title="Named survey", anonymous=False)
        anonymous = Survey(slug="anon", title="Anonymous survey", anonymous=True)
        people = {
            "Nia": _person("Nia"),
            "Owen": _person("Owen"),  # started but never sent their answers
            "Quinn": _person("Quinn", hear_back=False),
            "Pat": _person("Pat", paused=True),
            "Tom": _person("Tom", email=None, phone="07700 900001", contact_ways=["text"]),
            "Ann": _person("Ann"),  # answered only the anonymous survey
        }
        db.session.add_all([named, anonymous, *people.values()])
        db.session.flush()
        db.session.add_all(
            [_answered(named, p) for name, p in people.items() if name not in ("Owen", "Ann")]
            + [_answered(named, people["Owen"], done=False), _answered(anonymous, people["Ann"])]
        )
        db.session.commit()
        ids = {name: person.id for name, person in people.items()}
        return Respondents(named.id, anonymous.id, ids)


def _publish_about(app: Flask, *surveys: int, staff_id: int | None = None) -> int:
    with app.test_request_context():
        record = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="The forms were too long.",
                status=UpdateStatus.DOING,
                links=[(LinkKind.SURVEY, survey_id) for survey_id in surveys],
            ),
            staff_id,
        )
        services.publish(record.id, staff_id)
        return record.id


def test_only_named_respondents_who_want_to_hear_get_a_message(
    app: Flask, respondents: Respondents, outbox_rows, send, mailbox: Mailbox
) -> None:
    update_id = _publish_about(app, respondents.named_survey, respondents.anonymous_survey)
    nia = respondents.people["Nia"]
    assert [(row.participant_id, row.address) for row in outbox_rows()] == [
        (nia, "nia@example.org")
    ]
    with app.test_request_context():
        services.change_status(update_id, UpdateStatus.DONE, "", None)
    assert [row.participant_id for row in outbox_rows()] == [nia, nia]
    assert send() == Outcome(sent=2)
    assert [message["To"] for message in mailbox.messages] == ["nia@example.org"] * 2


def test_an_anonymous_survey_never_leads_to_a_message_even_with_a_person_on_record(
    app: Flask, respondents: Respondents, outbox_rows
) -> None:
    _publish_about(app, respondents.anonymous_survey)
    assert outbox_rows() == []


def test_changes_to_a_draft_tell_nobody(app: Flask, ledger, outbox_rows) -> None:
    with app.test_request_context():
        record = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="More chairs.",
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        )
        services.change_status(record.id, UpdateStatus.DOING, "", ledger.coordinator)
    assert outbox_rows() == []


def test_someone_with_no_email_is_not_queued(updates, ledger, outbox_rows) -> None:
    assert {row.participant_id for row in outbox_rows()} == {ledger.participant}  # not Ben


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"hear_back": False}, "They stopped these messages"),
        ({"paused": True}, "They stopped these messages, or were paused"),
        ({"contact_ways": ["text"]}, "We no longer have a way to reach them"),
    ],
    ids=["stopped", "paused", "no-email-now"],
)
def test_a_change_of_mind_after_queuing_cancels_at_send_time(
    updates,
    ledger,
    mailbox: Mailbox,
    send,
    outbox_rows,
    change_person,
    change: dict,
    reason: str,
) -> None:
    change_person(ledger.participant, **change)
    assert send() == Outcome(cancelled=2)
    rows = outbox_rows()
    assert {row.status for row in rows} == {MessageStatus.CANCELLED}
    assert all(row.last_error.startswith(reason) for row in rows)
    assert mailbox.messages == []
    change_person(ledger.participant, hear_back=True, paused=False, contact_ways=["email"])
    assert send() == Outcome()  # a cancelled message stays cancelled
    assert mailbox.messages == []
