"""The staff page of one project. Starting and editing projects is app/projects/views.py."""

from __future__ import annotations

from flask import Blueprint
from flask import render_template

from app.auth.guard import roles_required
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.extensions import db
from app.project_pages.overview import overview
from app.projects.learning import entries
from app.projects.models import Project
from app.projects.plan import ACCESS_HINTS
from app.projects.readiness import last_checked
from app.projects.starters import STARTERS
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import results_path

bp = Blueprint("project_pages", __name__, url_prefix="/staff/projects")
EDITORS = (Role.ADMIN, Role.COORDINATOR)


@bp.route("/<int:project_id>")
@roles_required(*ALL_STAFF)
def show(project_id: int) -> str:
    project = db.get_or_404(Project, project_id)
    editor = staff_has(*EDITORS)
    starter = STARTERS.get(project.started_from)
    return render_template(
        "projects/show.html",
        view=overview(project, show_names=editor),
        may_change=editor,
        can_build=staff_has(*BUILDERS),
        started_from=starter.title if starter else None,
        access_hints=ACCESS_HINTS,
        results_path=results_path,
        last_checked=last_checked(project.id),
        learning=entries(project.id),
    )
