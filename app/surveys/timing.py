"""How long a survey takes: worked out from its questions, or as staff typed it.

The start page, the paper copy and the builder all say the same number, read from here.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.surveys.models import QuestionKind
from app.surveys.models import Survey

# About how long someone on a phone takes over one question of each kind, in seconds: reading
# it, choosing or writing, and pressing Continue. Writing takes longest.
SECONDS = {
    QuestionKind.YES_NO: 10,
    QuestionKind.SINGLE_CHOICE: 15,
    QuestionKind.SCALE: 15,
    QuestionKind.NUMBER: 15,
    QuestionKind.MULTIPLE_CHOICE: 20,
    QuestionKind.SHORT_TEXT: 30,
    QuestionKind.PRIORITIES: 40,
    QuestionKind.LONG_TEXT: 90,
}
START_AND_CHECK = 30  # the start page and "Check your answers"
CONSENT = 20
NAME = 15
MOST = 240  # the most minutes a survey may say (the database's limit)


def estimate_minutes(kinds: Iterable[QuestionKind], consent: bool, named: bool) -> int:
    """Whole minutes, rounded up, for questions of these kinds and the pages around them."""
    seconds = START_AND_CHECK + sum(SECONDS[kind] for kind in kinds)
    seconds += (CONSENT if consent else 0) + (NAME if named else 0)
    return min(MOST, max(1, -(-seconds // 60)))


def estimated(survey: Survey) -> int:
    """What the survey's live questions come to."""
    kinds = (q.kind for q in survey.questions if not q.retired)
    return estimate_minutes(kinds, bool(survey.consent_text.strip()), not survey.anonymous)


def minutes_needed(survey: Survey) -> int:
    """The minutes people are told: worked out from the questions, or as staff typed them."""
    return estimated(survey) if survey.minutes_from_questions else survey.time_needed_minutes
