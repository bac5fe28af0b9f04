"""Running a survey: progress towards the response target, and who gets the daily email."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.db import utcnow
from app.extensions import db
from app.surveys.models import Survey
from app.surveys.response_models import ResponseTally
from app.surveys.response_models import SurveyDigest
from app.transactions import unit_of_work

TARGET_LIMIT = 1_000_000


@dataclass(frozen=True)
class TargetProgress:
    """How many sent responses there are of the number hoped for."""

    sent: int
    target: int

    @property
    def percent(self) -> int:
        """Rounded to the nearest whole number; more than 100 once the target is passed."""
        return int(self.sent * 100 / self.target + 0.5)

    @property
    def bar_percent(self) -> int:
        return min(self.percent, 100)


def sent_responses(survey_id: int) -> int:
    """Sent responses that count (not withdrawn), from the tallies the database keeps (0018)."""
    total = db.session.scalar(
        select(func.sum(ResponseTally.count)).where(ResponseTally.survey_id == survey_id)
    )
    return int(total or 0)


def target_progress(survey: Survey) -> TargetProgress | None:
    """Progress towards the survey's target; None when it has none."""
    if not survey.response_target:
        return None
    return TargetProgress(sent_responses(survey.id), survey.response_target)


def gets_daily_email(survey_id: int, staff_id: int) -> bool:
    return db.session.get(SurveyDigest, (survey_id, staff_id)) is not None


def save_running(
    survey: Survey, target: int | None, staff_id: int, daily_email: bool, language: str
) -> None:
    """Set the target (None for none) and whether this member of staff gets the daily email.

    Saving the same choices again changes nothing, so a second press does no harm. Asking for
    the email again keeps the count where it was: nothing is counted twice or left out."""
    try:
        _save(survey.id, target, staff_id, daily_email, language)
    except IntegrityError:
        # A second press a moment behind the first asked for the email too (that unit of work
        # rolled back): once more, and it finds the first one's.
        _save(survey.id, target, staff_id, daily_email, language)


@unit_of_work()
def _save(
    survey_id: int, target: int | None, staff_id: int, daily_email: bool, language: str
) -> None:
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        return
    survey.response_target = target
    found = db.session.get(SurveyDigest, (survey.id, staff_id))
    if daily_email and found is None:
        db.session.add(
            SurveyDigest(
                survey_id=survey.id, staff_id=staff_id, language=language, counted_until=utcnow()
            )
        )
    elif daily_email and found is not None:
        found.language = language
    elif found is not None:
        db.session.execute(
            delete(SurveyDigest).where(
                SurveyDigest.survey_id == survey.id, SurveyDigest.staff_id == staff_id
            )
        )
