"""The demo has two projects at different stages, their plans written, and the demo survey,
sessions and updates belong to them; each project's page shows them."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.extensions import db
from app.feedback.models import Update
from app.ledger.models import InvolvementSession
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.projects.plan import PLAN_KEYS
from app.surveys.models import Survey
from tests.conftest import sign_in


def _count(model, project_id: int) -> int:
    return db.session.scalar(select(func.count(model.id)).where(model.project_id == project_id))


def test_the_demo_has_two_projects_at_different_stages_with_their_work(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["withus", "seed-demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        projects = {p.name: p for p in db.session.scalars(select(Project))}
        cafe, advice = projects["Café review"], projects["Advice service redesign"]
        assert (cafe.stage, advice.stage) == (ProjectStage.RUNNING, ProjectStage.PLANNING)
        assert all(getattr(cafe, key) for key in PLAN_KEYS)
        assert 0 < sum(bool(getattr(advice, key)) for key in PLAN_KEYS) < len(PLAN_KEYS)
        assert sum(c.done for c in cafe.checks) > sum(c.done for c in advice.checks) > 0
        assert _count(Survey, cafe.id) == 1
        for project in (cafe, advice):
            assert _count(InvolvementSession, project.id) > 0 and _count(Update, project.id) > 0
        cafe_id = cafe.id
    with app.test_client() as client:
        sign_in(client, "coordinator@demo.withus.test", "demo-coordinator-password")
        page = client.get(f"/staff/projects/{cafe_id}").get_data(as_text=True)
    assert "Under way" in page and "Ask people what should change" in page
    assert re.search(r"\d+ people came to this project.s sessions\.", page)
    assert "Arabic interpreter booked for every workshop." in page
    assert "Writing ideas on cards first" in page  # the learning log
    assert page.index("Paying bus fares in cash") < page.index("Writing ideas on cards first")


def test_the_demo_cafe_review_shows_readiness_changing_over_two_checks(app: Flask) -> None:
    assert app.test_cli_runner().invoke(args=["withus", "seed-demo"]).exit_code == 0
    with app.app_context():
        cafe_id = db.session.scalar(select(Project.id).where(Project.name == "Café review"))
    with app.test_client() as client:
        sign_in(client, "trustee@demo.withus.test", "demo-viewer-password")
        page = client.get(f"/staff/projects/{cafe_id}/readiness").get_data(as_text=True)
    assert "Yes (was Not yet)" in page and "Partly (was Not yet)" in page
    assert "Answered as a team:" in page and "Meeting the community fund" in page
