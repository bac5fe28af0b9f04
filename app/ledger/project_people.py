"""Who took part in a project: everyone who came to one of its sessions."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import InvolvementSession
from app.people.models import Participant


def people_in_project(project_id: int) -> list[Participant]:
    """Each person who came to any of the project's sessions, once, by name."""
    came = (
        select(Attendance.participant_id)
        .join(InvolvementSession, InvolvementSession.id == Attendance.session_id)
        .where(InvolvementSession.project_id == project_id)
    )
    return list(
        db.session.scalars(
            select(Participant)
            .where(Participant.id.in_(came))
            .order_by(Participant.name, Participant.id)
        )
    )
