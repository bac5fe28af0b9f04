"""The rules of updates: dated history, honest reasons, one publish, messages queued with changes."""

from __future__ import annotations

import threading

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.feedback import services
from app.feedback import sources
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateStatus
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme


def _messages(app: Flask) -> list[OutboxMessage]:
    with app.app_context():
        return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _events(app: Flask, update_id: int) -> list[tuple[EventKind, UpdateStatus, str]]:
    with app.app_context():
        rows = db.session.scalars(
            select(UpdateEvent).where(UpdateEvent.update_id == update_id).order_by(UpdateEvent.id)
        )
        return [(e.kind, e.status, e.reason) for e in rows]


def test_history_keeps_every_status_with_its_reason(app: Flask, updates) -> None:
    with app.test_request_context():
        services.change_status(updates.published, UpdateStatus.DONE, "", updates.coordinator)
        services.change_status(
            updates.published, UpdateStatus.CANT_DO, "The landlord said no.", updates.coordinator
        )
    assert _events(app, updates.published) == [
        (EventKind.STATUS, UpdateStatus.DOING, ""),
        (EventKind.PUBLISHED, UpdateStatus.DOING, ""),
        (EventKind.STATUS, UpdateStatus.DONE, ""),
        (EventKind.STATUS, UpdateStatus.CANT_DO, "The landlord said no."),
    ]


def test_cant_do_needs_a_plain_reason_and_the_database_agrees(app: Flask, updates) -> None:
    with app.test_request_context():
        with pytest.raises(services.UpdateError, match="Say why we can't do this"):
            services.change_status(updates.draft, UpdateStatus.CANT_DO, "  ", None)
        with pytest.raises(services.UpdateError):
            services.create(
                services.UpdateDraft(body="We changed it.", said="x", status=UpdateStatus.CANT_DO),
                None,
            )
        record = db.session.get(Update, updates.draft)
        record.status, record.reason = UpdateStatus.CANT_DO, ""
        with pytest.raises(Exception, match="cant_do_has_reason|CHECK"):
            db.session.commit()
        db.session.rollback()


def test_the_same_status_twice_changes_nothing(app: Flask, updates) -> None:
    with app.test_request_context():
        before = len(_messages(app))
        with pytest.raises(services.AlreadyDone):
            services.change_status(updates.published, UpdateStatus.DOING, "", None)
    assert len(_events(app, updates.published)) == 2
    assert len(_messages(app)) == before


def test_drafts_queue_no_messages_until_published(app: Flask, ledger, survey) -> None:
    with app.test_request_context():
        made = services.create(
            services.UpdateDraft(
                body="We changed it.", said="More seats", links=[(LinkKind.SESSION, ledger.session)]
            ),
            None,
        ).id
        services.change_status(made, UpdateStatus.DOING, "", None)
        assert _messages(app) == []
        services.publish(made, None)
        services.change_status(made, UpdateStatus.DONE, "", None)
    sent_to = [(m.address, m.language) for m in _messages(app)]
    # Ama attended and hears back (in Welsh); Ben attended but has no email and did not ask.
    assert sent_to == [("ama@example.org", "cy"), ("ama@example.org", "cy")]


def test_publishing_from_many_requests_at_once_publishes_once(app: Flask, ledger) -> None:
    with app.test_request_context():
        made = services.create(
            services.UpdateDraft(
                body="We changed it.",
                said="Cheaper tea",
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            None,
        ).id
    barrier, outcomes = threading.Barrier(6), []

    def publish() -> None:
        with app.test_request_context():
            barrier.wait()
            try:
                services.publish(made, None)
                outcomes.append("published")
            except services.AlreadyDone:
                outcomes.append("already")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=publish) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already"] * 5 + ["published"]
    kinds = [kind for kind, _status, _reason in _events(app, made)]
    assert kinds.count(EventKind.PUBLISHED) == 1
    assert len(_messages(app)) == 1


