"""Reading the public You said, we did log: pages of it, one update, and a participant's own.

Only published updates are ever returned here. Each piece of text comes in the reader's language
when it has been translated, otherwise in the update's main language, and says which it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Select
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from app.db import as_utc
from app.extensions import db
from app.feedback import reading_batch as batch
from app.feedback.models import Update
from app.feedback.models import UpdateLink
from app.feedback.models import UpdateStatus
from app.feedback.reading_batch import StatusRun
from app.feedback.reading_batch import Words
from app.feedback.reading_sources import SourceLine
from app.feedback.reading_sources import SummaryLink
from app.feedback.reading_sources import source_lines
from app.feedback.reading_sources import summaries
from app.ledger.models import Attendance
from app.ledger.models import Project
from app.people.models import Participant
from app.surveys.models import Survey
from app.surveys.models import SurveyText
from app.surveys.response_models import Response
from app.surveys.response_models import counted
from app.transactions import unit_of_work

PER_PAGE = 10


@dataclass(frozen=True)
class Entry:
    id: int
    said: Words
    body: Words  # Markdown, to go through render_markdown
    reason: Words  # why we can't, for "can't do"
    status: UpdateStatus
    since: datetime  # when it reached its status
    people: int | None  # how many people said it, when known
    published_at: datetime
    changed_at: datetime
    history: list[StatusRun] = field(default_factory=list)
    new: bool = False  # changed since the participant last looked


@dataclass(frozen=True)
class Filters:
    status: UpdateStatus | None = None
    project: int | None = None
    survey: int | None = None

    def args(self) -> dict[str, str | int]:
        """The filters as address arguments, for links that keep them."""
        found = {"status": self.status.value if self.status else None}
        found |= {"project": self.project, "survey": self.survey}
        return {key: value for key, value in found.items() if value is not None}


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    lang: str | None = None  # None: a name staff wrote, in no language we know


@dataclass(frozen=True)
class Listing:
    entries: list[Entry]
    page: int
    pages: int
    total: int


def public() -> Select:
    """Updates anyone may read: published ones only, never drafts or ones taken down."""
    return select(Update).where(Update.published.is_(True))


def _entries(updates: Sequence[Update], language: str, people: bool = True) -> list[Entry]:
    ids = [u.id for u in updates]
    found = batch.texts(ids, language)
    history = batch.status_history(ids)
    counts = batch.people(updates) if people else {}
    return [_entry(u, language, found, history.get(u.id, []), counts.get(u.id)) for u in updates]


def _entry(
    record: Update,
    language: str,
    found: dict[tuple[int, str], str],
    history: list[StatusRun],
    people: int | None,
) -> Entry:
    return Entry(
        id=record.id,
        said=_words(record, "said", language, found),
        body=_words(record, "body", language, found),
        reason=_words(record, "reason", language, found),
        status=record.status,
        since=history[-1][1] if history else as_utc(record.created_at),
        people=people,
        published_at=as_utc(record.published_at or record.changed_at),
        changed_at=as_utc(record.changed_at),
        history=history,
    )


def _words(record: Update, key: str, language: str, found: dict[tuple[int, str], str]) -> Words:
    translated = found.get((record.id, key)) if record.main_language != language else None
    if translated:
        return Words(translated, language)
    return Words(getattr(record, key), record.main_language)


def _filtered(query: Select, filters: Filters) -> Select:
    if filters.status is not None:
        query = query.where(Update.status == filters.status)
    if filters.project is not None:
        query = query.where(Update.project_id == filters.project)
    if filters.survey is not None:
        links = batch.linked_surveys().subquery()
        from_survey = select(links.c.update_id).where(links.c.survey_id == filters.survey)
        query = query.where(Update.id.in_(from_survey))
    return query


def public_list(filters: Filters, page: int, language: str) -> Listing:
    """One page of public updates, newest first; a page past the end shows the last one.

    The total comes with the page's rows (a window count), so a page costs one query, not two.
    """
    query = _filtered(public(), filters).order_by(Update.changed_at.desc(), Update.id.desc())
    rows, total = _page_of(query, max(page, 1))
    pages = max(1, -(-total // PER_PAGE))
    if page > pages and total:  # typed by hand or the list shrank: show the last page
        page = pages
        rows, total = _page_of(query, page)
    return Listing(_entries(rows, language), min(max(page, 1), pages), pages, total)


def _page_of(query: Select, page: int) -> tuple[list[Update], int]:
    found = db.session.execute(
        query.add_columns(func.count().over().label("total"))
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
    ).all()
    return [row[0] for row in found], (found[0].total if found else _count(query))


def _count(query: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def latest(language: str, limit: int, people: bool = True) -> list[Entry]:
    """The most recently changed public updates, for the home page and the feed."""
    rows = db.session.scalars(
        public().order_by(Update.changed_at.desc(), Update.id.desc()).limit(limit)
    ).all()
    return _entries(rows, language, people=people)


def public_count() -> int:
    return counts()[0]


def done_count() -> int:
    """How many public updates are done: the honest count of things that changed."""
    return counts()[1]


def counts() -> tuple[int, int]:
    """(public updates, public updates that are done), in one query."""
    done = func.count().filter(Update.status == UpdateStatus.DONE)
    found = db.session.execute(
        select(func.count(), done).select_from(Update).where(Update.published.is_(True))
    ).one()
    return int(found[0]), int(found[1])


def project_choices() -> list[Choice]:
    """Projects that have at least one public update, by name."""
    with_updates = select(Update.project_id).where(Update.published.is_(True))
    rows = db.session.execute(
        select(Project.id, Project.name).where(Project.id.in_(with_updates)).order_by(Project.name)
    )
    return [Choice(project_id, name) for project_id, name in rows]


def survey_choices(language: str) -> list[Choice]:
    """Surveys that at least one public update came from, titled in the reader's language."""
    links = batch.linked_surveys().join(Update, Update.id == UpdateLink.update_id)
    wanted = links.where(Update.published.is_(True)).subquery()
    translated = (
        select(SurveyText.survey_id, SurveyText.text)
        .where(SurveyText.language == language, SurveyText.key == "title")
        .subquery()
    )
    rows = db.session.execute(
        select(Survey.id, Survey.title, Survey.main_language, translated.c.text)
        .outerjoin(translated, translated.c.survey_id == Survey.id)
        .where(Survey.id.in_(select(wanted.c.survey_id)))
        .order_by(Survey.id.desc())
    )
    return [
        Choice(survey_id, title, language) if title else Choice(survey_id, main, main_language)
        for survey_id, main, main_language, title in rows
    ]


