"""Use cases for updates: one transaction each, every change dated in the update's history.

Publishing and status changes of a published update put messages for the people who took part
into the outbox in the same transaction, so a change is never made without its messages, nor a
message queued for a change that did not happen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field

from flask_babel import gettext as _
from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.auth.models import StaffUser
from app.core import translating
from app.core.idempotency import use_key
from app.db import utcnow
from app.extensions import db
from app.feedback import sources
from app.feedback import update_messages as outbox
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateStatus
from app.feedback.models import UpdateText
from app.transactions import unit_of_work

TRANSLATABLE = ("said", "body", "reason")


class UpdateError(ValueError):
    """A change that cannot be made, with a message a person understands."""


class AlreadyDone(UpdateError):
    """Someone (perhaps the same person, tapping twice) already made this change."""


class HeldByAdmin(UpdateError):
    """An admin took the update down; only an admin may make it public again."""


class NotReady(UpdateError):
    """Nothing is written under "What we did": people would read an empty promise."""


def ready_to_publish(record: Update) -> bool:
    """Public updates say what we did, or (for "can't do") why not, which the database requires."""
    return bool(record.body.strip()) or record.status == UpdateStatus.CANT_DO


@dataclass
class UpdateDraft:
    said: str
    body: str = ""
    status: UpdateStatus = UpdateStatus.CONSIDERING
    reason: str = ""
    people_count: int | None = None
    project_id: int | None = None
    main_language: str = "en"
    links: list[tuple[LinkKind, int]] = field(default_factory=list)


def _check(draft: UpdateDraft) -> None:
    if not draft.said.strip():
        raise UpdateError(_("Say what people told us"))
    if draft.status == UpdateStatus.CANT_DO and not draft.reason.strip():
        raise UpdateError(_("Say why we can't do this"))
    for kind, target_id in draft.links:
        if not sources.exists(kind, target_id):
            raise UpdateError(_("Something this update is linked to no longer exists"))


def _event(
    update_id: int, kind: EventKind, status: UpdateStatus, reason: str, staff_id: int | None
) -> UpdateEvent:
    event = UpdateEvent(
        update_id=update_id, kind=kind, status=status, reason=reason, actor_staff_id=staff_id
    )
    db.session.add(event)
    db.session.flush()
    return event


def _set_links(record: Update, links: Iterable[tuple[LinkKind, int]]) -> None:
    wanted = list(dict.fromkeys(links))  # same order, no repeats
    record.links = [sources.new_link(kind, target_id) for kind, target_id in wanted]


@unit_of_work()
def create(draft: UpdateDraft, staff_id: int | None, form_key: str | None = None) -> Update:
    """A new draft update (not yet public). A repeated form key saves nothing new."""
    _check(draft)
    if form_key is not None and not use_key(form_key):
        raise AlreadyDone(_("This update was already saved."))
    record = Update(
        said=draft.said.strip(),
        body=draft.body,
        status=draft.status,
        reason=draft.reason.strip() if draft.status == UpdateStatus.CANT_DO else "",
        people_count=draft.people_count,
        project_id=draft.project_id,
        main_language=draft.main_language,
        created_by_id=staff_id,
    )
    _set_links(record, draft.links)
    db.session.add(record)
    db.session.flush()
    _event(record.id, EventKind.STATUS, record.status, record.reason, staff_id)
    return record


@unit_of_work()
def edit(update_id: int, draft: UpdateDraft, staff_id: int | None, version: int) -> Update:
    """Change an update's words and links, and its status if that changed (dated, and told)."""
    _check(draft)
    record = _get(update_id)
    if record.version != version:
        raise UpdateError(_("Someone else changed this update while you were editing it"))
    _words_changed(
        record.id,
        {"said": record.said, "body": record.body},
        {"said": draft.said.strip(), "body": draft.body},
    )
    record.said, record.body = draft.said.strip(), draft.body
    record.people_count, record.project_id = draft.people_count, draft.project_id
    _set_links(record, draft.links)
    record.version += 1
    db.session.flush()
    if draft.status != record.status or (
        draft.status == UpdateStatus.CANT_DO and draft.reason.strip() != record.reason
    ):
        _move(record, draft.status, draft.reason, staff_id)
    return record


@unit_of_work()
def change_status(update_id: int, status: UpdateStatus, reason: str, staff_id: int | None) -> None:
    """Move an update to a new status; the same move twice (a double tap) changes nothing."""
    if status == UpdateStatus.CANT_DO and not reason.strip():
        raise UpdateError(_("Say why we can't do this"))
    record = _get(update_id)
    if record.status == status and (status != UpdateStatus.CANT_DO or reason == record.reason):
        raise AlreadyDone(_("The update already has that status."))
    _move(record, status, reason, staff_id)


