"""Migration 0022: projects made before it keep their name and sessions, start at "planning"
with an empty plan, and get a checklist with every item "not yet"; it undoes cleanly."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade
from flask_migrate import upgrade
from sqlalchemy import text

from app.extensions import db
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage


def test_projects_made_before_get_a_stage_and_a_checklist(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        try:
            downgrade(revision="0020")
            with db.engine.begin() as connection:
                connection.execute(
                    text("INSERT INTO projects (name, created_at) VALUES ('Old project', :now)"),
                    {"now": "2025-01-01 00:00:00"},
                )
        finally:
            upgrade()
        project = db.session.query(Project).one()
        assert project.name == "Old project" and project.stage == ProjectStage.PLANNING
        assert project.why == "" and project.started_from == ""
        assert sorted(c.item for c in project.checks) == sorted(AccessItem)
        assert not any(c.done or c.note for c in project.checks)
