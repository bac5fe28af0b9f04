"""Putting messages about an update into the outbox, for the people who took part.

Called inside the transaction that publishes an update or changes its status. Only people who
asked to hear back, are not paused, and can be reached on a channel we have get a message; each
gets at most one per change (a database constraint says so). Words are written when queued and
again just before sending (app/outbox/sender.py), and the row keeps what was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature
from itsdangerous import SignatureExpired
from itsdangerous import URLSafeSerializer
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy import update

from app.extensions import db
from app.feedback import sources
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateStatus
from app.feedback.models import UpdateText
from app.feedback.words import STATUS_WORDS
from app.i18n import LOCALE_PARAMETER
from app.i18n import formatting_locale
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.outbox.reach import channel_for
from app.outbox.reach import language_for
from app.outbox.reach import wants_messages
from app.people.models import Participant

UNSUBSCRIBE_SALT = "withus-unsubscribe"
# A link to stop messages works for 90 days after its message was written (it is written again
# just before sending). Long enough for someone who reads their mail now and then, or comes back
# to an old message, to use it; short enough that a link forwarded, or found in an old mailbox,
# stops working, since it needs no sign-in. An old link's page says how else to stop messages.
UNSUBSCRIBE_LIFETIME = timedelta(days=90)


class LinkExpired(Exception):
    """An unsubscribe link we made, but too long ago to act on."""


@dataclass(frozen=True)
class Reach:
    """Who will hear about a change to an update, so staff can tell the rest another way."""

    by_name: int  # took part under their own name
    will_hear: int  # asked to hear back, not paused, and reachable on a channel we have
    no_way: int  # asked to hear back, but we have no way to reach them that they chose
    not_asked: int  # did not ask to hear back, or are paused


def reach(record: Update) -> Reach:
    wanted = sources.takers(record)
    people = (
        db.session.scalars(select(Participant).where(Participant.id.in_(wanted))) if wanted else []
    )
    will_hear = no_way = not_asked = 0
    for person in people:
        if not wants_messages(person):
            not_asked += 1
        elif channel_for(person) is None:
            no_way += 1
        else:
            will_hear += 1
    return Reach(len(wanted), will_hear, no_way, not_asked)


def enqueue(record: Update, event: UpdateEvent) -> int:
    """Queue one message per person who took part and wants to hear; returns how many."""
    wanted = sources.takers(record)
    if not wanted:
        return 0
    people = db.session.scalars(
        select(Participant).where(Participant.id.in_(wanted)).order_by(Participant.id)
    )
    queued = 0
    for person in people:
        reach = channel_for(person)
        if reach is None or not wants_messages(person):
            continue
        language = language_for(person)
        subject, body, unsubscribe = compose(record, event.status, person, language)
        db.session.add(
            OutboxMessage(
                event_id=event.id,
                participant_id=person.id,
                channel=reach[0],
                address=reach[1],
                language=language,
                subject=subject,
                body=body,
                unsubscribe_url=unsubscribe,
            )
        )
        queued += 1
    db.session.flush()
    return queued


def cancel_waiting(update_id: int, why: str) -> int:
    """Stop the messages about an update that have not gone yet; returns how many."""
    events = select(UpdateEvent.id).where(UpdateEvent.update_id == update_id)
    return db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.event_id.in_(events), OutboxMessage.status == MessageStatus.PENDING)
        .values(status=MessageStatus.CANCELLED, last_error=why)
        .execution_options(synchronize_session=False)
    ).rowcount


def _said_in(record: Update, language: str) -> str:
    if language == record.main_language:
        return record.said
    text = db.session.scalar(
        select(UpdateText.text).where(
            UpdateText.update_id == record.id,
            UpdateText.language == language,
            UpdateText.key == "said",
        )
    )
    return text or record.said


def compose(
    record: Update, status: UpdateStatus, person: Participant, language: str
) -> tuple[str, str, str]:
    """The subject, the body and the unsubscribe address, in the person's language.

    Written when the change is queued and again just before sending, so a translation added
    after publishing (or a new language preference) is what the person reads.
    """
    base = current_app.config["PUBLIC_URL"]
    link = f"{base}/updates/{record.id}?{LOCALE_PARAMETER}={language}"
    unsubscribe = f"{base}/unsubscribe/{unsubscribe_token(person.id)}?{LOCALE_PARAMETER}={language}"
    with force_locale(formatting_locale(language)):
        subject = _(
            "%(organisation)s: what changed after you told us",
            organisation=current_app.config["ORGANISATION_NAME"],
        )
        body = _(
            "Hello %(name)s,\n\n"
            "You told us: %(said)s\n\n"
            "Where we are now: %(status)s\n\n"
            "Read what we did and why:\n%(link)s\n\n"
            "You get this because you asked to hear back. To stop these messages, open:\n"
            "%(unsubscribe)s",
            name=person.name,
            said=_said_in(record, language),
            status=str(STATUS_WORDS[status]),
            link=link,
            unsubscribe=unsubscribe,
        )
    return subject, body, unsubscribe


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def _untimed_serializer() -> URLSafeSerializer:
    """How links were signed before they carried a date: ours, but of unknown age."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(participant_id: int) -> str:
    return _serializer().dumps(participant_id)


def participant_for_token(token: str) -> int | None:
    """Who an unsubscribe link belongs to; None if we did not make it; LinkExpired if too old."""
    try:
        value = _serializer().loads(token, max_age=int(UNSUBSCRIBE_LIFETIME.total_seconds()))
    except SignatureExpired as error:
        raise LinkExpired from error
    except BadSignature:
        if _made_before_links_had_dates(token):
            raise LinkExpired from None
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _made_before_links_had_dates(token: str) -> bool:
    try:
        _untimed_serializer().loads(token)
    except BadSignature:
        return False
    return True


def ready_to_send(message: OutboxMessage, person: Participant | None) -> str:
    """Rewrite a message about an update in today's words; or say why it must not go."""
    event = db.session.get(UpdateEvent, message.event_id)
    reach = channel_for(person) if person is not None else None
    if person is None or not wants_messages(person):
        return "They stopped these messages, or were paused, before it was sent."
    if reach is None or reach[0] != message.channel:
        return "We no longer have a way to reach them that they chose."
    if event is None or not event.update.published:
        return "The update was taken down before this was sent."
    _rewrite(message, event, person, reach[1])
    return ""


def _rewrite(message: OutboxMessage, event: UpdateEvent, person: Participant, address: str) -> None:
    """Today's words: a translation added since queuing, or a new address or language."""
    language = language_for(person)
    subject, body, unsubscribe = compose(event.update, event.status, person, language)
    message.address, message.language = address, language
    message.subject, message.body, message.unsubscribe_url = subject, body, unsubscribe
    db.session.flush()
