"""Fixtures shared by the survey tests."""

from __future__ import annotations

import pytest
from flask import Flask

from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from tests.conftest import MadeSurvey


@pytest.fixture
def identified(app: Flask) -> MadeSurvey:
    """A survey that asks people's names, with one short-text question."""
    with app.app_context():
        survey = Survey(slug="named", title="Named", anonymous=False, status=SurveyStatus.OPEN)
        survey.questions.append(Question(position=1, kind=QuestionKind.SHORT_TEXT, text="Why?"))
        db.session.add(survey)
        db.session.commit()
        return MadeSurvey(survey.id, survey.slug, {"well": survey.questions[0].id})
