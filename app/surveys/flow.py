"""Which questions a person sees, in what order, given what they have answered so far.

Pure functions over loaded content: no database, no request.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    """What the flow needs to know of a question."""

    id: int
    show_if_question_id: int | None
    show_if_value: str | None


def condition_met(answer: Any, wanted: str | None) -> bool:
    if wanted is None:
        return answer is not None
    if isinstance(answer, list):
        return wanted in answer
    return answer is not None and str(answer) == wanted


def visible_steps(steps: Sequence[Step], answers: Mapping[int, Any]) -> list[Step]:
    """The questions to ask, in order: a branch shows only when its earlier answer matches."""
    shown: set[int] = set()
    result = []
    for step in steps:
        controller = step.show_if_question_id
        if controller is not None and (
            controller not in shown
            or not condition_met(answers.get(controller), step.show_if_value)
        ):
            continue
        shown.add(step.id)
        result.append(step)
    return result


def next_step(steps: Sequence[Step], answers: Mapping[int, Any], current: int | None) -> int | None:
    """The question after current (or the first when current is None); None means check answers."""
    visible = [s.id for s in visible_steps(steps, answers)]
    if current is None:
        return visible[0] if visible else None
    order = [s.id for s in steps]
    after = order.index(current) + 1 if current in order else 0
    for step_id in order[after:]:
        if step_id in visible:
            return step_id
    return None


def previous_step(steps: Sequence[Step], answers: Mapping[int, Any], current: int) -> int | None:
    """The question before current that the person was actually shown; None means the start."""
    visible = [s.id for s in visible_steps(steps, answers)]
    order = [s.id for s in steps]
    before = order[: order.index(current)] if current in order else []
    for step_id in reversed(before):
        if step_id in visible:
            return step_id
    return None


def dropped(steps: Sequence[Step], answers: Mapping[int, Any]) -> set[int]:
    """Answered questions on a branch no longer taken: these answers are thrown away."""
    visible = {s.id for s in visible_steps(steps, answers)}
    return {question_id for question_id in answers if question_id not in visible}
