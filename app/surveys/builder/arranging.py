"""Staff use cases for a question's place: move it to any place in one step, or duplicate it
straight after itself. Every branch stays after the question it depends on."""

from __future__ import annotations

from app.core.idempotency import use_key
from app.extensions import db
from app.surveys.builder.copying import copy_of
from app.surveys.builder.copying import copy_translations
from app.surveys.builder.copying import translation_keys
from app.surveys.builder.questions import dependents
from app.surveys.builder.questions import live
from app.surveys.builder.questions import numbers
from app.surveys.builder.services import AlreadyDone
from app.surveys.builder.services import Refused
from app.surveys.models import Question
from app.surveys.models import Survey
from app.transactions import unit_of_work


@unit_of_work()
def place_question(survey: Survey, question: Question, number: int) -> None:
    """Move a live question to be question number (beyond the last: the last), in one step,
    keeping every branch after what it depends on."""
    order = live(survey)
    order.remove(question)
    order.insert(max(0, min(number - 1, len(order))), question)
    _check_branch_order(survey, question, order)
    slots = sorted(q.position for q in order)  # removed questions keep their places
    for position, each in zip(slots, order, strict=True):
        each.position = position
    survey.questions.sort(key=lambda q: q.position)


def _check_branch_order(survey: Survey, moved: Question, order: list[Question]) -> None:
    place = {q.id: n for n, q in enumerate(order)}
    nums = numbers(survey)
    earlier = moved.show_if_question_id
    if earlier in place and place[earlier] > place[moved.id]:
        raise Refused("move_after", number=nums[earlier])
    for later in dependents(survey, moved):
        if place[later.id] < place[moved.id]:
            raise Refused("move_before", number=nums[later.id])


@unit_of_work()
def duplicate_question(survey: Survey, question: Question, form_key: str | None) -> int:
    """A copy of the question straight after it: words, settings, answers to choose, branch and
    translations; returns its id. A second send of the same form copies nothing."""
    if not use_key(form_key):
        raise AlreadyDone
    for later in survey.questions:
        if later.position > question.position:
            later.position += 1
    copy = copy_of(question, question.position + 1)
    copy.show_if_question_id = question.show_if_question_id
    survey.questions.insert(survey.questions.index(question) + 1, copy)
    db.session.flush()
    copy_translations(survey.id, survey.id, translation_keys(question, copy))
    return copy.id
