"""The demo survey: every question type and a branch, with realistic made-up responses."""

from __future__ import annotations

import random
from datetime import timedelta

from app.db import utcnow
from app.extensions import db
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

STANDS_ALONE = {"nothing"}  # answers that cannot be ticked with others

SURVEY = {
    "slug": "cafe",
    "title": "Our drop-in café: what should change?",
    "organiser": "Riverside Community Hub",
    "intro": "We run the drop-in café every Tuesday and Thursday. We want to make it better "
    "for you.\n\nTell us what works, what is hard, and what we should change first.",
    "what_happens": "We will read every answer in June. We will share what we decided on our "
    "You said, we did page and at the café.",
    "consent_text": "Taking part is your choice. You can skip any question. We keep your "
    "answers safe and only our staff read them. We do not ask your name. We may share a few "
    "short quotes from the answers, without names, when we tell everyone what people said.",
    "time_needed_minutes": 5,
}

YES_NO, SINGLE, SCALE, MULTI, TOP, NUMBER, SHORT, LONG = (
    QuestionKind.YES_NO,
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.SCALE,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.PRIORITIES,
    QuestionKind.NUMBER,
    QuestionKind.SHORT_TEXT,
    QuestionKind.LONG_TEXT,
)

# (local key, kind, text, help text, options as (value, label), extra settings)
QUESTIONS: list[tuple[str, QuestionKind, str, str, list[tuple[str, str]], dict]] = [
    ("visited", YES_NO, "Have you been to the café in the last year?", "", [], {}),
    (
        "often",
        SINGLE,
        "How often do you come?",
        "",
        [
            ("weekly", "Every week"),
            ("monthly", "About once a month"),
            ("sometimes", "A few times a year"),
            ("once", "Only once"),
        ],
        {"show_if": ("visited", "yes")},
    ),
    (
        "welcome",
        SCALE,
        "How welcome do you feel at the café?",
        "Think about the last time you came.",
        [
            ("1", "Not at all welcome"),
            ("2", "Not very welcome"),
            ("3", "Not sure"),
            ("4", "Quite welcome"),
            ("5", "Very welcome"),
        ],
        {},
    ),
    (
        "hard",
        MULTI,
        "What makes it hard to come?",
        "",
        [
            ("travel", "The cost of travel"),
            ("times", "The opening times"),
            ("childcare", "Looking after children"),
            ("anxious", "Feeling anxious"),
            ("language", "Not speaking English well"),
            ("access", "Getting in with a wheelchair"),
            ("nothing", "Nothing makes it hard"),
        ],
        {},
    ),
    (
        "priorities",
        TOP,
        "Which changes matter most to you?",
        "Pick up to 3. Put the most important first.",
        [
            ("hours", "Open for longer"),
            ("meals", "Free hot meals"),
            ("forms", "Help with forms and letters"),
            ("quiet", "A quiet room"),
            ("children", "Things for children to do"),
            ("languages", "Staff who speak my language"),
        ],
        {"pick_count": 3},
    ),
    (
        "household",
        NUMBER,
        "How many people live in your home?",
        "Count yourself too.",
        [],
        {"min_value": 1, "max_value": 20},
    ),
    ("well", SHORT, "What is one thing we do well?", "", [], {}),
    (
        "else",
        LONG,
        "Is there anything else you want to tell us?",
        "For example, an idea, a worry or something that happened.",
        [],
        {"max_length": 1000},
    ),
]

GOOD_THINGS = [
    "The staff are kind",
    "Friendly people",
    "The tea is free",
    "Help with my phone",
    "It is warm",
    "Nobody judges you",
    "The volunteers listen",
    "Good soup",
]
OTHER_THOUGHTS = [
    "Please open on Saturdays. I work in the week.",
    "The step at the door is hard for my mum.",
    "I would come more if there was something for my kids.",
    "Sometimes it is too loud and I have to leave.",
    "Thank you for the help with my housing letter.",
    "Can you have someone who speaks Polish?",
    "The bus costs too much. Could you help with fares?",
    "More hot food in winter please.",
]


