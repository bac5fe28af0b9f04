"""Turning what a person sent for one question into an answer, or a plain reason it cannot be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from app.core.numbers import plain_digits
from app.forms import clean_text
from app.surveys.content import QuestionView
from app.surveys.models import OTHER_TEXT_LIMIT
from app.surveys.models import OTHER_VALUE
from app.surveys.models import QuestionKind

SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 2000
NUMBER_LIMIT = 10**9


@dataclass
class Parsed:
    value: Any = None
    declined: bool = False
    error: str | None = None
    other: str | None = None  # the words written for "Other", kept only when Other is chosen
    error_field: str = "answer"  # the field the error belongs to: "other" for the words


def other_label() -> str:
    return _("Other")


def text_limit(question: QuestionView) -> int:
    default = LONG_TEXT_LIMIT if question.kind == QuestionKind.LONG_TEXT else SHORT_TEXT_LIMIT
    return question.max_length or default


def parse(question: QuestionView, form: MultiDict) -> Parsed:
    """Read this question's answer from the form; declining is allowed unless it is required."""
    if form.get("decline") and not question.required:
        return Parsed(declined=True)
    reader = _READERS[question.kind]
    result = reader(question, form)
    if result.error is None and result.value in (None, "", []):
        if question.required:
            return Parsed(error=_missing_message(question))
        return Parsed(declined=True)
    return result


def _missing_message(question: QuestionView) -> str:
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.NUMBER):
        return _("Enter your answer")
    if question.kind == QuestionKind.PRIORITIES:
        return _("Choose at least one")
    return _("Choose an answer")


def _text(question: QuestionView, form: MultiDict) -> Parsed:
    text = clean_text(form.get("answer", ""))
    limit = text_limit(question)
    if len(text) > limit:
        return Parsed(
            value=text,
            error=ngettext(
                "Your answer must be %(num)d character or fewer",
                "Your answer must be %(num)d characters or fewer",
                limit,
            ),
        )
    return Parsed(value=text)


def _number(question: QuestionView, form: MultiDict) -> Parsed:
    raw = plain_digits(clean_text(form.get("answer", ""))).replace(",", "")
    if not raw:
        return Parsed(value=None)
    if not re.fullmatch(r"-?\d{1,10}", raw):
        return Parsed(value=raw, error=_("Enter a whole number, like 3"))
    number = int(raw)
    low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
    high = question.max_value if question.max_value is not None else NUMBER_LIMIT
    if not low <= number <= high:
        return Parsed(
            value=raw, error=_("Enter a number from %(low)d to %(high)d", low=low, high=high)
        )
    return Parsed(value=number)


def _offered(question: QuestionView) -> set[str]:
    if question.kind == QuestionKind.YES_NO:
        return {"yes", "no"}
    other = {OTHER_VALUE} if question.offers_other else set()
    return {option.value for option in question.options} | other


def _single(question: QuestionView, form: MultiDict) -> Parsed:
    choice = form.get("answer", "")
    if choice and choice not in _offered(question):
        return Parsed(error=_("Choose one of the answers shown"))
    words = _other_words(question, form)
    if words and not choice:
        choice = OTHER_VALUE  # words in the box with nothing chosen: they meant Other
    return _with_other(Parsed(value=choice or None), choice == OTHER_VALUE, words)


def _multiple(question: QuestionView, form: MultiDict) -> Parsed:
    chosen = form.getlist("answer")
    offered = _offered(question)
    if any(choice not in offered for choice in chosen):
        return Parsed(error=_("Choose from the answers shown"))
    words = _other_words(question, form)
    if words and not chosen:
        chosen = [OTHER_VALUE]
    value = [o.value for o in question.options if o.value in chosen]
    value += [OTHER_VALUE] if OTHER_VALUE in chosen else []
    alone = next((o for o in question.options if o.exclusive and o.value in chosen), None)
    if alone is not None and len(value) > 1:
        return Parsed(
            value=value,
            error=_(
                "“%(answer)s” cannot be ticked with other answers. Untick it, or untick the "
                "others.",
                answer=alone.label,
            ),
        )
    return _with_other(Parsed(value=value), OTHER_VALUE in value, words)


def _other_words(question: QuestionView, form: MultiDict) -> str:
    return clean_text(form.get("other", "")) if question.offers_other else ""


def _with_other(parsed: Parsed, chose_other: bool, words: str) -> Parsed:
    """Keep the words written for Other only when Other is chosen; Other needs some words."""
    if not chose_other:
        return parsed  # words left in the box beside another answer are not kept
    parsed.other = words
    if not words:
        parsed.error = _("Write your answer in the box under “Other”, or choose another answer")
        parsed.error_field = "other"
    elif len(words) > OTHER_TEXT_LIMIT:
        parsed.error = ngettext(
            "Your answer for “Other” must be %(num)d character or fewer",
            "Your answer for “Other” must be %(num)d characters or fewer",
            OTHER_TEXT_LIMIT,
        )
        parsed.error_field = "other"
    return parsed


def _priorities(question: QuestionView, form: MultiDict) -> Parsed:
    picks = [form.get(f"answer-{rank}", "") for rank in range(1, (question.pick_count or 3) + 1)]
    chosen = [p for p in picks if p]
    offered = _offered(question)
    if any(choice not in offered for choice in chosen):
        return Parsed(value=picks, error=_("Choose from the answers shown"))
    if len(set(chosen)) != len(chosen):
        return Parsed(value=picks, error=_("Choose each thing only once"))
    return Parsed(value=chosen)


_READERS = {
    QuestionKind.SHORT_TEXT: _text,
    QuestionKind.LONG_TEXT: _text,
    QuestionKind.NUMBER: _number,
    QuestionKind.SINGLE_CHOICE: _single,
    QuestionKind.SCALE: _single,
    QuestionKind.YES_NO: _single,
    QuestionKind.MULTIPLE_CHOICE: _multiple,
    QuestionKind.PRIORITIES: _priorities,
}


def in_survey_words(question: QuestionView, answers: dict, declined: set) -> bool:
    """Whether the answer shown is one of the survey's own answers to choose (in its language),
    rather than words the site says ("Yes", "I'd rather not say", "Other") or words people
    typed."""
    chosen = question.id in answers and question.id not in declined
    value = answers.get(question.id)
    other = value == OTHER_VALUE or (isinstance(value, list) and OTHER_VALUE in value)
    return chosen and bool(question.options) and question.kind != QuestionKind.YES_NO and not other


def describe(question: QuestionView, value: Any, declined: bool, other: str | None = None) -> str:
    """An answer in words, for "Check your answers" and results; other: the words written
    for "Other", shown in its place."""
    if declined or value in (None, "", []):
        return _("I'd rather not say") if declined else _("Not answered")
    if question.kind == QuestionKind.YES_NO:
        return _("Yes") if value == "yes" else _("No")
    if isinstance(value, list):
        return ", ".join(_label(question, v, other) for v in value)
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.SCALE):
        return _label(question, str(value), other)
    return str(value)


def _label(question: QuestionView, value: str, other: str | None) -> str:
    if value != OTHER_VALUE:
        return question.label_of(value)
    if other:
        return _("Other: %(words)s", words=other)
    return other_label()