def _move(record: Update, status: UpdateStatus, reason: str, staff_id: int | None) -> None:
    reason = reason.strip() if status == UpdateStatus.CANT_DO else ""
    _words_changed(record.id, {"reason": record.reason}, {"reason": reason})
    moved = db.session.execute(
        update(Update)
        .where(Update.id == record.id, Update.status == record.status)
        .values(status=status, reason=reason, changed_at=utcnow(), version=Update.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        raise AlreadyDone(_("Someone else changed this update's status just now."))
    db.session.refresh(record)
    event = _event(record.id, EventKind.STATUS, status, reason, staff_id)
    if record.published:
        outbox.enqueue(record, event)


@unit_of_work()
def publish(update_id: int, staff_id: int | None) -> None:
    """Make an update public and tell the people who took part. Only ever happens once at a time.

    An update an admin took down stays down until an admin makes it public again: the check is
    part of the one conditional UPDATE, so nothing (no message either) happens when refused."""
    record = _get(update_id)
    now = utcnow()
    allowed = Update.published.is_(False) & or_(
        Update.body != "", Update.status == UpdateStatus.CANT_DO
    )
    if not _is_admin(staff_id):
        allowed = allowed & Update.held_by_admin.is_(False)
    done = db.session.execute(
        update(Update)
        .where(Update.id == update_id, allowed)
        .values(
            published=True,
            published_at=now,
            changed_at=now,
            held_by_admin=False,
            version=Update.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if done != 1:
        db.session.expire(record)  # as it is now, not as it was read before the UPDATE
        if not record.published and not ready_to_publish(record):
            raise NotReady(_("Write what we did before making it public, so people can read it."))
        if record.held_by_admin and not record.published:
            raise HeldByAdmin(
                _("An admin took this update down. Only an admin can make it public again.")
            )
        raise AlreadyDone(_("This update is already public."))
    db.session.refresh(record)
    event = _event(update_id, EventKind.PUBLISHED, record.status, "", staff_id)
    outbox.enqueue(record, event)


def _is_admin(staff_id: int | None) -> bool:
    role = db.session.scalar(select(StaffUser.role).where(StaffUser.id == staff_id))
    return role == Role.ADMIN


@unit_of_work()
def unpublish(update_id: int, reason: str, staff_id: int | None) -> None:
    """Take an update off the public log; the reason is kept in its history."""
    if not reason.strip():
        raise UpdateError(_("Say why this update is being taken down"))
    record = _get(update_id)
    done = db.session.execute(
        update(Update)
        .where(Update.id == update_id, Update.published.is_(True))
        .values(
            published=False,
            held_by_admin=_is_admin(staff_id),
            changed_at=utcnow(),
            version=Update.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if done != 1:
        raise AlreadyDone(_("This update is not public."))
    _event(update_id, EventKind.UNPUBLISHED, record.status, reason.strip(), staff_id)
    outbox.cancel_waiting(update_id, "The update was taken down before this was sent.")


def _words_changed(update_id: int, before: dict[str, str], after: dict[str, str]) -> None:
    """Changed words keep their translations, still shown, but remembering the words they were
    made from, which marks them as needing an update. Emptied words lose their translations."""
    for key, old in before.items():
        if old == after[key]:
            continue
        rows = (UpdateText.update_id == update_id, UpdateText.key == key)
        if not after[key].strip():
            db.session.execute(delete(UpdateText).where(*rows))
            continue
        db.session.execute(
            update(UpdateText)
            .where(*rows, UpdateText.source.is_(None))
            .values(source=old)
            .execution_options(synchronize_session=False)
        )


@unit_of_work()
def save_translations(
    update_id: int, language: str, texts: dict[str, str], still_fits: frozenset[str] = frozenset()
) -> None:
    """Store an update's words in one language; empty pieces fall back to the main language.

    A piece typed anew, or said to still fit, is marked as made from today's main-language
    words; one sent back unchanged keeps any "needs updating" mark.
    """
    record = _get(update_id)
    texts = {key: (texts.get(key) or "").strip() for key in TRANSLATABLE}
    sources = {key: getattr(record, key) for key in TRANSLATABLE}
    translating.save_translations(
        UpdateText, {"update_id": update_id}, language, texts, sources, still_fits
    )


def translations(update_id: int, language: str) -> dict[str, str]:
    rows = db.session.scalars(
        db.select(UpdateText).where(
            UpdateText.update_id == update_id, UpdateText.language == language
        )
    )
    return {row.key: row.text for row in rows}


def _get(update_id: int) -> Update:
    record = db.session.get(Update, update_id)
    if record is None:
        raise UpdateError(_("That update no longer exists"))
    return record
