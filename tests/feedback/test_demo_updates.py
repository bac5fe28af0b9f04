"""The demo "You said, we did" log: a dozen real-looking updates, translated, linked and dated."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.core.markup import render_markdown
from app.db import as_utc
from app.db import utcnow
from app.demo.updates import THEMES
from app.demo.updates import UPDATES
from app.extensions import db
from app.feedback import services
from app.feedback import sources
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import Project
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.surveys.models import Survey
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Theme

LANGUAGES = ("cy", "pl", "ar", "ur", "bn")
ADDRESS = re.compile(r"https://\S+")


@pytest.fixture
def demo(app: Flask) -> None:
    """Demo data loaded the way `make run` loads it: the seed-demo command, no request."""
    result = app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert "admin@demo.withus.test" in result.output


def _updates() -> list[Update]:
    return list(db.session.scalars(select(Update).order_by(Update.id)))


def test_a_dozen_updates_in_every_status_ten_of_them_public(app: Flask, demo: None) -> None:
    with app.app_context():
        updates = _updates()
        assert len(updates) == len(UPDATES) == 12
        assert {u.status for u in updates} == set(UpdateStatus)
        assert sum(u.published for u in updates) == 10
        assert all(u.reason.strip() for u in updates if u.status == UpdateStatus.CANT_DO)
        assert not any(u.reason for u in updates if u.status != UpdateStatus.CANT_DO)


def test_every_update_is_fully_translated_keeping_its_lists_and_links(
    app: Flask, demo: None
) -> None:
    with app.app_context():
        for update in _updates():
            wanted = {"said", "body"} | (
                {"reason"} if update.status == UpdateStatus.CANT_DO else set()
            )
            english = str(render_markdown(update.body))
            for language in LANGUAGES:
                texts = services.translations(update.id, language)
                assert set(texts) == wanted, (update.said, language)
                assert texts["said"] != update.said and texts["body"] != update.body
                body = str(render_markdown(texts["body"]))
                for tag in ("<li>", "<a ", "<strong>"):
                    assert body.count(tag) == english.count(tag), (update.said, language, tag)
                assert ADDRESS.findall(texts["body"]) == ADDRESS.findall(update.body)


def test_links_resolve_to_the_demo_survey_themes_sessions_and_projects(
    app: Flask, demo: None
) -> None:
    with app.app_context():
        survey_id = db.session.scalar(select(Survey.id))
        for update in _updates():
            found = sources.sources(update)
            assert found, update.said
            for source in found:
                assert source.name and source.people > 0, (update.said, source)
                if source.kind == LinkKind.THEME:
                    assert source.survey_id == survey_id
            sessions = [s.target_id for s in found if s.kind == LinkKind.SESSION]
            for session_id in sessions:
                held = db.session.get(InvolvementSession, session_id).held_on
                assert held <= as_utc(update.created_at).date(), "linked to a later session"
            if update.project_id is not None:
                assert db.session.get(Project, update.project_id) is not None


def test_themes_are_counted_from_tagged_demo_answers(app: Flask, demo: None) -> None:
    with app.app_context():
        counts = dict(
            db.session.execute(
                select(Theme.name, func.count(AnswerTheme.answer_id))
                .join(AnswerTheme, AnswerTheme.theme_id == Theme.id)
                .group_by(Theme.name)
            ).all()
        )
        assert set(counts) == set(THEMES) and min(counts.values()) > 0


def test_history_moves_forward_over_the_last_six_months(app: Flask, demo: None) -> None:
    with app.app_context():
        now = utcnow()
        moved_far = 0
        for update in _updates():
            moments = [as_utc(e.at) for e in update.events]
            assert moments == sorted(moments) and len(set(moments)) == len(moments)
            assert now - timedelta(days=190) < moments[0] and moments[-1] < now
            statuses = [e.status for e in update.events if e.kind == EventKind.STATUS]
            assert statuses[-1] == update.status and len(set(statuses)) == len(statuses)
            moved_far += len(statuses) >= 3
            published = [as_utc(e.at) for e in update.events if e.kind == EventKind.PUBLISHED]
            assert published == ([as_utc(update.published_at)] if update.published else [])
            assert as_utc(update.created_at) == moments[0]
            assert as_utc(update.changed_at) == moments[-1]
        first = min(as_utc(u.created_at) for u in _updates())
        assert now - first > timedelta(days=150) and moved_far >= 3


def test_publishing_queued_messages_in_each_persons_language_dated_with_the_change(
    app: Flask, demo: None
) -> None:
    with app.app_context():
        messages = list(db.session.scalars(select(OutboxMessage)))
        assert {m.language for m in messages} > {"en"}
        for message in messages:
            person = db.session.get(Participant, message.participant_id)
            assert person.hear_back and message.address == person.email
            assert message.language == person.preferred_language
            event = db.session.get(UpdateEvent, message.event_id)
            assert as_utc(message.created_at) == as_utc(event.at)
            assert message.status == MessageStatus.SENT  # old news went out at the time
            update = db.session.get(Update, event.update_id)
            said = services.translations(update.id, message.language).get("said", update.said)
            assert said in message.body


def test_the_public_log_shows_the_demo_updates_but_not_the_drafts(
    app: Flask, demo: None, client
) -> None:
    with app.app_context():
        updates = [(u.id, u.published, u.said) for u in _updates()]
    listing = client.get("/updates").get_data(as_text=True)
    for update_id, public, said in updates:
        page = client.get(f"/updates/{update_id}?locale=ar")
        assert page.status_code == (200 if public else 404)
        assert (f"/updates/{update_id}" in listing) == public, said
