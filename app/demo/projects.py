"""The demo's two projects, at different stages: the café review under way with its plan
written and most of its checklist done, and the advice service redesign still being planned."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.projects.models import AccessCheck
from app.projects.models import AccessItem
from app.projects.models import Project
from app.projects.models import ProjectStage
from app.surveys.models import Survey

CAFE_PLAN = {
    "why": "People told us the drop-in café feels cold and rushed. The people who use it "
    "know best what would make it welcoming.",
    "aims": "Agree three changes with the people who use the café, make them by the summer, "
    "and tell everyone what we did.",
    "co_produce_now": "The menu, the opening hours and how the room is set out.",
    "who_takes_part": "People who come to the café. We ask at the counter, on the notice "
    "board and by text, and offer paper forms.",
    "roles": "At workshops people set the agenda, take notes and lead a table. Two people "
    "will meet the landlord with us.",
    "time_capacity": "Owen has 3 hours a week until July. Volunteers help on workshop days.",
    "skills": "Leading workshops: Owen has done it before. Safeguarding: Amira leads. We lack "
    "someone who speaks Arabic: we book an interpreter.",
    "support": "A short check-in after each workshop. Payment for time, and bus fares paid on "
    "the day.",
    "partners": "The food bank next door, who ran a similar review last year.",
    "decisions": "The workshop group chooses which changes come first. We publish every "
    "decision as a You said, we did update, with the reasons for anything we cannot do.",
    "safeguarding": "Amira is the named lead at every workshop. A quiet room is always free.",
    "walk_away": "A café people want to come back to. Paid experience and a statement of what "
    "each person did.",
}
CAFE_CHECKS = {
    AccessItem.INTERPRETERS: (True, "Arabic interpreter booked for every workshop."),
    AccessItem.TIMING: (True, "Workshops on Thursday evenings, when most people said."),
    AccessItem.ADVANCE: (True, "Survey results sent a week before each workshop."),
    AccessItem.TRAVEL: (True, "Bus fares paid in cash on the day."),
    AccessItem.REFRESHMENTS: (True, "Lunch from the café itself."),
    AccessItem.CHILDCARE: (False, "Ask the nursery about Thursday evenings."),
    AccessItem.QUIET_VOICES: (False, "Try writing ideas on cards before talking."),
}
IT = {AccessItem.IT: (True, "Two tablets to lend for online sessions.")}
ADVICE_PLAN = {
    "why": "People wait too long for advice and do not know what happens next.",
    "aims": "A new way to book advice, designed with the people who use it.",
    "who_takes_part": "People who used the advice service this year, and our advisers.",
    "skills": "Leading workshops. We could ask the law centre to help.",
}


def _project(
    name: str,
    stage: ProjectStage,
    started_from: str,
    plan: dict[str, str],
    checks: dict[AccessItem, tuple[bool, str]],
) -> Project:
    project = Project(name=name, stage=stage, started_from=started_from, **plan)
    project.checks = [
        AccessCheck(item=item, done=done, note=note)
        for item in AccessItem
        for done, note in [checks.get(item, (False, ""))]
    ]
    project.touch()
    return project


def demo_projects() -> list[Project]:
    """The café review (under way) and the advice service redesign (planning), added."""
    projects = [
        _project("Café review", ProjectStage.RUNNING, "ask", CAFE_PLAN, CAFE_CHECKS),
        _project("Advice service redesign", ProjectStage.PLANNING, "co_design", ADVICE_PLAN, IT),
    ]
    db.session.add_all(projects)
    return projects


def link_demo_survey(survey: Survey) -> None:
    """The demo survey is the café review's."""
    survey.project_id = db.session.scalar(select(Project.id).where(Project.name == "Café review"))
