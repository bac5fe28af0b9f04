"""Project use cases: start one (blank or from a template), change its plan and checklist,
and the lists other areas choose a project from. One transaction each."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.core.idempotency import use_key
from app.extensions import db
from app.projects.models import AccessCheck
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.projects.plan import PLAN_KEYS
from app.projects.starters import STARTERS
from app.transactions import unit_of_work


class AlreadyDone(Exception):
    """The same form was sent twice; the first one counted."""


class NameTaken(Exception):
    """Another project already has this name (names are told apart without capitals)."""


@dataclass(frozen=True)
class CheckRow:
    item: AccessItem
    done: bool
    note: str


def project_rows() -> list[Project]:
    """Every project, by name."""
    return list(db.session.scalars(select(Project).order_by(func.lower(Project.name), Project.id)))


def project_choices() -> list[tuple[int, str]]:
    """(id, name) of every project, by name: what a survey, session or update can belong to."""
    return [(p.id, p.name) for p in project_rows()]


def get(project_id: int) -> Project | None:
    return db.session.get(Project, project_id)


def project_name(project_id: int | None) -> str:
    project = db.session.get(Project, project_id) if project_id else None
    return project.name if project else ""


def _named(name: str, project_id: int | None = None) -> int | None:
    return db.session.scalar(
        select(Project.id).where(func.lower(Project.name) == name.lower(), Project.id != project_id)
    )


def _flush_unless_name_taken() -> None:
    try:
        db.session.flush()
    except IntegrityError as error:  # someone else took the name a moment ago
        raise NameTaken from error


@unit_of_work()
def start(name: str, starter_key: str, form_key: str | None) -> int:
    """A new project, its plan and checklist notes filled in from the template if one was
    chosen ("" for blank), in the current language. A second send of the form adds nothing."""
    if not use_key(form_key):
        raise AlreadyDone
    if _named(name) is not None:
        raise NameTaken
    starter = STARTERS.get(starter_key)
    project = Project(
        name=name, stage=ProjectStage.PLANNING, started_from=starter_key if starter else ""
    )
    for key in PLAN_KEYS:
        setattr(project, key, str(starter.plan.get(key, "")) if starter else "")
    project.checks = [
        AccessCheck(item=item, done=False, note=str(starter.notes.get(item, "")) if starter else "")
        for item in AccessItem
    ]
    project.touch()
    db.session.add(project)
    _flush_unless_name_taken()
    return project.id


def named_project(name: str) -> int:
    """The project with this name, started blank if there is none (a session's "new project").
    Call inside a unit of work."""
    existing = _named(name)
    if existing is not None:
        return existing
    project = Project(name=name, checks=[AccessCheck(item=item) for item in AccessItem])
    project.touch()
    db.session.add(project)
    db.session.flush()
    return project.id


@unit_of_work()
def change_plan(project: Project, name: str, stage: ProjectStage, plan: dict[str, str]) -> None:
    """Save the name, stage and every part of the plan (an empty part is allowed)."""
    if _named(name, project.id) is not None:
        raise NameTaken
    project.name, project.stage = name, stage
    for key in PLAN_KEYS:
        setattr(project, key, plan.get(key, ""))
    project.touch()
    _flush_unless_name_taken()


def checklist(project: Project) -> list[CheckRow]:
    """Every checklist item in order, "not yet" with no note where nothing was saved."""
    saved = {check.item: check for check in project.checks}
    return [
        CheckRow(item, saved[item].done, saved[item].note)
        if item in saved
        else CheckRow(item, False, "")
        for item in AccessItem
    ]


@unit_of_work()
def change_checklist(project: Project, rows: list[CheckRow]) -> None:
    saved = {check.item: check for check in project.checks}
    for row in rows:
        check = saved.get(row.item)
        if check is None:
            check = AccessCheck(item=row.item)
            project.checks.append(check)
        check.done, check.note = row.done, row.note
    project.touch()
