"""Telling people what happened to their claim: approved, needs a change, cannot be paid, paid.

After sending a claim people read that we will tell them; this keeps the promise. A message is
queued in the same transaction as the decision, through the outbox that carries update news, in
the person's language and on the way they chose to be reached. Words are written when queued and
again just before sending (app/outbox/sender.py, through ready_to_send)."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from app.extensions import db
from app.i18n import LOCALE_PARAMETER
from app.i18n import formatting_locale
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimStatus
from app.ledger.models import claim_total
from app.ledger.money import format_pence
from app.ledger.statements import METHOD_NAMES
from app.outbox.models import OutboxMessage
from app.outbox.reach import channel_for
from app.outbox.reach import language_for
from app.people.models import Participant
from app.people.services import may_contact_unasked

TOLD = frozenset(
    {ClaimStatus.APPROVED, ClaimStatus.CHANGES_REQUESTED, ClaimStatus.REJECTED, ClaimStatus.PAID}
)


def _made_by_them(claim: Claim) -> bool:
    return claim.created_by_staff_id is None


def should_tell(claim: Claim, to: ClaimStatus, person: Participant) -> bool:
    """Whether this decision is news for the person, who can hear it the way they chose.

    A claim they sent is their own business: they hear even while paused. A change asked for
    on a claim staff made is for staff to make, so it is not sent to the person."""
    if to not in TOLD or person.erased_at is not None or channel_for(person) is None:
        return False
    if _made_by_them(claim):
        return True
    return to != ClaimStatus.CHANGES_REQUESTED and may_contact_unasked(person)


def enqueue(claim: Claim, event: ClaimEvent) -> bool:
    """Queue the message about this decision, if the person should hear of it."""
    person = db.session.get(Participant, claim.participant_id)
    to = ClaimStatus(event.to_status)
    if person is None or not should_tell(claim, to, person):
        return False
    channel, address = channel_for(person)
    language = language_for(person)
    subject, body = compose(claim, event, person, language)
    db.session.add(
        OutboxMessage(
            claim_event_id=event.id,
            participant_id=person.id,
            channel=channel,
            address=address,
            language=language,
            subject=subject,
            body=body,
        )
    )
    return True


def compose(claim: Claim, event: ClaimEvent, person: Participant, language: str) -> tuple[str, str]:
    """The subject and body, in the person's language."""
    base = current_app.config["PUBLIC_URL"]
    words = {
        "name": person.name,
        "number": claim.id,
        "link": f"{base}/me/claims/{claim.id}?{LOCALE_PARAMETER}={language}",
        "organisation": current_app.config["ORGANISATION_NAME"],
    }
    with force_locale(formatting_locale(language)):
        to = ClaimStatus(event.to_status)
        body = _(
            "Hello %(name)s,\n\n%(news)s\n\nSee your claim:\n%(link)s\n\n"
            "You get this because you have a claim with us.",
            news=_news(claim, event, to, words),
            **words,
        )
        return _subject(to, words), body


def _subject(to: ClaimStatus, words: dict[str, Any]) -> str:
    """What happened, in the subject line, so the inbox already says it."""
    if to == ClaimStatus.APPROVED:
        return _("%(organisation)s: your claim %(number)d is approved", **words)
    if to == ClaimStatus.CHANGES_REQUESTED:
        return _("%(organisation)s: your claim %(number)d needs a change", **words)
    if to == ClaimStatus.REJECTED:
        return _("%(organisation)s: we cannot pay your claim %(number)d", **words)
    return _("%(organisation)s: your claim %(number)d is paid", **words)


def _news(claim: Claim, event: ClaimEvent, to: ClaimStatus, words: dict[str, Any]) -> str:
    amount = format_pence(claim_total(claim))
    if to == ClaimStatus.APPROVED:
        return _(
            "We approved your claim %(number)d for %(amount)s. We will pay it soon.",
            amount=amount,
            **words,
        )
    if to == ClaimStatus.CHANGES_REQUESTED:
        return _(
            "Your claim %(number)d needs a change before we can pay it. What to change: %(reason)s",
            reason=event.reason,
            **words,
        )
    if to == ClaimStatus.REJECTED:
        return _(
            "We cannot pay your claim %(number)d. Why: %(reason)s", reason=event.reason, **words
        )
    how = str(METHOD_NAMES[claim.paid_method]) if claim.paid_method else ""
    return _(
        "We paid your claim %(number)d: %(amount)s. How we paid: %(how)s.",
        amount=amount,
        how=how,
        **words,
    )


def ready_to_send(message: OutboxMessage, person: Participant | None) -> str:
    """News of a decision on someone's claim, rewritten in today's words; or why it must not go."""
    event = db.session.get(ClaimEvent, message.claim_event_id)
    claim = db.session.get(Claim, event.claim_id) if event is not None else None
    if person is None or claim is None or event is None:
        return "The claim or the person is no longer here."
    reach = channel_for(person)
    if not should_tell(claim, ClaimStatus(event.to_status), person):
        return "They were paused or erased, or chose no way we can reach them, before it was sent."
    if reach is None or reach[0] != message.channel:
        return "We no longer have a way to reach them that they chose."
    if event.to_status == ClaimStatus.APPROVED and claim.status == ClaimStatus.PAID:
        return "Paid before this went: the message about the payment says it all."
    language = language_for(person)
    message.subject, message.body = compose(claim, event, person, language)
    message.address, message.language = reach[1], language
    db.session.flush()
    return ""
