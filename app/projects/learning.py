"""A project's learning log: what worked, what didn't, what we will do differently."""

from __future__ import annotations

from sqlalchemy import select

from app.core.idempotency import use_key
from app.extensions import db
from app.projects.readiness import AlreadySaved
from app.projects.readiness_models import LearningEntry
from app.transactions import unit_of_work


@unit_of_work()
def add_entry(
    project_id: int,
    worked: str,
    did_not_work: str,
    differently: str,
    written_by: str,
    form_key: str | None,
) -> int:
    """Add one dated entry. A second send of the same form adds nothing."""
    if not use_key(form_key):
        raise AlreadySaved
    entry = LearningEntry(
        project_id=project_id,
        worked=worked,
        did_not_work=did_not_work,
        differently=differently,
        written_by=written_by,
    )
    db.session.add(entry)
    db.session.flush()
    return entry.id


def entries(project_id: int) -> list[LearningEntry]:
    """The project's learning log, newest first."""
    query = select(LearningEntry).where(LearningEntry.project_id == project_id)
    newest = (LearningEntry.created_at.desc(), LearningEntry.id.desc())
    return list(db.session.scalars(query.order_by(*newest)))
