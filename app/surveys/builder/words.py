"""The plain words staff pages use for question types, survey states and refusals."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.surveys.models import QuestionKind
from app.surveys.models import SurveyStatus

TEXT_LIMIT = 20000

KIND_NAMES = QuestionKind.labels()

STATUS_NAMES = SurveyStatus.labels()

# What a status button does, and what it says when the survey cannot make that move.
MOVE_BUTTONS = {
    SurveyStatus.OPEN: _l("Open the survey"),
    SurveyStatus.CLOSED: _l("Close the survey"),
    SurveyStatus.ARCHIVED: _l("Archive the survey"),
}
BRING_BACK = _l("Bring the survey back")
BROUGHT_BACK = _l(
    "The survey is back. It is closed, with all its answers: open it when people should "
    "answer it again."
)
MOVE_DONE = {
    SurveyStatus.OPEN: _l("The survey is open. People can answer it now."),
    SurveyStatus.CLOSED: _l("The survey is closed. People cannot answer it any more."),
    SurveyStatus.ARCHIVED: _l(
        "The survey is archived. Its results and answers are kept. You can bring it back."
    ),
}
OPEN_OUTSIDE_DATES = _l(
    "The survey is open, but people cannot answer it today because of its first or last day."
)

REFUSALS = {
    "illegal_open": _l("You can only open a survey that is a draft or closed."),
    "illegal_closed": _l("You can only close a survey that is open or archived."),
    "illegal_archived": _l(
        "You can only archive a survey that is a draft or closed. Close it first."
    ),
    "no_questions": _l("Add at least one question before you open the survey."),
    "slug_taken": _l("Another survey uses that web address. Choose a different one."),
    "kind_answered": _l(
        "People have answered this question, so you cannot change its type. "
        "Add a new question instead."
    ),
    "kind_branch": _l(
        "Question %(number)d depends on the answer to this question, so you cannot change its type."
    ),
    "option_branch": _l(
        "Question %(number)d is only asked when someone chooses “%(answer)s”, so you "
        "cannot take that answer away."
    ),
    "branch_invalid": _l("Choose an earlier question from the list"),
    "move_after": _l("This question depends on question %(number)d, so it must stay after it."),
    "move_before": _l(
        "Question %(number)d depends on this question, so this one must stay before it."
    ),
    "remove_branch": _l(
        "Question %(number)d depends on the answer to this question. Change question "
        "%(number)d first."
    ),
    "not_taking_entries": _l(
        "You can enter answers only when the survey is open or closed, not a draft or archived."
    ),
}


def refusal(reason: str, details: dict[str, Any]) -> str:
    """A refusal in words, with its details (a question number, an answer) filled in."""
    return str(REFUSALS[reason]) % details if details else str(REFUSALS[reason])
