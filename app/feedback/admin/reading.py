"""What the staff update pages show: the list, link choices with counts, history, outbox numbers.

Read-only queries, a fixed few per page, so pages stay quick as the log grows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import datetime

from sqlalchemy import distinct
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import StaffUser
from app.extensions import db
from app.feedback.models import EventKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateLink
from app.feedback.models import UpdateStatus
from app.feedback.models import UpdateText
from app.i18n import LANGUAGES
from app.i18n import direction
from app.ledger.models import Attendance
from app.ledger.models import InvolvementSession
from app.ledger.models import Project
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.response_models import counted

PAGE_SIZE = 25
RECENT_SESSIONS = 50

Completeness = list[tuple[str, int, int]]  # (language code, pieces done, pieces needed)


@dataclass(frozen=True)
class UpdateRow:
    id: int
    said: str
    main_language: str
    status: UpdateStatus
    published: bool
    changed_at: datetime
    translations: Completeness

    @property
    def direction(self) -> str:
        return direction(self.main_language)

    @property
    def started(self) -> Completeness:
        """The languages with at least one piece translated."""
        return [row for row in self.translations if row[1]]


@dataclass(frozen=True)
class UpdatePage:
    rows: list[UpdateRow]
    page: int
    pages: int
    total: int


def needed_pieces(update: Update) -> tuple[str, ...]:
    """The pieces of an update that have words to translate."""
    pieces = ["said"]
    if update.body.strip():
        pieces.append("body")
    if update.status == UpdateStatus.CANT_DO and update.reason.strip():
        pieces.append("reason")
    return tuple(pieces)


def needing_update(update: Update, language: str) -> dict[str, str]:
    """Translated pieces whose main-language words changed since: key -> the words they were
    translated from. Readers still see them until someone updates them."""
    return stale_pieces(update).get(language, {})


def stale_pieces(update: Update) -> dict[str, dict[str, str]]:
    """needing_update for every language at once: language -> key -> the old words."""
    rows = db.session.execute(
        select(UpdateText.language, UpdateText.key, UpdateText.source).where(
            UpdateText.update_id == update.id, UpdateText.source.is_not(None)
        )
    )
    needed = needed_pieces(update)
    found: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for language, key, was in rows:
        if key in needed and was != getattr(update, key):
            found[language][key] = was
    return dict(found)


def languages_translated(update_id: int) -> list[str]:
    """The languages any piece of this update is translated into."""
    return list(
        db.session.scalars(
            select(UpdateText.language).where(UpdateText.update_id == update_id).distinct()
        )
    )


def completeness(updates: Iterable[Update]) -> dict[int, Completeness]:
    """For each update, how much of it is translated into each language but its main one."""
    updates = list(updates)
    done: dict[tuple[int, str], set[str]] = defaultdict(set)
    if updates:
        rows = db.session.execute(
            select(UpdateText.update_id, UpdateText.language, UpdateText.key).where(
                UpdateText.update_id.in_([u.id for u in updates])
            )
        )
        for update_id, language, key in rows:
            done[(update_id, language)].add(key)
    found = {}
    for update in updates:
        needed = needed_pieces(update)
        found[update.id] = [
            (lang.code, len(done[(update.id, lang.code)] & set(needed)), len(needed))
            for lang in LANGUAGES
            if lang.code != update.main_language
        ]
    return found


def update_page(page: int) -> UpdatePage:
    """One page of every update, drafts and public, the most recently changed first."""
    total = int(db.session.scalar(select(func.count(Update.id))) or 0)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(page, 1), pages)
    updates = list(
        db.session.scalars(
            select(Update)
            .order_by(Update.changed_at.desc(), Update.id.desc())
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
    )
    done = completeness(updates)
    rows = [
        UpdateRow(u.id, u.said, u.main_language, u.status, u.published, u.changed_at, done[u.id])
        for u in updates
    ]
    return UpdatePage(rows, page, pages, total)


@dataclass(frozen=True)
class LinkChoice:
    id: int
    name: str  # the theme's name, the survey's title or the session's title
    people: int
    survey_title: str = ""  # for themes: the survey it belongs to
    held_on: date | None = None  # for sessions


@dataclass(frozen=True)
class LinkChoices:
    themes: list[LinkChoice]
    surveys: list[LinkChoice]
    sessions: list[LinkChoice]
    questions: list[LinkChoice]  # only those named (?question=) or already linked: never all


def _submitted() -> object:
    return counted()


def _theme_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(AnswerTheme.theme_id, func.count(distinct(Answer.response_id)))
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(_submitted())
        .group_by(AnswerTheme.theme_id)
    )
    return {key: int(count) for key, count in rows}


def _survey_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(Response.survey_id, func.count(Response.id))
        .where(_submitted())
        .group_by(Response.survey_id)
    )
    return {key: int(count) for key, count in rows}


def _session_counts(session_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Attendance.session_id, func.count(distinct(Attendance.participant_id)))
        .where(Attendance.session_id.in_(session_ids))
        .group_by(Attendance.session_id)
    )
    return {key: int(count) for key, count in rows}


def _themes() -> list[LinkChoice]:
    counts = _theme_counts()
    rows = db.session.execute(
        select(Theme.id, Theme.name, Survey.title)
        .join(Survey, Survey.id == Theme.survey_id)
        .order_by(Survey.created_at.desc(), Survey.id.desc(), Theme.name, Theme.id)
    )
    return [LinkChoice(i, name, counts.get(i, 0), title) for i, name, title in rows]


def _surveys() -> list[LinkChoice]:
    counts = _survey_counts()
    rows = db.session.execute(
        select(Survey.id, Survey.title).order_by(Survey.created_at.desc(), Survey.id.desc())
    )
    return [LinkChoice(i, title, counts.get(i, 0)) for i, title in rows]


def _sessions(also: Iterable[int]) -> list[LinkChoice]:
    recent = select(InvolvementSession.id).order_by(
        InvolvementSession.held_on.desc(), InvolvementSession.id.desc()
    )
    wanted = set(db.session.scalars(recent.limit(RECENT_SESSIONS))) | set(also)
    sessions = db.session.scalars(
        select(InvolvementSession)
        .where(InvolvementSession.id.in_(wanted))
        .order_by(InvolvementSession.held_on.desc(), InvolvementSession.id.desc())
    ).all()
    counts = _session_counts([s.id for s in sessions])
    return [LinkChoice(s.id, s.title, counts.get(s.id, 0), held_on=s.held_on) for s in sessions]


def _questions(wanted: Iterable[int]) -> list[LinkChoice]:
    ids = list(wanted)
    if not ids:
        return []
    answered = dict(
        db.session.execute(
            select(Answer.question_id, func.count(distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(ids), Answer.declined.is_(False), _submitted())
            .group_by(Answer.question_id)
        ).all()
    )
    rows = db.session.execute(
        select(Question.id, Question.text, Survey.title)
        .join(Survey, Survey.id == Question.survey_id)
        .where(Question.id.in_(ids))
        .order_by(Survey.id, Question.position)
    )
    return [LinkChoice(i, text, int(answered.get(i, 0)), title) for i, text, title in rows]


def link_choices(linked_sessions: Iterable[int] = (), questions: Iterable[int] = ()) -> LinkChoices:
    """Every theme and survey, recent sessions (plus any already linked), and the questions
    asked for, with counts."""
    return LinkChoices(_themes(), _surveys(), _sessions(linked_sessions), _questions(questions))


def projects() -> list[tuple[int, str]]:
    return list(db.session.execute(select(Project.id, Project.name).order_by(Project.name)))


def project_name(project_id: int | None) -> str:
    project = db.session.get(Project, project_id) if project_id else None
    return project.name if project else ""


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    kind: EventKind
    status: UpdateStatus
    reason: str
    who: str  # the staff member's name, or "" when unknown


def history(update_id: int) -> list[HistoryRow]:
    """Every dated change to an update, oldest first, with who made it."""
    rows = db.session.execute(
        select(UpdateEvent, StaffUser.name)
        .outerjoin(StaffUser, StaffUser.id == UpdateEvent.actor_staff_id)
        .where(UpdateEvent.update_id == update_id)
        .order_by(UpdateEvent.at, UpdateEvent.id)
    )
    return [HistoryRow(e.at, e.kind, e.status, e.reason, name or "") for e, name in rows]


def outbox_counts(update_id: int) -> Counter[MessageStatus]:
    """How the messages about this update went, by status."""
    rows = db.session.execute(
        select(OutboxMessage.status, func.count(OutboxMessage.id))
        .join(UpdateEvent, UpdateEvent.id == OutboxMessage.event_id)
        .where(UpdateEvent.update_id == update_id)
        .group_by(OutboxMessage.status)
    )
    return Counter({MessageStatus(status): int(count) for status, count in rows})


def about_themes(theme_ids: Iterable[int]) -> list[tuple[int, str]]:
    """Updates already linked to any of these themes, so nobody writes the same one twice."""
    wanted = list(theme_ids)
    if not wanted:
        return []
    rows = db.session.execute(
        select(Update.id, Update.said)
        .join(UpdateLink, UpdateLink.update_id == Update.id)
        .where(UpdateLink.theme_id.in_(wanted))
        .distinct()
        .order_by(Update.id.desc())
    )
    return [(update_id, said) for update_id, said in rows]
