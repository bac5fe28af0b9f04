"""The daily email to staff who asked for one: how many new responses a survey had since the
last, and a link to its results. Never anyone's answers or names.

Queued through the outbox at most once a day for each person and survey: the day is claimed by a
conditional UPDATE in the same transaction that queues the message (and the outbox refuses a
second message for the same day), so runs that overlap, or run twice, never send it twice.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime

from flask import current_app
from flask_babel import force_locale
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_babel import to_user_timezone
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.auth.models import Role
from app.auth.models import StaffUser
from app.db import as_utc
from app.db import utcnow
from app.extensions import db
from app.i18n import formatting_locale
from app.outbox.models import OutboxMessage
from app.surveys.models import Survey
from app.surveys.response_models import Response
from app.surveys.response_models import SurveyDigest
from app.surveys.response_models import counted
from app.surveys.running import sent_responses
from app.transactions import unit_of_work

FOLLOWERS = (Role.ADMIN, Role.COORDINATOR)


def charity_day(moment: datetime) -> date:
    """The calendar day of a moment where the charity is."""
    return to_user_timezone(as_utc(moment)).date()


def queue_daily_digests(now: datetime | None = None) -> int:
    """Queue today's email for each follower of a survey with new responses; how many queued.

    Safe to run as often as you like: a day that already has its email gets no other. A day
    with no new responses sends nothing (and counts from the same moment tomorrow)."""
    now = now or utcnow()
    queued = 0
    for survey_id, staff_id in _followings():
        try:
            queued += _queue_one(survey_id, staff_id, now, charity_day(now))
        except IntegrityError:
            continue  # another run queued this one at the same moment: it stands
    return queued


@unit_of_work()
def _followings() -> list[tuple[int, int]]:
    rows = db.session.execute(
        select(SurveyDigest.survey_id, SurveyDigest.staff_id).order_by(
            SurveyDigest.survey_id, SurveyDigest.staff_id
        )
    )
    return [(survey_id, staff_id) for survey_id, staff_id in rows]


@unit_of_work()
def _queue_one(survey_id: int, staff_id: int, now: datetime, today: date) -> int:
    following = db.session.get(SurveyDigest, (survey_id, staff_id))
    staff = db.session.get(StaffUser, staff_id)
    survey = db.session.get(Survey, survey_id)
    if following is None or survey is None or not _may_follow(staff):
        return 0
    since = as_utc(following.counted_until)
    # The day is claimed here: a run that overlaps this one finds it taken and does nothing.
    claimed = db.session.execute(
        update(SurveyDigest)
        .where(
            SurveyDigest.survey_id == survey_id,
            SurveyDigest.staff_id == staff_id,
            or_(SurveyDigest.last_sent_on.is_(None), SurveyDigest.last_sent_on < today),
        )
        .values(last_sent_on=today, counted_until=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    new = _sent_between(survey_id, since, now) if claimed == 1 else 0
    if new == 0:
        return 0
    subject, body = compose(survey, staff, following.language, new, since)
    db.session.add(
        OutboxMessage(
            staff_id=staff_id,
            digest_survey_id=survey_id,
            digest_on=today,
            channel="email",
            address=staff.email,
            language=following.language,
            subject=subject,
            body=body,
        )
    )
    db.session.flush()
    return 1


def _may_follow(staff: StaffUser | None) -> bool:
    return staff is not None and staff.active and staff.role in FOLLOWERS


def _sent_between(survey_id: int, since: datetime, until: datetime) -> int:
    """Responses sent (and counting) after since, up to and including until."""
    found = db.session.scalar(
        select(func.count(Response.id)).where(
            Response.survey_id == survey_id,
            counted(),
            Response.submitted_at > since,
            Response.submitted_at <= until,
        )
    )
    return int(found or 0)


def compose(
    survey: Survey, staff: StaffUser, language: str, new: int, since: datetime
) -> tuple[str, str]:
    """The subject and body in the language the person used when they asked for the email."""
    base = current_app.config["PUBLIC_URL"]
    total = sent_responses(survey.id)
    with force_locale(formatting_locale(language)):
        words = {
            "organisation": current_app.config["ORGANISATION_NAME"],
            "survey": survey.title,
            "name": staff.name or staff.email,
            "since": format_datetime(since, "medium"),
            "results": f"{base}/staff/surveys/{survey.id}/results",
            "settings": f"{base}/staff/surveys/{survey.id}/running",
        }
        subject = ngettext(
            "%(organisation)s: %(num)d new response to “%(survey)s”",
            "%(organisation)s: %(num)d new responses to “%(survey)s”",
            new,
            **words,
        )
        news = ngettext(
            "“%(survey)s” has %(num)d new response since %(since)s.",
            "“%(survey)s” has %(num)d new responses since %(since)s.",
            new,
            **words,
        )
        count = _total(total, survey.response_target)
        body = _(
            "Hello %(name)s,\n\n%(news)s %(count)s\n\nSee the results:\n%(results)s\n\n"
            "You get this email because you asked for it. To stop it, untick the daily email "
            "here:\n%(settings)s",
            news=news,
            count=count,
            **words,
        )
    return subject, body


def _total(total: int, target: int | None) -> str:
    if target:
        return ngettext(
            "That makes %(sent)d of the %(num)d you hope for.",
            "That makes %(sent)d of the %(num)d you hope for.",
            target,
            sent=total,
        )
    return ngettext(
        "It has %(num)d sent response in all.", "It has %(num)d sent responses in all.", total
    )


def ready_to_send(message: OutboxMessage, _person: object) -> str:
    """A daily email goes only to someone still following the survey, at their address now."""
    staff = db.session.get(StaffUser, message.staff_id) if message.staff_id else None
    following = (
        db.session.get(SurveyDigest, (message.digest_survey_id, message.staff_id))
        if staff is not None
        else None
    )
    if following is None or not _may_follow(staff):
        return "They stopped the daily email, or no longer work on surveys, before it was sent."
    message.address = staff.email
    db.session.flush()
    return ""
