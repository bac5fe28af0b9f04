"""Staff pages to list projects, start one, and change its plan and checklist. The page that
shows a project with its surveys, sessions and updates is app/project_pages/."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.auth.guard import roles_required
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.extensions import db
from app.forms import form_page
from app.projects import services
from app.projects.forms import BLANK
from app.projects.forms import ChecklistForm
from app.projects.forms import PlanForm
from app.projects.forms import StartForm
from app.projects.forms import checklist_data
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.projects.plan import ACCESS_HINTS
from app.projects.plan import PLAN
from app.projects.starters import STARTERS

bp = Blueprint("projects", __name__, url_prefix="/staff/projects")
EDITORS = (Role.ADMIN, Role.COORDINATOR)
NAME_TAKEN = _l("Another project already has this name. Choose a different name.")


def _project_or_404(project_id: int) -> Project:
    return db.get_or_404(Project, project_id)


def _shown(project_id: int) -> Any:
    return redirect(url_for("project_pages.show", project_id=project_id))


@bp.route("/")
@roles_required(*ALL_STAFF)
def index() -> str:
    return render_template(
        "projects/index.html", projects=services.project_rows(), may_change=staff_has(*EDITORS)
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def start() -> Any:
    form = StartForm(data={"form_key": new_key()} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            project_id = services.start(form.name.data, form.starter.data, form.form_key.data)
        except services.AlreadyDone:
            flash(_("That project was already started."))
            return redirect(url_for(".index"))
        except services.NameTaken:
            form.name.errors.append(str(NAME_TAKEN))
        else:
            flash(_("Project started. Change anything in its plan to fit."))
            return _shown(project_id)
    hints = {s.key: s.about for s in STARTERS.values()}
    hints[BLANK] = _("Every part of the plan starts empty. Fill in only what you know.")
    return form_page("projects/start.html", form, hints=hints)


@bp.route("/<int:project_id>/plan", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def plan(project_id: int) -> Any:
    project = _project_or_404(project_id)
    saved = {"name": project.name, "stage": project.stage.value}
    saved.update({part.key: getattr(project, part.key) for part in PLAN})
    form = PlanForm(data=saved if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            services.change_plan(
                project, form.name.data, ProjectStage(form.stage.data), form.plan()
            )
        except services.NameTaken:
            form.name.errors.append(str(NAME_TAKEN))
        else:
            flash(_("The plan is saved."))
            return _shown(project.id)
    return form_page("projects/plan.html", form, project=project, plan=PLAN)


@bp.route("/<int:project_id>/checklist", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def checklist(project_id: int) -> Any:
    project = _project_or_404(project_id)
    saved = checklist_data(services.checklist(project))
    form = ChecklistForm(data=saved if request.method == "GET" else None)
    if form.validate_on_submit():
        services.change_checklist(project, form.rows())
        flash(_("The checklist is saved."))
        return _shown(project.id)
    return form_page(
        "projects/checklist.html", form, project=project, items=list(AccessItem), hints=ACCESS_HINTS
    )
