"""Keeping a question's answers to choose in step with the lines staff type, answers kept.

Answers keep their stored value when their words stay the same or are changed in place, so
what people already chose still means the same; an answer people chose is retired, not deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

from app.core.slugs import hyphenated
from app.surveys.builder.services import Refused
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import QuestionKind


@dataclass
class Relabelled:
    """What a change did to the answers' words, by translation key."""

    before: dict[str, str] = field(default_factory=dict)  # words changed: the old words
    after: dict[str, str] = field(default_factory=dict)  # ... and the new ones
    gone: list[str] = field(default_factory=list)  # answers deleted, whose translations go too


def sync_options(
    question: Question,
    kind: QuestionKind,
    labels: list[str],
    chosen: Counter[str],
    dependents: Callable[[str], int | None],
) -> Relabelled:
    """Make the question's answers match the typed lines; says which answers' words changed.

    chosen counts how many people picked each answer; dependents(value) gives the number of a
    question asked only when that answer is chosen, if there is one.
    """
    labels = labels if kind.has_options else []
    if kind == QuestionKind.SCALE:
        by_value = {o.value: o for o in question.options}
        plan = [(by_value.get(str(n)), label) for n, label in enumerate(labels, start=1)]
    else:
        plan = _match_by_label(question.options, labels)
    kept = {id(option) for option, _label in plan if option is not None}
    dropped = [o for o in question.options if id(o) not in kept and not o.retired]
    for option in dropped:
        if found := dependents(option.value):
            raise Refused("option_branch", number=found, answer=option.label)
    taken = {o.value for o in question.options}
    changes = Relabelled()
    for position, (option, label) in enumerate(plan, start=1):
        if option is None:
            value = str(position) if kind == QuestionKind.SCALE else _value(label, taken)
            question.options.append(Option(value=value, label=label, position=position))
            taken.add(value)
            continue
        if option.label != label:
            changes.before[f"o:{option.id}:label"] = option.label
            changes.after[f"o:{option.id}:label"] = label
        option.label, option.position, option.retired = label, position, False
    for position, option in enumerate(dropped, start=len(plan) + 1):
        # A retired answer keeps its translation, ready if the answer is brought back.
        if chosen[option.value]:
            option.retired, option.position = True, position
        else:
            changes.gone.append(f"o:{option.id}:label")
            question.options.remove(option)
    return changes


def _match_by_label(options: list[Option], labels: list[str]) -> list[tuple[Option | None, str]]:
    """Same words keep their answer; changed words at the same place keep it too (a typo fix)."""
    by_label = {o.label.casefold(): o for o in options}
    used: set[int] = set()
    plan: list[tuple[Option | None, str]] = []
    for label in labels:
        option = by_label.get(label.casefold())
        if option is not None and id(option) not in used:
            used.add(id(option))
            plan.append((option, label))
        else:
            plan.append((None, label))
    current = [o for o in options if not o.retired]
    for index, (option, label) in enumerate(plan):
        if option is None and index < len(current) and id(current[index]) not in used:
            used.add(id(current[index]))
            plan[index] = (current[index], label)
    return plan


def _value(label: str, taken: set[str]) -> str:
    """A stable value from an answer's words: 'Every week' -> 'every-week', unique."""
    base = hyphenated(label, 40) or "answer"
    value, n = base, 2
    while value in taken:
        value, n = f"{base}-{n}", n + 1
    return value
