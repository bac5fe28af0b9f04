"""Everything a project's page shows, gathered from each area in a few queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from app.feedback.admin.reading import project_updates
from app.feedback.models import Update
from app.ledger.project_people import people_in_project
from app.ledger.sessions import SessionRow
from app.ledger.sessions import recent_sessions
from app.people.forms import ACCESS_NEED_WORDS
from app.people.models import ACCESS_NEEDS
from app.projects.models import Project
from app.projects.plan import PLAN
from app.projects.services import CheckRow
from app.projects.services import checklist
from app.surveys.builder.services import SurveyRow
from app.surveys.builder.services import survey_rows

ALL_SESSIONS = 10_000  # a project's page lists every session it has


@dataclass(frozen=True)
class Overview:
    project: Project
    plan: list[tuple[Any, str]]  # (the part's question, what was written, maybe "")
    checks: list[CheckRow]
    surveys: list[SurveyRow]
    sessions: list[SessionRow]
    updates: list[Update]
    people: int  # how many different people came to its sessions
    names: list[str]  # their names, only for those allowed to see them; else empty
    needs: list[tuple[Any, int]]  # (what people need, how many people need it), never who

    @property
    def minutes_given(self) -> int:
        """Time people gave: each session's length for each person who came."""
        return sum(row.session.minutes * row.attendees for row in self.sessions)

    @property
    def checks_done(self) -> int:
        return sum(check.done for check in self.checks)


def overview(project: Project, show_names: bool) -> Overview:
    people = people_in_project(project.id)
    counted = Counter(need for person in people for need in set(person.access_needs or []))
    return Overview(
        project=project,
        plan=[(part.label, getattr(project, part.key)) for part in PLAN],
        checks=checklist(project),
        surveys=survey_rows(project.id),
        sessions=recent_sessions(ALL_SESSIONS, project.id),
        updates=project_updates(project.id),
        people=len(people),
        names=[person.name for person in people if person.erased_at is None] if show_names else [],
        needs=[(ACCESS_NEED_WORDS[need], counted[need]) for need in ACCESS_NEEDS if counted[need]],
    )
