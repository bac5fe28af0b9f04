"""Staff pages to check a project is ready (answer the questions, see where it stands and how
that changed) and to add to its learning log. Coordinators and admins answer; all staff read."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.auth.guard import signed_in_staff
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.extensions import db
from app.forms import form_page
from app.projects import learning
from app.projects import readiness
from app.projects.models import Project
from app.projects.readiness import QUESTIONS
from app.projects.readiness import TIPS
from app.projects.readiness_forms import TEAM
from app.projects.readiness_forms import LearningForm
from app.projects.readiness_forms import ReadinessForm
from app.projects.readiness_models import Barrier

bp = Blueprint("project_review", __name__, url_prefix="/staff/projects")
EDITORS = (Role.ADMIN, Role.COORDINATOR)


def _keyed() -> dict[str, str] | None:
    """A new form's data: a fresh key, so a double tap saves once; None for a post."""
    return {"form_key": new_key()} if request.method == "GET" else None


@bp.route("/<int:project_id>/readiness")
@roles_required(*ALL_STAFF)
def readiness_page(project_id: int) -> str:
    project = db.get_or_404(Project, project_id)
    checks = readiness.checks_of(project.id)
    return render_template(
        "projects/readiness.html",
        project=project,
        checks=checks,
        standings=readiness.standings(checks[-1]) if checks else [],
        history=readiness.history(checks),
        tips=TIPS,
        may_change=staff_has(*EDITORS),
    )


@bp.route("/<int:project_id>/readiness/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def check(project_id: int) -> Any:
    project = db.get_or_404(Project, project_id)
    form = ReadinessForm(data=_keyed())
    if form.validate_on_submit():
        team = form.by.data == TEAM
        who = form.team.data if team else signed_in_staff().name
        try:
            readiness.record_check(project.id, team, who, form.given(), form.form_key.data)
        except readiness.AlreadySaved:
            flash(_("These answers were already saved."))
        else:
            flash(_("The answers are saved."))
        return redirect(url_for(".readiness_page", project_id=project.id))
    return form_page(
        "projects/readiness_check.html",
        form,
        project=project,
        barriers=[(b, [q for q in QUESTIONS if q.barrier == b]) for b in Barrier],
    )


@bp.route("/<int:project_id>/learning/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def learning_entry(project_id: int) -> Any:
    project = db.get_or_404(Project, project_id)
    form = LearningForm(data=_keyed())
    if form.validate_on_submit():
        try:
            learning.add_entry(
                project.id,
                form.worked.data or "",
                form.did_not_work.data or "",
                form.differently.data or "",
                signed_in_staff().name,
                form.form_key.data,
            )
        except readiness.AlreadySaved:
            flash(_("This entry was already saved."))
        else:
            flash(_("The entry is added to the learning log."))
        return redirect(url_for("project_pages.show", project_id=project.id) + "#learning")
    return form_page("projects/learning_entry.html", form, project=project)
