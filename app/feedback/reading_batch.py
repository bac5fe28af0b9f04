"""Batched look-ups behind the public log: a page of updates costs the same few queries as one.

The people counts follow app/feedback/sources.py exactly (the same rules for who counts), but
ask once per kind of link for a whole page instead of once per link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select
from sqlalchemy import String
from sqlalchemy import distinct
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import select
from sqlalchemy import union_all

from app.core.translating import texts_of
from app.db import as_utc
from app.extensions import db
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateLink
from app.feedback.models import UpdateText
from app.i18n import direction
from app.ledger.models import Attendance
from app.surveys.models import Question
from app.surveys.models import SurveyText
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.response_models import counted

StatusRun = tuple[str, datetime]  # a status and when it began


@dataclass(frozen=True)
class Words:
    """A piece of text and the language it is written in (None: not known)."""

    text: str
    lang: str | None

    @property
    def dir(self) -> str | None:
        return direction(self.lang) if self.lang else None


def linked_surveys() -> Select:
    """(update id, survey id) of survey-side links: a question or theme counts as its survey."""
    survey_id = func.coalesce(UpdateLink.survey_id, Question.survey_id, Theme.survey_id)
    return (
        select(UpdateLink.update_id, survey_id.label("survey_id"))
        .outerjoin(Question, Question.id == UpdateLink.question_id)
        .outerjoin(Theme, Theme.id == UpdateLink.theme_id)
        .where(survey_id.is_not(None))
    )


def texts(update_ids: Sequence[int], language: str) -> dict[tuple[int, str], str]:
    """Translated pieces of these updates in one language: (update id, key) -> text."""
    return texts_of(UpdateText.update_id, update_ids, language)


def survey_titles(survey_ids: Iterable[int], language: str) -> dict[int, str]:
    """Survey titles translated into the language, where a translation exists."""
    wanted = list(survey_ids)
    if not wanted:
        return {}
    rows = db.session.execute(
        select(SurveyText.survey_id, SurveyText.text).where(
            SurveyText.survey_id.in_(wanted),
            SurveyText.language == language,
            SurveyText.key == "title",
        )
    )
    return dict(rows.all())


def status_history(update_ids: Sequence[int]) -> dict[int, list[StatusRun]]:
    """Each update's statuses in order, with the date each began. A repeated status (a new
    reason for the same "can't do") continues the run rather than starting a new one."""
    runs: dict[int, list[StatusRun]] = defaultdict(list)
    if not update_ids:
        return runs
    rows = db.session.execute(
        select(UpdateEvent.update_id, UpdateEvent.status, UpdateEvent.at)
        .where(UpdateEvent.update_id.in_(update_ids), UpdateEvent.kind == EventKind.STATUS)
        .order_by(UpdateEvent.id)
    )
    for update_id, status, at in rows:
        if not runs[update_id] or runs[update_id][-1][0] != status:
            runs[update_id].append((status, as_utc(at)))
    return runs


def people(updates: Sequence[Update]) -> dict[int, int | None]:
    """How many people are behind each update: the count staff entered, else the largest
    linked count, else None (unknown) - as sources.people_behind says."""
    unknown = [u.id for u in updates if u.people_count is None]
    links = (
        db.session.execute(select(UpdateLink).where(UpdateLink.update_id.in_(unknown)))
        .scalars()
        .all()
        if unknown
        else []
    )
    counts = _counts_by_kind(links)
    best: dict[int, int] = defaultdict(int)
    for link in links:
        target = _target(link)
        best[link.update_id] = max(best[link.update_id], counts[link.kind].get(target, 0))
    return {
        u.id: u.people_count if u.people_count is not None else (best.get(u.id) or None)
        for u in updates
    }


def _target(link: UpdateLink) -> int:
    return int(link.survey_id or link.question_id or link.theme_id or link.session_id or 0)


def _counts_by_kind(links: Sequence[UpdateLink]) -> dict[LinkKind, dict[int, int]]:
    """People behind each linked target, for every kind of link at once: one query."""
    targets: dict[LinkKind, set[int]] = defaultdict(set)
    for link in links:
        targets[link.kind].add(_target(link))
    found: dict[LinkKind, dict[int, int]] = {kind: {} for kind in LinkKind}
    parts = [_count(kind, wanted) for kind, wanted in targets.items() if wanted]
    if parts:
        for kind, target, count in db.session.execute(union_all(*parts)):
            found[LinkKind(kind)][int(target)] = int(count)
    return found


def _count(kind: LinkKind, targets: set[int]) -> Select:
    submitted = counted()
    label = literal(kind.value, String(20)).label("kind")
    if kind == LinkKind.SESSION:
        query = select(
            label, Attendance.session_id, func.count(distinct(Attendance.participant_id))
        )
        return query.where(Attendance.session_id.in_(targets)).group_by(Attendance.session_id)
    if kind == LinkKind.THEME:
        return (
            select(label, AnswerTheme.theme_id, func.count(distinct(Answer.response_id)))
            .join(Answer, Answer.id == AnswerTheme.answer_id)
            .join(Response, Response.id == Answer.response_id)
            .where(AnswerTheme.theme_id.in_(targets), submitted)
            .group_by(AnswerTheme.theme_id)
        )
    if kind == LinkKind.QUESTION:
        return (
            select(label, Answer.question_id, func.count(distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(targets), Answer.declined.is_(False), submitted)
            .group_by(Answer.question_id)
        )
    query = select(label, Response.survey_id, func.count(Response.id))
    return query.where(Response.survey_id.in_(targets), submitted).group_by(Response.survey_id)
