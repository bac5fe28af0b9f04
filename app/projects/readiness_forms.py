"""Forms to answer the readiness questions and to add to the learning log. Validation only."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import ValidationError

from app.forms import Form
from app.forms import choice_field
from app.forms import text_field
from app.projects.readiness import QUESTIONS
from app.projects.readiness import Given
from app.projects.readiness_models import Readiness

NOTE_MOST = 1000
LEARNING_MOST = 5000
TEAM = "team"
ANSWER_MISSING = _l("Choose yes, partly or not yet")


class ReadinessForm(Form):
    """Yes, partly or not yet, and a note, for each question; then who answered."""

    by = choice_field(
        _l("Who is answering?"),
        [SelectChoice("me", _l("Just me")), SelectChoice(TEAM, _l("We answered as a team"))],
        _l("Choose just me or as a team"),
    )
    team = text_field(_l("Who took part"), most=500, kind=TextAreaField)
    form_key = HiddenField()

    def validate_team(self, field: Any) -> None:
        if self.by.data == TEAM and not field.data:
            raise ValidationError(_l("Write the names of the people who took part"))

    def given(self) -> list[Given]:
        return [
            Given(q.key, Readiness(self[q.key].data), self[f"{q.key}_note"].data or "")
            for q in QUESTIONS
        ]


for _question in QUESTIONS:
    setattr(
        ReadinessForm,
        _question.key,
        choice_field(
            _question.words, [SelectChoice(r.value, r.label) for r in Readiness], ANSWER_MISSING
        ),
    )
    setattr(
        ReadinessForm,
        f"{_question.key}_note",
        text_field(
            _l("%(item)s: note (optional)", item=_question.words),
            most=NOTE_MOST,
            kind=TextAreaField,
        ),
    )


def _learning_box(label: Any) -> Any:
    return text_field(label, most=LEARNING_MOST, kind=TextAreaField)


class LearningForm(Form):
    worked = _learning_box(_l("What worked"))
    did_not_work = _learning_box(_l("What did not work"))
    differently = _learning_box(_l("What we will do differently"))
    form_key = HiddenField()

    def validate_worked(self, field: Any) -> None:
        if not (field.data or self.did_not_work.data or self.differently.data):
            raise ValidationError(_l("Write at least one thing you learned"))
