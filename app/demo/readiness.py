"""The café review's readiness history (a first check by Owen, a second as a team, with more
answered yes) and two entries in its learning log."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.db import utcnow
from app.extensions import db
from app.projects.models import Project
from app.projects.readiness import QUESTIONS
from app.projects.readiness_models import LearningEntry
from app.projects.readiness_models import Readiness
from app.projects.readiness_models import ReadinessAnswer
from app.projects.readiness_models import ReadinessCheck

Y, P, N = Readiness.YES, Readiness.PARTLY, Readiness.NOT_YET
FIRST = {"buy_in": P, "paid": N, "funders": N, "decisions": N, "experience": P, "small": P}
FIRST_NOTES = {
    "paid": "We have no budget line for paying people yet.",
    "decisions": "Staff still choose the changes on their own.",
}
SECOND = {"funders": P, "experience": P}
SECOND_NOTES = {
    "paid": "The trustees agreed £20 an hour for workshops.",
    "funders": "Meeting the community fund in the spring.",
}
TEAM = "Owen Price, Amira Haddad and two people who use the café"
LEARNING = (
    (
        9,
        "Writing ideas on cards first: people who rarely speak put forward the most ideas.",
        "Starting at 6pm: two parents could not come.",
        "Start at 5pm and ask the nursery about childcare.",
    ),
    (
        2,
        "Paying bus fares in cash on the day.",
        "The survey had a question nobody understood.",
        "Ask two people to try each survey before we send it.",
    ),
)


def _check(project_id: int, weeks_ago: int, answers: dict, notes: dict, who: str) -> ReadinessCheck:
    check = ReadinessCheck(
        project_id=project_id,
        by_team=weeks_ago < 10,
        who=who,
        created_at=utcnow() - timedelta(weeks=weeks_ago),
    )
    check.answers = [
        ReadinessAnswer(question=q.key, answer=answers.get(q.key, Y), note=notes.get(q.key, ""))
        for q in QUESTIONS
    ]
    return check


def load_demo_readiness() -> None:
    """Two readiness checks and two learning log entries for the café review."""
    cafe = db.session.scalar(select(Project.id).where(Project.name == "Café review"))
    if cafe is None:
        return
    db.session.add_all(
        [
            _check(cafe, 12, FIRST, FIRST_NOTES, "Owen Price"),
            _check(cafe, 3, SECOND, SECOND_NOTES, TEAM),
            *(
                LearningEntry(
                    project_id=cafe,
                    worked=worked,
                    did_not_work=did_not,
                    differently=next_time,
                    written_by="Owen Price",
                    created_at=utcnow() - timedelta(weeks=weeks),
                )
                for weeks, worked, did_not, next_time in LEARNING
            ),
        ]
    )