def for_participant(
    participant_id: int, language: str, seen_at: datetime | None, limit: int = 20
) -> list[Entry]:
    """Public updates that came from surveys they answered by name or sessions they came to,
    most recently changed first; those changed since seen_at are marked new."""
    answered = (
        select(Response.survey_id)
        .join(Survey, Survey.id == Response.survey_id)
        .where(
            Response.participant_id == participant_id,
            counted(),
            Survey.anonymous.is_(False),
        )
    )
    attended = select(Attendance.session_id).where(Attendance.participant_id == participant_id)
    links = batch.linked_surveys().subquery()
    from_surveys = select(links.c.update_id).where(links.c.survey_id.in_(answered))
    from_sessions = select(UpdateLink.update_id).where(UpdateLink.session_id.in_(attended))
    rows = db.session.scalars(
        public()
        .where(or_(Update.id.in_(from_surveys), Update.id.in_(from_sessions)))
        .order_by(Update.changed_at.desc(), Update.id.desc())
        .limit(limit)
    ).all()
    return [
        replace(entry, new=seen_at is None or entry.changed_at > as_utc(seen_at))
        for entry in _entries(rows, language, people=False)
    ]


@unit_of_work()
def mark_seen(participant_id: int, at: datetime) -> None:
    """Remember when they last looked, so the same updates are not new next time."""
    db.session.execute(
        update(Participant).where(Participant.id == participant_id).values(updates_seen_at=at)
    )


@dataclass(frozen=True)
class Detail:
    entry: Entry
    sources: list[SourceLine]
    summaries: list[SummaryLink]


def preview(update_id: int, language: str) -> Detail | None:
    """An update as the public page would show it, draft or not: for staff to check first."""
    record = db.session.get(Update, update_id)
    return _detail(record, language) if record is not None else None


def one(update_id: int, language: str) -> Detail | None:
    """One public update with its history and what it came from; None unless it is public."""
    record = db.session.scalar(public().where(Update.id == update_id))
    return _detail(record, language) if record is not None else None


def _detail(record: Update, language: str) -> Detail:
    entry = _entries([record], language)[0]
    return Detail(entry, source_lines(record, language), summaries(record.id, language))
