"""Small factories: each builds just the rows a test needs, straight from the models.

Tests never build their data from the demo content, so the demo can change freely and the suite
does not pay for building it. Call these inside an app context; each commits what it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from app.db import utcnow
from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import ThresholdPeriod
from app.surveys.models import Channel
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.models import SurveyText
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.survey_words import LANGUAGES
from tests.survey_words import QUESTIONS
from tests.survey_words import STANDS_ALONE
from tests.survey_words import SURVEY
from tests.survey_words import WORDS


@dataclass(frozen=True)
class MadeSurvey:
    id: int
    slug: str
    questions: dict[str, int]  # local key from tests/survey_words.py -> question id

    @property
    def first_question(self) -> int:
        return next(iter(self.questions.values()))


def survey_translations() -> dict[str, dict[str, str]]:
    """The test survey's words by language: {"cy": {"q.often.text": ...}, ...}."""
    return {
        language: {part: words[n] for part, words in WORDS.items()}
        for n, language in enumerate(LANGUAGES)
    }


def make_survey(
    slug: str = SURVEY["slug"], *, translated: bool = True, created_by_id: int | None = None
) -> MadeSurvey:
    """An open survey with every question kind and a branch, in every language unless told not."""
    survey = Survey(
        **{**SURVEY, "slug": slug},
        main_language="en",
        anonymous=True,
        created_by_id=created_by_id,
        status=SurveyStatus.OPEN,
        opens_at=utcnow() - timedelta(days=60),
    )
    db.session.add(survey)
    made: dict[str, Question] = {}
    for position, (key, kind, text, settings) in enumerate(QUESTIONS, 1):
        made[key] = _question(survey, position, QuestionKind(kind), text, settings, made)
    if translated:
        _translate(survey, made)
    db.session.commit()
    return MadeSurvey(survey.id, survey.slug, {key: q.id for key, q in made.items()})


def _question(
    survey: Survey, position: int, kind: QuestionKind, text: str, settings, made
) -> Question:
    show_if = settings.get("show_if")
    question = Question(
        position=position,
        kind=kind,
        text=text,
        help_text=settings.get("help", ""),
        max_length=settings.get("max_length"),
        min_value=settings.get("min_value"),
        max_value=settings.get("max_value"),
        pick_count=settings.get("pick_count"),
        show_if_value=show_if[1] if show_if else None,
        options=[
            Option(position=n, value=value, label=label, exclusive=value in STANDS_ALONE)
            for n, (value, label) in enumerate(settings.get("options", []), 1)
        ],
    )
    survey.questions.append(question)
    db.session.flush()
    if show_if:
        question.show_if_question_id = made[show_if[0]].id
    return question


def _translate(survey: Survey, made: dict[str, Question]) -> None:
    for language, texts in survey_translations().items():
        for part, text in texts.items():
            db.session.add(
                SurveyText(survey_id=survey.id, language=language, key=_key(part, made), text=text)
            )


def _key(part: str, made: dict[str, Question]) -> str:
    """'title' stays; 'q.visited.text' -> 'q:12:text'; 'o.often.weekly' -> 'o:40:label'."""
    if "." not in part:
        return part
    kind, key, name = part.split(".")
    question = made[key]
    if kind == "q":
        return f"q:{question.id}:{name}"
    option = next(o for o in question.options if o.value == name)
    return f"o:{option.id}:label"


def add_responses(survey_id: int, count: int) -> None:
    """`count` sent responses over the last weeks, each answering every question, the options
    taken in turn."""
    survey = db.session.get(Survey, survey_id)
    assert survey is not None
    for n in range(count):
        when = utcnow() - timedelta(days=n % 50, minutes=n)
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language=("en", *LANGUAGES)[n % 6],
            channel=list(Channel)[n % len(Channel)],
            consent_version=1,
            consent_text=survey.consent_text,
            consented_at=when,
            created_at=when,
            submitted_at=when + timedelta(minutes=5),
        )
        response.answers = [_answer(question, n) for question in survey.questions]
        db.session.add(response)
    db.session.commit()


def _answer(question: Question, n: int) -> Answer:
    values = [option.value for option in question.options] or ["yes", "no"]
    if question.kind == QuestionKind.NUMBER:
        value: object = 1 + n % 6
    elif question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        value = f"Answer {n}"
    elif question.kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.PRIORITIES):
        value = [values[n % (len(values) - 1)]]  # never the answer that stands alone
    else:
        value = values[n % len(values)]
    return Answer(question_id=question.id, value=value)


# Weekly and monthly limits from the 2025 to 2026 tax year, each for the benefit it belongs to.
THRESHOLDS = (
    ("Permitted Work lower limit (ESA)", ThresholdPeriod.WEEK, 2000, "esa"),
    ("Permitted Work higher limit (ESA)", ThresholdPeriod.WEEK, 19550, "esa"),
    ("Carer's Allowance earnings limit", ThresholdPeriod.WEEK, 19600, "carers_allowance"),
    (
        "Universal Credit work allowance (with housing costs)",
        ThresholdPeriod.MONTH,
        41100,
        "universal_credit",
    ),
    ("Income Tax Personal Allowance", ThresholdPeriod.TAX_YEAR, 1257000, None),
)


def add_thresholds() -> None:
    """The benefit limits the warnings are tested against, in force from April 2025."""
    for name, period, pence, benefit in THRESHOLDS:
        db.session.add(
            BenefitThreshold(
                name=name,
                period=period,
                amount_pence=pence,
                effective_from=date(2025, 4, 7),
                benefit=benefit,
                source="Test figures.",
            )
        )
    db.session.commit()
