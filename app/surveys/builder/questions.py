"""Staff use cases for questions: add, change and remove, never breaking stored answers.

An answered question keeps its type; an answer people chose is retired (hidden from new
people) rather than deleted; a removed question that has answers is retired too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy import select

from app.core.idempotency import use_key
from app.extensions import db
from app.surveys.builder.options import Relabelled
from app.surveys.builder.options import sync_options
from app.surveys.builder.services import AlreadyDone
from app.surveys.builder.services import Refused
from app.surveys.builder.services import forget_translations
from app.surveys.builder.services import words_changed
from app.surveys.models import OTHER_KINDS
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.response_models import counted
from app.transactions import unit_of_work

BRANCH_KINDS = (QuestionKind.YES_NO, QuestionKind.SINGLE_CHOICE, QuestionKind.SCALE)


@dataclass(frozen=True)
class QuestionDraft:
    """A question as staff typed it on the question page."""

    kind: QuestionKind
    text: str
    help_text: str
    required: bool
    labels: list[str]
    max_length: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    pick_count: int | None = None
    show_if: tuple[int, str] | None = None
    last_alone: bool = False  # the last answer cannot be ticked with others
    offers_other: bool = False  # "Other" with a box to write in, for choose-one or choose-all


@dataclass(frozen=True)
class Condition:
    number: int  # the earlier question's number
    answer: str  # the answer that makes this question appear, in words


@dataclass(frozen=True)
class QuestionRow:
    id: int
    number: int
    kind: QuestionKind
    text: str
    required: bool
    condition: Condition | None  # when this question is asked
    answers: int
    choices: list[str]  # the answers to choose from, the first few
    more_choices: int  # how many more there are
    leads_to: list[Condition]  # later questions asked only after an answer to this one


SHOWN_CHOICES = 5


@dataclass(frozen=True)
class BranchTarget:
    key: str  # "<question id>:<answer value>", the select's value
    number: int
    text: str
    answer: str


def live(survey: Survey) -> list[Question]:
    return [q for q in survey.questions if not q.retired]


def numbers(survey: Survey) -> dict[int, int]:
    """Question id -> the number participants see."""
    return {q.id: n for n, q in enumerate(live(survey), start=1)}


def answer_counts(survey_id: int, sent_only: bool = False) -> dict[int, int]:
    """Question id -> how many responses hold an answer to it (declining counts). Any answer
    at all, one still being typed included, protects a question from a change of type; the
    list staff read counts only the people who sent theirs (`sent_only`)."""
    query = (
        select(Answer.question_id, func.count())
        .join(Question, Question.id == Answer.question_id)
        .where(Question.survey_id == survey_id)
        .group_by(Answer.question_id)
    )
    if sent_only:
        query = query.join(Response, Response.id == Answer.response_id).where(counted())
    return dict(db.session.execute(query).all())


def chosen_counts(question_id: int) -> Counter[str]:
    """Answer value -> how many people chose it."""
    counts: Counter[str] = Counter()
    for value in db.session.scalars(
        select(Answer.value).where(Answer.question_id == question_id, Answer.declined.is_(False))
    ):
        counts.update(str(v) for v in (value if isinstance(value, list) else [value]))
    return counts


def answer_label(question: Question, value: str | None) -> str:
    if question.kind == QuestionKind.YES_NO:
        return _("Yes") if value == "yes" else _("No")
    return next((o.label for o in question.options if o.value == value), value or "")


def question_rows(survey: Survey) -> list[QuestionRow]:
    """The survey's live questions as its page lists them: type, answers, branches, counts."""
    counts, nums = answer_counts(survey.id, sent_only=True), numbers(survey)
    by_id = {q.id: q for q in live(survey)}
    leads: dict[int, list[Condition]] = {}
    for question in live(survey):
        if controller := by_id.get(question.show_if_question_id):
            answer = answer_label(controller, question.show_if_value)
            leads.setdefault(controller.id, []).append(Condition(nums[question.id], answer))
    rows = []
    for question in live(survey):
        controller = by_id.get(question.show_if_question_id)
        condition = (
            Condition(nums[controller.id], answer_label(controller, question.show_if_value))
            if controller
            else None
        )
        choices = _choices(question)
        rows.append(
            QuestionRow(
                question.id,
                nums[question.id],
                question.kind,
                question.text,
                question.required,
                condition,
                counts.get(question.id, 0),
                choices[:SHOWN_CHOICES],
                max(0, len(choices) - SHOWN_CHOICES),
                leads.get(question.id, []),
            )
        )
    return rows


def _choices(question: Question) -> list[str]:
    if question.kind == QuestionKind.YES_NO:
        return [answer_label(question, "yes"), answer_label(question, "no")]
    return [o.label for o in question.options if not o.retired]


