"""Page views read beside the writer; anything that writes takes the write lock first."""

from __future__ import annotations

import sqlite3

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update

from app.auth.guard import public
from app.extensions import db
from app.surveys.models import Survey
from app.transactions import WriteInReadTransaction
from app.transactions import writing
from tests.conftest import MadeSurvey
from tests.conftest import build_app


def _app_with_writing_pages(database_url: str) -> Flask:
    """An app with two extra GET pages: one that forgets to say it writes, one that says so."""
    application = build_app(database_url)

    @public
    def forgets(survey_id: int) -> str:
        db.session.execute(update(Survey).where(Survey.id == survey_id).values(title="Changed"))
        db.session.commit()
        return "changed"

    @public
    def says_so(survey_id: int) -> str:
        title = db.session.scalar(select(Survey.title).where(Survey.id == survey_id))
        with writing():
            db.session.execute(update(Survey).where(Survey.id == survey_id).values(title="Said"))
            db.session.commit()
        return f"was {title}"

    application.add_url_rule("/test/forgets/<int:survey_id>", view_func=forgets)
    application.add_url_rule("/test/says-so/<int:survey_id>", view_func=says_so)
    return application


def _title(app: Flask, survey_id: int) -> str:
    with app.app_context():
        return db.session.get(Survey, survey_id).title


def test_a_page_view_that_writes_without_saying_so_is_refused(
    database_url: str, survey: MadeSurvey
) -> None:
    application = _app_with_writing_pages(database_url)
    with pytest.raises(WriteInReadTransaction):
        application.test_client().get(f"/test/forgets/{survey.id}")
    assert _title(application, survey.id) != "Changed"


def test_a_page_view_that_says_it_writes_writes(database_url: str, survey: MadeSurvey) -> None:
    application = _app_with_writing_pages(database_url)
    response = application.test_client().get(f"/test/says-so/{survey.id}")
    assert response.status_code == 200
    assert _title(application, survey.id) == "Said"


def test_a_post_may_write_without_ceremony(database_url: str, survey: MadeSurvey) -> None:
    application = _app_with_writing_pages(database_url)
    application.add_url_rule(
        "/test/post/<int:survey_id>",
        endpoint="post_writes",
        view_func=application.view_functions["forgets"],
        methods=["POST"],
    )
    application.config["WTF_CSRF_ENABLED"] = False
    assert application.test_client().post(f"/test/post/{survey.id}").status_code == 200
    assert _title(application, survey.id) == "Changed"


def test_survey_pages_open_while_another_writer_holds_the_write_lock(
    app: Flask, client, survey: MadeSurvey
) -> None:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's single write lock only")
        path = db.engine.url.database
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a long answer being saved, say
        for path_ in ("/", "/s/cafe", "/updates"):
            assert client.get(path_).status_code == 200, path_
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_commands_and_services_begin_writing_transactions(app: Flask, survey: MadeSurvey) -> None:
    """Outside a request nothing is a reader, so a service's read-then-write cannot deadlock."""
    with app.app_context():
        db.session.execute(text("SELECT 1"))
        db.session.execute(update(Survey).where(Survey.id == survey.id).values(title="Ok"))
        db.session.commit()
    assert _title(app, survey.id) == "Ok"