def test_a_repeated_form_key_saves_one_update(app: Flask) -> None:
    with app.test_request_context():
        draft = services.UpdateDraft(body="We changed it.", said="Warmer room")
        services.create(draft, None, form_key="k" * 32)
        with pytest.raises(services.AlreadyDone):
            services.create(draft, None, form_key="k" * 32)
        assert db.session.scalar(select(func.count(Update.id))) == 1


def test_edit_refuses_a_stale_version_and_keeps_the_newer_words(app: Flask, updates) -> None:
    with app.test_request_context():
        version = db.session.get(Update, updates.draft).version
        services.edit(
            updates.draft, services.UpdateDraft(body="We changed it.", said="First"), None, version
        )
        with pytest.raises(services.UpdateError, match="Someone else changed"):
            services.edit(
                updates.draft,
                services.UpdateDraft(body="We changed it.", said="Second"),
                None,
                version,
            )
        db.session.expire_all()
        assert db.session.get(Update, updates.draft).said == "First"


def test_links_to_things_that_do_not_exist_are_refused(app: Flask) -> None:
    with app.test_request_context(), pytest.raises(services.UpdateError):
        services.create(
            services.UpdateDraft(
                body="We changed it.", said="x", links=[(LinkKind.THEME, 999_999)]
            ),
            None,
        )


def test_unpublishing_needs_a_reason_and_keeps_it(app: Flask, updates) -> None:
    with app.test_request_context():
        with pytest.raises(services.UpdateError):
            services.unpublish(updates.published, " ", None)
        services.unpublish(updates.published, "It named a person by mistake.", None)
        with pytest.raises(services.AlreadyDone):
            services.unpublish(updates.published, "Again", None)
        assert db.session.get(Update, updates.published).published is False
    assert _events(app, updates.published)[-1] == (
        EventKind.UNPUBLISHED,
        UpdateStatus.DOING,
        "It named a person by mistake.",
    )


def _named_survey_with_answers(survey_id: int, people: list[int | None]) -> tuple[int, int]:
    """Make the demo survey named, with one submitted answer per person, all tagged with a theme."""
    db.session.get(Survey, survey_id).anonymous = False
    theme = Theme(survey_id=survey_id, name="Prices")
    db.session.add(theme)
    db.session.flush()
    question = db.session.get(Survey, survey_id).questions[-1].id
    for person in people:
        response = Response(
            survey_id=survey_id,
            language="en",
            status=ResponseStatus.SUBMITTED,
            participant_id=person,
            answers=[Answer(question_id=question, value="Too dear")],
        )
        db.session.add(response)
        db.session.flush()
        db.session.add(AnswerTheme(answer_id=response.answers[0].id, theme_id=theme.id))
    db.session.commit()
    return theme.id, question


def test_people_are_counted_from_the_theme_and_only_named_opted_in_people_are_told(
    app: Flask, survey, ledger
) -> None:
    with app.test_request_context():
        quiet = Participant(name="Cy", email="cy@example.org", hear_back=False)
        paused = Participant(name="Di", email="di@example.org", hear_back=True, paused=True)
        db.session.add_all([quiet, paused])
        db.session.flush()
        theme, _question = _named_survey_with_answers(
            survey.id, [ledger.participant, quiet.id, paused.id, None]
        )
        made = services.create(
            services.UpdateDraft(
                body="We changed it.", said="Prices", links=[(LinkKind.THEME, theme)]
            ),
            None,
        )
        assert sources.people_behind(made) == 4  # everyone tagged, the anonymous one too
        services.publish(made.id, None)
    assert [m.address for m in _messages(app)] == ["ama@example.org"]


def test_answers_to_an_anonymous_survey_never_reach_anyone(app: Flask, survey, ledger) -> None:
    with app.test_request_context():
        theme, _question = _named_survey_with_answers(survey.id, [ledger.participant])
        db.session.get(Survey, survey.id).anonymous = True  # made anonymous after the fact
        db.session.commit()
        made = services.create(
            services.UpdateDraft(
                body="We changed it.", said="Prices", links=[(LinkKind.THEME, theme)]
            ),
            None,
        )
        services.publish(made.id, None)
    assert _messages(app) == []
