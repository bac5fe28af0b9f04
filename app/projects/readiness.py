"""Check we are ready: the research's six "Can you answer these questions?" and its
conversation prompts (power, engagement, understanding, with one each from its tips on time,
funding and worry), each belonging to one of the eight barriers; the research's practical tips
for each barrier; and saving a check and reading how the answers changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.core.idempotency import use_key
from app.extensions import db
from app.projects.readiness_models import Barrier
from app.projects.readiness_models import Readiness
from app.projects.readiness_models import ReadinessAnswer
from app.projects.readiness_models import ReadinessCheck
from app.transactions import unit_of_work


@dataclass(frozen=True)
class Question:
    key: str
    words: Any
    barrier: Barrier


QUESTIONS: tuple[Question, ...] = (
    # The six "Can you answer these questions?"
    Question("why", _l("Do we know why we are doing this?"), Barrier.UNDERSTANDING),
    Question("aims", _l("Do we know what we want to achieve?"), Barrier.UNDERSTANDING),
    Question(
        "accountable",
        _l("Are we accountable to people with lived experience?"),
        Barrier.POWER,
    ),
    Question(
        "experience",
        _l("Do we understand what taking part will be like for everyone involved?"),
        Barrier.ACCESSIBILITY,
    ),
    Question(
        "support",
        _l("Do staff, volunteers and participants have the support to stay safe and well?"),
        Barrier.TIME,
    ),
    Question(
        "buy_in",
        _l("Do our board and senior managers back this?"),
        Barrier.RESISTANCE,
    ),
    # Conversations to have about power
    Question(
        "easy",
        _l("Are we making it as easy as possible for people to take part?"),
        Barrier.ACCESSIBILITY,
    ),
    Question(
        "skills_used",
        _l("Do we recognise and use the skills and knowledge people bring?"),
        Barrier.POWER,
    ),
    Question(
        "open",
        _l("Are we open about how the work is done and what comes of it?"),
        Barrier.POWER,
    ),
    Question("decisions", _l("Is it clear how decisions are made?"), Barrier.POWER),
    # Conversations about engagement
    Question(
        "meaningful",
        _l("Are we asking people to help with something clear and worth their time?"),
        Barrier.ENGAGEMENT,
    ),
    Question("paid", _l("Are we paying people fairly for their time?"), Barrier.FUNDING),
    Question(
        "commitment",
        _l("Are we showing we are in this for the long term?"),
        Barrier.ENGAGEMENT,
    ),
    # Conversations about understanding
    Question(
        "already",
        _l("Do we know what our organisation already does?"),
        Barrier.UNDERSTANDING,
    ),
    Question(
        "now",
        _l("Do we know what can be co-produced now?"),
        Barrier.UNDERSTANDING,
    ),
    Question(
        "time",
        _l("Do we know how much of everyone's time this will take?"),
        Barrier.TIME,
    ),
    Question(
        "funders",
        _l("Have we talked to our funders about what co-production means for us?"),
        Barrier.FUNDING,
    ),
    Question(
        "small",
        _l("Have we agreed to start small and learn as we go?"),
        Barrier.WORRY,
    ),
)
QUESTION_KEYS = frozenset(q.key for q in QUESTIONS)

TIPS: dict[Barrier, Any] = {
    Barrier.TIME: _l(
        "Work out how much time this will take and who has the time. Find the skills you "
        "need, such as leading groups and safeguarding, or a partner who has them. Start small."
    ),
    Barrier.RESISTANCE: _l(
        "Ask someone from another charity to tell your board or team how co-production helped "
        "them. Map the journey for one piece of work so people see what it really involves."
    ),
    Barrier.UNDERSTANDING: _l(
        "Talk as a team about what you already do, what you want to do and what can be "
        "co-produced now. Think about the outcome and about what taking part is like."
    ),
    Barrier.POWER: _l(
        "Recognise what people bring. Be open about how decisions are made, and tell people "
        "what happened because of what they said."
    ),
    Barrier.ENGAGEMENT: _l(
        "Ask people to help with something clear and worth their time. Pay them, thank them, "
        "and let people come back when they are ready."
    ),
    Barrier.ACCESSIBILITY: _l(
        "Think about IT equipment, interpreters, meeting times, information sent early, "
        "childcare, travel and refreshments. Make room for quiet voices."
    ),
    Barrier.FUNDING: _l(
        "Show funders your plan and tell them what co-production means for you. Ask them for "
        "help, and look for partners to bid with."
    ),
    Barrier.WORRY: _l(
        "Do not let perfection get in the way. Do a small piece of work well, learn what worked "
        "and what did not, and do it better next time."
    ),
}


class AlreadySaved(Exception):
    """The same form was sent twice; the first one counted."""


@dataclass(frozen=True)
class Given:
    """One answer as typed: the question's key, yes/partly/not yet, and a note."""

    question: str
    answer: Readiness
    note: str


@dataclass(frozen=True)
class Standing:
    """Where a project stands on one barrier at its latest check."""

    barrier: Barrier
    rows: list[tuple[Question, ReadinessAnswer | None]]

    @property
    def not_yet(self) -> list[Question]:
        return [q for q, a in self.rows if a is not None and a.answer == Readiness.NOT_YET]

    @property
    def words(self) -> Any:
        answers = [a.answer for _q, a in self.rows if a is not None]
        if answers and all(a == Readiness.YES for a in answers):
            return _l("Ready")
        if answers and all(a == Readiness.NOT_YET for a in answers):
            return _l("Not ready yet")
        return _l("Partly ready")


@unit_of_work()
def record_check(
    project_id: int, by_team: bool, who: str, given: Sequence[Given], form_key: str | None
) -> int:
    """Save one dated check with every answer. A second send of the same form saves nothing."""
    if not use_key(form_key):
        raise AlreadySaved
    check = ReadinessCheck(project_id=project_id, by_team=by_team, who=who)
    check.answers = [
        ReadinessAnswer(question=g.question, answer=g.answer, note=g.note)
        for g in given
        if g.question in QUESTION_KEYS
    ]
    db.session.add(check)
    db.session.flush()
    return check.id


def checks_of(project_id: int) -> list[ReadinessCheck]:
    """Every check of the project, oldest first."""
    query = select(ReadinessCheck).where(ReadinessCheck.project_id == project_id)
    return list(db.session.scalars(query.order_by(ReadinessCheck.created_at, ReadinessCheck.id)))


def last_checked(project_id: int) -> datetime | None:
    query = select(ReadinessCheck.created_at).where(ReadinessCheck.project_id == project_id)
    return db.session.scalar(query.order_by(ReadinessCheck.created_at.desc()).limit(1))


def standings(check: ReadinessCheck) -> list[Standing]:
    """Each barrier with its questions and this check's answers, in the research's order."""
    answered = {a.question: a for a in check.answers}
    return [
        Standing(barrier, [(q, answered.get(q.key)) for q in QUESTIONS if q.barrier == barrier])
        for barrier in Barrier
        if any(q.barrier == barrier for q in QUESTIONS)
    ]


def history(checks: Sequence[ReadinessCheck]) -> list[tuple[Question, list[Any]]]:
    """For each question, its answer at each check (None where it was not asked), oldest first,
    each with the answer before it when it changed: (answer, earlier answer or None)."""
    answered = [{a.question: a.answer for a in check.answers} for check in checks]
    rows = []
    for question in QUESTIONS:
        cells, before = [], None
        for answers in answered:
            now = answers.get(question.key)
            cells.append((now, before if before is not None and now != before else None))
            before = now if now is not None else before
        rows.append((question, cells))
    return rows
