"""Codes a participant signs in with: the personal code on their card, and emailed 6-digit codes.

Only HMACs of codes are stored. Emailed codes expire in ten minutes and work once, even when two
requests race: the code is spent by one conditional UPDATE whose row count says who won. Only a
person's newest code works, and signing in stops all of them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.core.numbers import plain_digits
from app.db import utcnow
from app.extensions import db
from app.people.models import Participant
from app.people.models import SignInCode
from app.transactions import unit_of_work

# No 0/O, 1/I/L: nothing a tired eye can mix up on a printed card.
CARD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CARD_LENGTH = 10
EMAIL_CODE_DIGITS = 6
EMAIL_CODE_LIFETIME = timedelta(minutes=10)
MAX_EMAIL_MATCHES = 3  # a family may share one address; never mail more than a few people


@dataclass(frozen=True)
class IssuedCode:
    participant_id: int
    code_id: int
    code: str  # shown in the email only, never stored
    email: str
    name: str
    language: str


def _digest(purpose: str, value: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def normalise_email(typed: str) -> str:
    """The address as looked up: no control or invisible characters, one form, plain digits.

    Rate limits are keyed on this same cleaning (see limit_key), so no way of writing an address
    that finds a person can open a fresh limit of its own.
    """
    visible = "".join(ch for ch in typed if unicodedata.category(ch) not in {"Cc", "Cf"})
    text = unicodedata.normalize("NFKC", visible)
    return plain_digits(text).strip().lower()[:254]


def limit_key(typed_email: str) -> str:
    """The rate-limit bucket of whoever this address finds; casefold is looser than the lookup."""
    return "me-email:" + normalise_email(typed_email).casefold()


def parse_code_id(raw: str | None) -> int | None:
    """A code's id as written in a link: ASCII digits only, so "07" is 7 and "٧" is nothing."""
    text = (raw or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        return None
    value = int(text)
    return value if 0 < value < 2**31 else None


def limit_key_for_code(raw_code_id: str | None) -> str:
    """The same bucket as typing the code with the owner's email: one limit per person."""
    found = parse_code_id(raw_code_id)
    row = db.session.get(SignInCode, found) if found is not None else None
    if row is None:
        return "me-email:"  # no such code: every guess at one shares one bucket
    person = db.session.get(Participant, row.participant_id)
    email = person.email if person is not None and person.email else f"#{row.participant_id}"
    return limit_key(email)


def normalise_card_code(typed: str) -> str:
    """Letters and digits only, capitals, digits from any keyboard as plain ones."""
    text = plain_digits(typed[:200]).upper()
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())[:40]


def normalise_email_code(typed: str) -> str:
    """Digits only, so a pasted "123 456" works; "١٢٣" from an Arabic keyboard is 123."""
    return "".join(ch for ch in plain_digits(typed[:100]) if ch in "0123456789")[:12]


def format_card_code(code: str) -> str:
    return f"{code[:5]} {code[5:]}"


@unit_of_work()
def new_card_code(participant_id: int) -> str:
    """Give the person a new card code; the old card and every session they had stop working."""
    code = "".join(secrets.choice(CARD_ALPHABET) for _ in range(CARD_LENGTH))
    db.session.execute(
        update(Participant)
        .where(Participant.id == participant_id)
        .values(
            card_code_digest=_digest("card", code),
            session_version=Participant.session_version + 1,
        )
    )
    return code


def participant_by_card(typed: str) -> Participant | None:
    code = normalise_card_code(typed)
    if len(code) != CARD_LENGTH:
        return None
    digest = _digest("card", code)
    person = db.session.scalar(select(Participant).where(Participant.card_code_digest == digest))
    # The index finds the row; compare again in constant time all the same.
    if person is None or not hmac.compare_digest(person.card_code_digest or "", digest):
        return None
    return person


def _email_digest(participant_id: int, code: str) -> str:
    return _digest(f"email:{participant_id}", code)


