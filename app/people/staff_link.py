"""A member of staff's own participant record: found by email, linked, and kept out of their hands.

Nobody approves or pays their own claim, and nobody gives themselves a sign-in card. A record is
linked to the staff account with the same email whenever it is saved (added or changed): that is
the moment the email is known, and it covers people who sign in by an emailed code and never
have a card. The link is kept if the email changes later, so changing it cannot undo the rule;
the approval check also compares emails, for staff accounts made after the record.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import StaffUser
from app.extensions import db
from app.people.models import Participant


def _same_email(email: str | None) -> StaffUser | None:
    if not email or not email.strip():
        return None
    wanted = email.strip().lower()
    return db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == wanted))


def link_to_staff(person: Participant) -> None:
    """Link the record to the staff account with its email, unless it is linked already."""
    if person.staff_user_id is not None:
        return
    staff = _same_email(person.email)
    if staff is None:
        return
    taken = select(Participant.id).where(
        Participant.staff_user_id == staff.id, Participant.id != person.id
    )
    if db.session.scalar(taken) is None:  # one record per staff member (a unique column)
        person.staff_user_id = staff.id


def is_own_record(person: Participant | None, staff: StaffUser | None) -> bool:
    """The record is linked to this member of staff or carries their email address."""
    if person is None or staff is None:
        return False
    if person.staff_user_id == staff.id:
        return True
    return bool(person.email) and person.email.strip().lower() == staff.email.strip().lower()
