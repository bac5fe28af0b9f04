"""Finding the survey or question a staff page is about, or a plain 404."""

from __future__ import annotations

from flask import abort

from app.auth.models import Role
from app.surveys.content import load_survey_by_id
from app.surveys.models import Question
from app.surveys.models import Survey

BUILDERS = (Role.ADMIN, Role.COORDINATOR)
LARGEST_ID = 2**31 - 1  # an address can carry any number; the database cannot


def survey_or_404(survey_id: int) -> Survey:
    survey = load_survey_by_id(survey_id) if 0 < survey_id <= LARGEST_ID else None
    if survey is None:
        abort(404)
    return survey


def question_or_404(survey: Survey, question_id: int) -> Question:
    """A live question of this survey: another survey's question, or a removed one, is a 404."""
    found = next((q for q in survey.questions if q.id == question_id and not q.retired), None)
    if found is None:
        abort(404)
    return found


def results_path(survey_id: int) -> str:
    # A plain address: the results pages are built separately and may not be registered yet.
    return f"/staff/surveys/{survey_id}/results"