@unit_of_work()
def issue_email_codes(typed_email: str) -> list[IssuedCode]:
    """A fresh code for each participant with this email address (usually none or one)."""
    email = normalise_email(typed_email)
    if not email:
        return []
    people = db.session.scalars(
        select(Participant)
        .where(func.lower(Participant.email) == email)
        .order_by(Participant.id)
        .limit(MAX_EMAIL_MATCHES)
    ).all()
    issued = [_issue(person, email) for person in people]
    return issued


def _issue(person: Participant, email: str) -> IssuedCode:
    now = utcnow()
    # Only the newest code works: older ones still in someone's inbox can no longer be guessed.
    # They stay on record (the person's download lists every code sent) until the clear-out.
    _revoke(person.id, now)
    live = set(
        db.session.scalars(select(SignInCode.digest).where(SignInCode.participant_id == person.id))
    )
    code = _random_digits()
    while _email_digest(person.id, code) in live:
        code = _random_digits()
    row = SignInCode(
        participant_id=person.id,
        digest=_email_digest(person.id, code),
        expires_at=now + EMAIL_CODE_LIFETIME,
    )
    db.session.add(row)
    db.session.flush()
    return IssuedCode(person.id, row.id, code, email, person.name, person.preferred_language)


def _random_digits() -> str:
    return f"{secrets.randbelow(10**EMAIL_CODE_DIGITS):0{EMAIL_CODE_DIGITS}d}"


def redeem_typed_code(typed_email: str, typed_code: str) -> Participant | None:
    """The participant whose live code this is, spending it; None if wrong, old or used."""
    email, code = normalise_email(typed_email), normalise_email_code(typed_code)
    if not email or len(code) != EMAIL_CODE_DIGITS:
        return None
    rows = db.session.execute(
        select(SignInCode.id, SignInCode.participant_id, SignInCode.digest)
        .join(Participant, Participant.id == SignInCode.participant_id)
        .where(func.lower(Participant.email) == email, SignInCode.used_at.is_(None))
    ).all()
    match = None
    for row in rows:  # look at every row, so the time taken says nothing about which matched
        if hmac.compare_digest(row.digest, _email_digest(row.participant_id, code)):
            match = row
    return _spend(match.id, match.participant_id) if match else None


def redeem_link(code_id: int, typed_code: str) -> Participant | None:
    """The participant an emailed link's button signs in, spending its code."""
    code = normalise_email_code(typed_code)
    row = db.session.get(SignInCode, code_id)
    if row is None or len(code) != EMAIL_CODE_DIGITS:
        return None
    if not hmac.compare_digest(row.digest, _email_digest(row.participant_id, code)):
        return None
    return _spend(row.id, row.participant_id)


def _spend(code_id: int, participant_id: int) -> Participant | None:
    """Use the code up; only the one request whose UPDATE changes the row gets in."""
    now = utcnow()
    # Only the newest code works, even if two were issued at once and neither revoked the other.
    newer = (
        select(SignInCode.id)
        .where(SignInCode.participant_id == participant_id, SignInCode.id > code_id)
        .exists()
    )
    with unit_of_work():
        result = db.session.execute(
            update(SignInCode)
            .where(
                SignInCode.id == code_id,
                SignInCode.used_at.is_(None),
                SignInCode.expires_at > now,
                ~newer,
            )
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
    if result.rowcount != 1:
        return None
    return db.session.get(Participant, participant_id)


@unit_of_work()
def revoke_codes(participant_id: int) -> None:
    """Once someone is signed in, none of their emailed codes is of use to anyone else."""
    _revoke(participant_id, utcnow())


def _revoke(participant_id: int, now: datetime) -> None:
    # Made to run out now, not marked used: the record of codes sent stays until it is cleared,
    # and says truly that a code nobody typed was never used.
    db.session.execute(
        update(SignInCode)
        .where(
            SignInCode.participant_id == participant_id,
            SignInCode.used_at.is_(None),
            SignInCode.expires_at > now,
        )
        .values(expires_at=now)
        .execution_options(synchronize_session=False)
    )