def branch_targets(survey: Survey, question: Question | None) -> list[BranchTarget]:
    """Every earlier question and answer a question may depend on."""
    nums, targets = numbers(survey), []
    for earlier in live(survey):
        if question is not None and earlier.position >= question.position:
            break
        if earlier.kind not in BRANCH_KINDS:
            continue
        values = (
            ["yes", "no"]
            if earlier.kind == QuestionKind.YES_NO
            else [o.value for o in earlier.options if not o.retired]
        )
        targets += [
            BranchTarget(
                f"{earlier.id}:{v}", nums[earlier.id], earlier.text, answer_label(earlier, v)
            )
            for v in values
        ]
    return targets


def dependents(survey: Survey, question: Question, value: str | None = None) -> list[Question]:
    """Live questions asked only depending on question (and on that answer, when given)."""
    return [
        q
        for q in live(survey)
        if q.show_if_question_id == question.id and (value is None or q.show_if_value == value)
    ]


@unit_of_work()
def add_question(survey: Survey, draft: QuestionDraft, form_key: str | None) -> int:
    """Add a question after the last one; returns its id. A second send of the same form adds
    nothing (AlreadyDone); a refusal part way through leaves nothing half-changed (as with every
    unit of work), its form key unused."""
    if not use_key(form_key):
        raise AlreadyDone
    position = max((q.position for q in survey.questions), default=0) + 1
    question = Question(position=position, kind=draft.kind, text=draft.text)
    _set_branch(survey, question, draft.show_if)
    survey.questions.append(question)
    _apply(question, draft)
    _sync(survey, question, draft, Counter())
    db.session.flush()
    return question.id


@unit_of_work()
def update_question(survey: Survey, question: Question, draft: QuestionDraft) -> None:
    """Change a question; its type only while nobody has answered it or depends on it."""
    if draft.kind != question.kind:
        if answer_counts(survey.id).get(question.id):
            raise Refused("kind_answered")
        if found := dependents(survey, question):
            raise Refused("kind_branch", number=numbers(survey)[found[0].id])
    _set_branch(survey, question, draft.show_if)
    text, help_text = f"q:{question.id}:text", f"q:{question.id}:help"
    before = {text: question.text, help_text: question.help_text}
    after = {text: draft.text, help_text: draft.help_text}
    answers = _sync(survey, question, draft, chosen_counts(question.id))
    _apply(question, draft)
    words_changed(survey.id, before | answers.before, after | answers.after)
    forget_translations(survey.id, answers.gone)


def _apply(question: Question, draft: QuestionDraft) -> None:
    kind = draft.kind
    question.kind, question.text, question.help_text = kind, draft.text, draft.help_text
    question.required = draft.required
    # Taken away, it is no longer offered; what people chose and wrote stays in the results.
    question.offers_other = draft.offers_other and kind in OTHER_KINDS
    question.max_length = draft.max_length if kind.is_text else None
    question.min_value = draft.min_value if kind == QuestionKind.NUMBER else None
    question.max_value = draft.max_value if kind == QuestionKind.NUMBER else None
    question.pick_count = (
        (draft.pick_count or min(3, len(draft.labels))) if kind == QuestionKind.PRIORITIES else None
    )


def _set_branch(survey: Survey, question: Question, show_if: tuple[int, str] | None) -> None:
    if show_if is None:
        question.show_if_question_id, question.show_if_value = None, None
        return
    allowed = {t.key for t in branch_targets(survey, question if question.id else None)}
    if f"{show_if[0]}:{show_if[1]}" not in allowed:
        raise Refused("branch_invalid")
    question.show_if_question_id, question.show_if_value = show_if


def _sync(
    survey: Survey, question: Question, draft: QuestionDraft, chosen: Counter[str]
) -> Relabelled:
    def depending_on(value: str) -> int | None:
        found = dependents(survey, question, value)
        return numbers(survey)[found[0].id] if found else None

    changes = sync_options(question, draft.kind, draft.labels, chosen, depending_on)
    live = sorted((o for o in question.options if not o.retired), key=lambda o: o.position)
    alone = draft.last_alone and draft.kind == QuestionKind.MULTIPLE_CHOICE
    for option in question.options:
        option.exclusive = alone and option is live[-1]
    return changes


@unit_of_work()
def remove_question(survey: Survey, question: Question) -> bool:
    """Delete an unanswered question; retire an answered one. True when it was retired."""
    if found := dependents(survey, question):
        raise Refused("remove_branch", number=numbers(survey)[found[0].id])
    retired = bool(answer_counts(survey.id).get(question.id))
    if retired:
        question.retired = True
    else:
        keys = [f"q:{question.id}:text", f"q:{question.id}:help"]
        forget_translations(survey.id, keys + [f"o:{o.id}:label" for o in question.options])
        survey.questions.remove(question)
    return retired
