"""Public pages drawn once and shared (app/core/shared_pages.py): never stale, never personal."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete
from sqlalchemy import text

from app.core import shared_pages
from app.db import utcnow
from app.extensions import db
from app.feedback.models import UpdateStatus
from app.ledger.models import Attendance
from app.surveys.models import Survey
from tests.conftest import CheckingClient
from tests.conftest import LedgerData
from tests.conftest import MadeSurvey
from tests.conftest import UpdatesData
from tests.feedback.public_helpers import make_update
from tests.feedback.public_helpers import take_down
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import form_key
from tests.surveys.helpers import start
from tests.surveys.helpers import token

PAGES = ["/", "/s/cafe", "/updates", "/updates?status=doing"]


def _visitor(app: Flask, language: str = "en") -> FlaskClient:
    client = app.test_client()
    client.__class__ = CheckingClient
    client.set_cookie("lang", language)
    return client


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def _generation(app: Flask) -> int:
    with app.app_context():
        return db.session.execute(shared_pages._GENERATION).scalar_one()


def _without_tokens(page: str) -> str:
    return re.sub(r'(name="(?:csrf_token|form_key)" type="hidden" value=")[^"]+', r"\1-", page)


@pytest.mark.parametrize("path", PAGES)
def test_a_shared_page_is_the_page_drawn_afresh_but_for_its_own_tokens(
    app: Flask, survey: MadeSurvey, updates: UpdatesData, path: str
) -> None:
    first, second = _page(_visitor(app), path), _page(_visitor(app), path)
    app.config["SHARED_PAGES"] = False
    try:
        fresh = _page(_visitor(app), path)
    finally:
        app.config["SHARED_PAGES"] = True
    assert _without_tokens(first) == _without_tokens(second) == _without_tokens(fresh)
    if path == "/s/cafe":  # each visitor gets a form of their own
        assert token(first) != token(second) and form_key(first) != form_key(second)


def test_the_second_visitor_is_served_from_the_copy_in_one_small_query(
    app: Flask, survey: MadeSurvey, count_queries
) -> None:
    _page(_visitor(app), "/s/cafe")
    with count_queries() as queries:
        _page(_visitor(app), "/s/cafe")
    assert queries == [shared_pages._GENERATION.text]


def test_a_visitor_starts_the_survey_from_a_shared_page_and_a_double_tap_saves_once(
    app: Flask, survey: MadeSurvey
) -> None:
    _page(_visitor(app), "/s/cafe")  # someone else drew the page
    client = _visitor(app)
    assert start(client, survey)  # the shared page's token and key work for this visitor
    other = _visitor(app)
    page = _page(other, "/s/cafe")
    data = {"csrf_token": token(page), "form_key": form_key(page)}
    assert other.post("/s/cafe", data=data).status_code == 302
    assert other.post("/s/cafe", data=data).status_code == 302  # the reply was lost: same one
    with app.app_context():
        count = db.session.execute(text("SELECT count(*) FROM responses")).scalar_one()
    assert count == 2


def test_each_language_has_its_own_copy(app: Flask, survey: MadeSurvey) -> None:
    english, welsh = _page(_visitor(app), "/s/cafe"), _page(_visitor(app, "cy"), "/s/cafe")
    assert 'lang="en"' in english and 'lang="cy"' in welsh
    assert _without_tokens(_page(_visitor(app, "cy"), "/s/cafe")) == _without_tokens(welsh)


def test_a_staff_edit_shows_at_once(app: Flask, survey: MadeSurvey) -> None:
    with app.app_context():
        title = db.session.get(Survey, survey.id).title
    assert title in _page(_visitor(app), "/s/cafe")
    with app.app_context():
        db.session.get(Survey, survey.id).title = "A new name for the survey"
        db.session.commit()
    assert "A new name for the survey" in _page(_visitor(app), "/s/cafe")


def test_a_take_down_leaves_the_public_list_at_once(app: Flask, updates: UpdatesData) -> None:
    said = "The café closes too early for people who work."
    assert said in _page(_visitor(app), "/updates")
    assert said in _page(_visitor(app), f"/updates/{updates.published}")
    take_down(app, updates.published)
    assert said not in _page(_visitor(app), "/updates")
    assert _visitor(app).get(f"/updates/{updates.published}").status_code == 404


def test_a_new_update_and_a_new_person_at_a_session_show_at_once(
    app: Flask, updates: UpdatesData, ledger: LedgerData
) -> None:
    before = _page(_visitor(app), f"/updates/{updates.published}")
    make_update(app, "A brand new update.", status=UpdateStatus.DONE)
    assert "A brand new update." in _page(_visitor(app), "/updates")
    with app.app_context():  # Ben was not there after all: one person fewer behind it
        db.session.execute(
            delete(Attendance).where(
                Attendance.session_id == ledger.session,
                Attendance.participant_id == ledger.other_participant,
            )
        )
        db.session.commit()
    assert _page(_visitor(app), f"/updates/{updates.published}") != before


def test_the_counter_moves_on_every_change_the_public_can_see_and_not_on_answers(
    app: Flask, survey: MadeSurvey, updates: UpdatesData
) -> None:
    moved = _generation(app)
    with app.app_context():
        db.session.execute(text("UPDATE update_texts SET text = text || '.'"))
        db.session.commit()
    assert _generation(app) > moved
    moved = _generation(app)
    client = _visitor(app)
    start(client, survey)  # a response begun, consent given...
    for key, data in FULL_ANSWERS.items():
        answer(client, survey, key, data)
    page = client.get("/s/cafe/check").get_data(as_text=True)
    assert client.post("/s/cafe/check", data={"csrf_token": token(page)}).status_code == 302
    assert _generation(app) == moved  # ...answered and sent (and numbered): no public page moved
    with app.app_context():  # a sent response withdrawn changes who stands behind an update
        db.session.execute(text("UPDATE responses SET withdrawn_at = CURRENT_TIMESTAMP"))
        db.session.commit()
    assert _generation(app) > moved


def test_a_page_that_changes_by_the_clock_is_not_kept_past_that_moment(
    app: Flask, survey: MadeSurvey, monkeypatch: pytest.MonkeyPatch
) -> None:
    closes = utcnow() + timedelta(hours=1)
    with app.app_context():
        db.session.get(Survey, survey.id).closes_at = closes
        db.session.commit()
    assert "Start now" in _page(_visitor(app), "/s/cafe")
    later = closes + timedelta(minutes=1)
    monkeypatch.setattr("app.surveys.content.utcnow", lambda: later)
    monkeypatch.setattr(shared_pages.time, "time", lambda: later.timestamp())
    assert "not taking answers" in _page(_visitor(app), "/s/cafe")


def test_nobody_gets_a_page_with_something_of_their_own_or_someone_elses(
    app: Flask, survey: MadeSurvey, ledger: LedgerData, participant_client
) -> None:
    anonymous = _page(_visitor(app), "/")
    signed_in = _page(participant_client(ledger.participant), "/")
    own = '<a href="/me">'
    assert own in signed_in and own not in anonymous
    assert own not in _page(_visitor(app), "/")  # their page was never shared
    walker = _visitor(app)
    start(walker, survey)
    assert "Carry on where you stopped" in _page(walker, "/s/cafe")
    assert "Carry on where you stopped" not in _page(_visitor(app), "/s/cafe")


def test_broken_or_personal_answers_are_never_kept(app: Flask, survey: MadeSurvey) -> None:
    assert _visitor(app).get("/s/no-such-survey").status_code == 404
    assert all("/s/no-such-survey" not in key[1] for key in _store_keys(app))
    was = _generation(app)
    with app.app_context():
        db.session.execute(text("DELETE FROM shared_page_generation"))
        db.session.commit()
    try:  # no counter to check against: every page is drawn afresh, never from a copy
        first = _page(_visitor(app), "/s/cafe")
        with app.app_context():
            db.session.get(Survey, survey.id).title = "Drawn afresh"
            db.session.commit()
        assert "Drawn afresh" in _page(_visitor(app), "/s/cafe") and first
    finally:
        with app.app_context():
            db.session.execute(
                text("INSERT INTO shared_page_generation (name, generation) VALUES ('public', :g)"),
                {"g": was + 1},
            )
            db.session.commit()


def _store_keys(app: Flask) -> list[tuple[str, ...]]:
    with app.app_context():
        return list(shared_pages._store().pages)