def create_demo_survey(
    created_by_id: int | None, translations: dict[str, dict[str, str]], slug: str = SURVEY["slug"]
) -> Survey:
    """Create and open the demo survey with its translations (local keys as in QUESTIONS)."""
    survey = Survey(
        **{**SURVEY, "slug": slug},
        main_language="en",
        anonymous=True,
        created_by_id=created_by_id,
        status=SurveyStatus.OPEN,
        opens_at=utcnow() - timedelta(days=60),
    )
    db.session.add(survey)
    by_key: dict[str, Question] = {}
    for position, (key, kind, text, help_text, options, extra) in enumerate(QUESTIONS, 1):
        condition = extra.get("show_if")
        question = Question(
            position=position,
            kind=kind,
            text=text,
            help_text=help_text,
            max_length=extra.get("max_length"),
            min_value=extra.get("min_value"),
            max_value=extra.get("max_value"),
            pick_count=extra.get("pick_count"),
            show_if_value=condition[1] if condition else None,
            options=[
                Option(position=i, value=v, label=label, exclusive=v in STANDS_ALONE)
                for i, (v, label) in enumerate(options, 1)
            ],
        )
        survey.questions.append(question)
        db.session.flush()
        if condition:
            question.show_if_question_id = by_key[condition[0]].id
        by_key[key] = question
    db.session.flush()
    _add_translations(survey, by_key, translations)
    return survey


def _db_key(local: str, by_key: dict[str, Question]) -> str | None:
    """'title' stays; 'q.visited.text' -> 'q:12:text'; 'o.often.weekly' -> 'o:40:label'."""
    parts = local.split(".")
    if len(parts) == 1:
        return local
    question = by_key.get(parts[1])
    if question is None:
        return None
    if parts[0] == "q":
        return f"q:{question.id}:{parts[2]}"
    option = next((o for o in question.options if o.value == parts[2]), None)
    return f"o:{option.id}:label" if option else None


def _add_translations(
    survey: Survey, by_key: dict[str, Question], translations: dict[str, dict[str, str]]
) -> None:
    for language, texts in translations.items():
        for local, text in texts.items():
            key = _db_key(local, by_key)
            if key is not None:
                db.session.add(
                    SurveyText(survey_id=survey.id, language=language, key=key, text=text)
                )


def add_demo_responses(survey: Survey, count: int, seed: int = 7) -> None:
    """Varied submitted responses over the last two months, so results look real."""
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, not secrets
    questions = {q.position: q for q in survey.questions}
    languages = ["en"] * 6 + ["cy", "pl", "pl", "ar", "ur", "bn", "bn"]
    made = []
    for _ in range(count):
        when = utcnow() - timedelta(days=rng.randint(0, 58), minutes=rng.randint(0, 600))
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language=rng.choice(languages),
            channel=rng.choices(list(Channel), weights=[80, 10, 6, 4])[0],
            consent_version=1,
            consent_text=survey.consent_text,
            consented_at=when,
            created_at=when,
            submitted_at=when + timedelta(minutes=rng.randint(2, 15)),
        )
        response.answers = list(_answers(rng, questions))
        made.append(response)
    # Added in the order sent, so the database numbers them as real ones would be numbered.
    db.session.add_all(sorted(made, key=lambda response: response.submitted_at))


def _answers(rng: random.Random, q: dict[int, Question]):
    def answer(question: Question, value) -> Answer:
        if value is None:
            return Answer(question_id=question.id, declined=True)
        return Answer(question_id=question.id, value=value)

    visited = rng.random() < 0.8
    yield answer(q[1], "yes" if visited else "no")
    if visited:
        yield answer(
            q[2],
            rng.choices(["weekly", "monthly", "sometimes", "once"], weights=[40, 30, 20, 10])[0],
        )
    yield answer(
        q[3],
        None
        if rng.random() < 0.05
        else rng.choices(["1", "2", "3", "4", "5"], weights=[3, 7, 15, 40, 35])[0],
    )
    hard = [
        v
        for v in ["travel", "times", "childcare", "anxious", "language", "access"]
        if rng.random() < 0.3
    ]
    yield answer(q[4], hard or ["nothing"])
    yield answer(
        q[5],
        rng.sample(
            ["hours", "meals", "forms", "quiet", "children", "languages"], rng.randint(1, 3)
        ),
    )
    yield answer(q[6], None if rng.random() < 0.15 else rng.randint(1, 6))
    yield answer(q[7], rng.choice(GOOD_THINGS) if rng.random() < 0.7 else None)
    if rng.random() < 0.4:
        yield answer(q[8], rng.choice(OTHER_THOUGHTS))
