"""Forms to start a project, change its plan and fill in its checklist. Validation only."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice

from app.forms import Form
from app.forms import choice_field
from app.forms import text_field
from app.projects.models import AccessItem
from app.projects.models import ProjectStage
from app.projects.plan import PLAN
from app.projects.services import CheckRow
from app.projects.starters import STARTERS

NAME_MISSING = _l("Enter a name for the project")
PLAN_MOST = 5000
NOTE_MOST = 1000
BLANK = "blank"
DONE_CHOICES = [SelectChoice("yes", _l("Done")), SelectChoice("no", _l("Not yet"))]


def _name_field() -> Any:
    return text_field(_l("Project name"), required=NAME_MISSING, most=120)


class StartForm(Form):
    name = _name_field()
    starter = choice_field(
        _l("How do you want to start?"),
        [
            SelectChoice(BLANK, _l("A blank plan")),
            *(SelectChoice(s.key, s.title) for s in STARTERS.values()),
        ],
        _l("Choose a template or a blank plan"),
    )
    form_key = HiddenField()


class PlanForm(Form):
    """The project's name and stage, then one box for each part of the plan."""

    name = _name_field()
    stage = choice_field(
        _l("Stage"),
        [SelectChoice(stage.value, stage.label) for stage in ProjectStage],
        _l("Choose the stage the project is at"),
    )

    def plan(self) -> dict[str, str]:
        return {part.key: self[part.key].data or "" for part in PLAN}


for _part in PLAN:
    setattr(
        PlanForm,
        _part.key,
        text_field(_part.label, most=PLAN_MOST, kind=TextAreaField),
    )


class ChecklistForm(Form):
    """Done or not yet, and a note, for each item of the accessibility checklist."""

    def rows(self) -> list[CheckRow]:
        return [
            CheckRow(
                item,
                self[f"{item.value}_done"].data == "yes",
                self[f"{item.value}_note"].data or "",
            )
            for item in AccessItem
        ]


def checklist_data(rows: list[CheckRow]) -> dict[str, str]:
    """Saved checklist rows in the shape ChecklistForm expects."""
    data: dict[str, str] = {}
    for row in rows:
        data[f"{row.item.value}_done"] = "yes" if row.done else "no"
        data[f"{row.item.value}_note"] = row.note
    return data


for _item, _words in AccessItem.labels().items():
    setattr(
        ChecklistForm,
        f"{_item.value}_done",
        choice_field(_words, DONE_CHOICES, _l("Choose done or not yet")),
    )
    setattr(
        ChecklistForm,
        f"{_item.value}_note",
        text_field(
            _l("%(item)s: note (optional)", item=_words), most=NOTE_MOST, kind=TextAreaField
        ),
    )
