"""Demo "You said, we did" updates: a dozen in every status, with months of dated history.

They are made through the real services, so the rules hold and publishing queues messages for
the demo people who asked to hear back; then their dates are spread over the last six months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.demo.update_translations import TRANSLATIONS
from app.extensions import db
from app.feedback import services
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateStatus
from app.ledger.models import InvolvementSession
from app.ledger.models import Project
from app.outbox.models import MessageStatus
from app.outbox.models import OutboxMessage
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.transactions import unit_of_work

CONSIDERING, DOING, DONE, CANT_DO = (
    UpdateStatus.CONSIDERING,
    UpdateStatus.DOING,
    UpdateStatus.DONE,
    UpdateStatus.CANT_DO,
)
PUBLISH = "publish"
CAFE, ADVICE = "Café review", "Advice service redesign"  # the demo ledger's projects

# Each theme and the demo answers it tags (GOOD_THINGS and OTHER_THOUGHTS in demo_survey.py).
THEMES: dict[str, tuple[str, ...]] = {
    "Opening hours": ("Please open on Saturdays. I work in the week.",),
    "Getting in": ("The step at the door is hard for my mum.",),
    "Children": ("I would come more if there was something for my kids.",),
    "Too loud": ("Sometimes it is too loud and I have to leave.",),
    "Forms and letters": ("Thank you for the help with my housing letter.",),
    "Languages": ("Can you have someone who speaks Polish?",),
    "Travel costs": ("The bus costs too much. Could you help with fares?",),
    "Food": ("More hot food in winter please.", "Good soup"),
    "Kind people": (
        "The staff are kind",
        "Friendly people",
        "Nobody judges you",
        "The volunteers listen",
    ),
}


@dataclass(frozen=True)
class DemoUpdate:
    key: str  # its entry in TRANSLATIONS
    said: str
    body: str
    # (days ago, a status or PUBLISH), oldest first; the first step is the status it starts in
    steps: tuple[tuple[int, UpdateStatus | str], ...]
    reason: str = ""
    themes: tuple[str, ...] = ()
    session: str | None = None  # the title of a demo ledger session held before it started
    project: str | None = None


UPDATES = (
    DemoUpdate(
        "evening_cafe",
        "The café closes too early for people who work. Please stay open later.",
        "We now stay open until **7pm on Thursdays**.\n\n- Two volunteers run the evening café.\n"
        "- The hot food is the same as in the day.\n- It is still free.\n\n"
        "See all our opening times: https://example.org/cafe",
        ((105, CONSIDERING), (104, PUBLISH), (60, DOING), (12, DONE)),
        themes=("Opening hours",),
        session="Opening hours workshop",
        project=CAFE,
    ),
    DemoUpdate(
        "saturdays",
        "Please open the café on Saturdays. Some of us work all week.",
        "We talked about Saturdays with the volunteers and with the owners of the hall.",
        ((50, CONSIDERING), (49, PUBLISH), (20, CANT_DO)),
        reason="Another group rents the hall every Saturday. We have no other room that is big "
        "enough. We will ask again when their booking ends next year. Until then, the café is "
        "open until 7pm on Thursdays.",
        themes=("Opening hours",),
        project=CAFE,
    ),
    DemoUpdate(
        "ramp",
        "The step at the front door is hard for wheelchairs, walking frames and buggies.",
        "We have ordered a ramp for the front door. The owners of the building have agreed.\n\n"
        "- Until it comes, please use the side door. It has no step.\n"
        "- Ring the bell and a volunteer will let you in.",
        ((40, CONSIDERING), (39, PUBLISH), (25, DOING)),
        themes=("Getting in",),
        project=CAFE,
    ),
    DemoUpdate(
        "hot_meals",
        "Please serve more hot food, most of all in winter.",
        "We now serve a free hot meal every Tuesday and Thursday at 12:30.\n\n"
        "- There is always a vegetarian and a halal choice.\n"
        "- A local supermarket gives us food it would otherwise throw away.\n\n"
        "Tell a volunteer if you cannot eat nuts or gluten.",
        ((135, CONSIDERING), (134, PUBLISH), (110, DOING), (70, DONE)),
        themes=("Food",),
        session="Café menu workshop",
        project=CAFE,
    ),
    DemoUpdate(
        "children",
        "It is hard to come with children when there is nothing for them to do.",
        "We are making a play corner with toys, books and crayons. Two parents are helping us "
        "choose what to buy.\n\nWe hope it will be ready for the school holidays.",
        ((35, CONSIDERING), (34, PUBLISH), (14, DOING)),
        themes=("Children",),
        project=CAFE,
    ),
    DemoUpdate(
        "quiet_room",
        "The café is too loud for some of us. We would like a quiet place to sit.",
        "We are looking at the small room at the back of the hall. It needs a heater and some "
        "soft chairs.\n\nWe will decide at the next steering group meeting. Anyone who uses the "
        "café is welcome to come.",
        ((21, CONSIDERING), (20, PUBLISH)),
        themes=("Too loud",),
        project=CAFE,
    ),
    DemoUpdate(
        "bus_fares",
        "The bus costs too much. Some of us cannot come to meetings because of the fare.",
        "We now pay your bus fare when you come to a workshop or a meeting.\n\n"
        "- Keep your ticket, or take a photo of it.\n"
        "- Ask for the money on the day, or claim it on your page on this site.\n\n"
        "You may also get a free bus pass: https://www.gov.uk/apply-for-disabled-bus-pass",
        ((185, CONSIDERING), (184, PUBLISH), (160, DONE)),
        themes=("Travel costs",),
        session="Steering group meeting",
    ),
    DemoUpdate(
        "evening_advice",
        "The advice line is only open in the day. People who work cannot call.",
        "We talked about this at the advice line focus group.",
        ((17, CONSIDERING), (16, PUBLISH), (6, CANT_DO)),
        reason="Our advisers must be trained and insured to give advice. Our money only pays "
        "for daytime hours. We have asked a trust for a grant to open two evenings a week. "
        "We will tell you if we get it.",
        session="Advice line focus group",
        project=ADVICE,
    ),
    DemoUpdate(
        "languages",
        "Some of us find it hard to talk to you in English. Please have someone who speaks Polish.",
        "Three volunteers now help in the café in Polish, Arabic and Bengali. They wear a badge "
        "that shows which languages they speak.\n\nWe are still looking for a volunteer who "
        "speaks Urdu. Can you help? Find out more: https://example.org/volunteer",
        ((45, CONSIDERING), (44, PUBLISH), (30, DOING)),
        themes=("Languages",),
        project=CAFE,
    ),
    DemoUpdate(
        "call_back",
        "It takes too long to get through to the advice line. Some people give up.",
        "We started a call-back service.\n\n1. Call the advice line.\n"
        "2. If nobody answers, leave your name and number.\n"
        "3. An adviser calls you back the same day.\n\n"
        "Read more about the advice line: https://example.org/advice",
        ((165, CONSIDERING), (164, PUBLISH), (150, DOING), (95, DONE)),
        session="Advice line focus group",
        project=ADVICE,
    ),
    DemoUpdate(
        "forms_help",
        "Many people need help with forms and letters, like letters about housing or benefits.",
        "We are talking to a local advice centre about a weekly drop-in at the café.",
        ((8, CONSIDERING),),
        themes=("Forms and letters",),
        project=ADVICE,
    ),
    DemoUpdate(
        "busy_times",
        "At busy times there are not enough volunteers. People wait a long time for a cup of tea.",
        "We are looking for two more volunteers on Tuesdays. We will put up a poster in the café.",
        ((45, CONSIDERING), (5, DOING)),
        session="Steering group meeting",
        project=CAFE,
    ),
)


def load_demo_updates(survey: Survey, staff_id: int) -> None:
    """Tag the demo survey's answers with themes, then make the demo updates and their history."""
    themes = _tag_answers(survey)
    for demo in UPDATES:
        links = [(LinkKind.THEME, themes[name]) for name in demo.themes]
        if demo.session:
            links.append((LinkKind.SESSION, _session(demo.session, demo.steps[0][0])))
        _make(demo, links, staff_id)


@unit_of_work()
def _tag_answers(survey: Survey) -> dict[str, int]:
    """Make the themes and tag every demo text answer that matches one; name -> theme id."""
    themes = {name: Theme(survey_id=survey.id, name=name) for name in THEMES}
    db.session.add_all(themes.values())
    db.session.flush()
    wanted = {text: themes[name].id for name, texts in THEMES.items() for text in texts}
    rows = db.session.execute(
        select(Answer.id, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(
            Response.survey_id == survey.id,
            Question.kind.in_([QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT]),
            Answer.value.is_not(None),
        )
    )
    for answer_id, value in rows:
        theme_id = wanted.get(str(value))
        if theme_id is not None:
            db.session.add(AnswerTheme(answer_id=answer_id, theme_id=theme_id))
    return {name: theme.id for name, theme in themes.items()}


def _session(title: str, days_ago: int) -> int:
    """The latest session with this title held before the update started (else the latest)."""
    before = date.today() - timedelta(days=days_ago)
    query = select(InvolvementSession.id).where(InvolvementSession.title == title)
    order = InvolvementSession.held_on.desc()
    found = db.session.scalar(query.where(InvolvementSession.held_on <= before).order_by(order))
    return found or db.session.scalars(query.order_by(order)).first()


def _make(demo: DemoUpdate, links: list[tuple[LinkKind, int]], staff_id: int) -> None:
    first = UpdateStatus(demo.steps[0][1])  # every update starts in a status
    project = (
        db.session.scalar(select(Project.id).where(Project.name == demo.project))
        if demo.project
        else None
    )
    record = services.create(
        services.UpdateDraft(
            said=demo.said,
            body=demo.body,
            status=first,
            reason=demo.reason if first == CANT_DO else "",
            project_id=project,
            links=links,
        ),
        staff_id,
    )
    # Translations first, so the messages publishing queues are in each person's language.
    for language, texts in TRANSLATIONS[demo.key].items():
        services.save_translations(record.id, language, texts)
    for _days, step in demo.steps[1:]:
        if step == PUBLISH:
            services.publish(record.id, staff_id)
        else:
            services.change_status(record.id, UpdateStatus(step), demo.reason, staff_id)
    _spread_dates(record.id, [days for days, _step in demo.steps])


def _moment(days_ago: int) -> datetime:
    """A working-hours time that many days ago, varied so the history does not look machine-made."""
    day = utcnow() - timedelta(days=days_ago)
    return day.replace(hour=9 + days_ago % 7, minute=days_ago * 13 % 60, second=0, microsecond=0)


@unit_of_work()
def _spread_dates(update_id: int, days: list[int]) -> None:
    """Date each event (and the messages it queued) on its own day, oldest first."""
    record = db.session.get(Update, update_id)
    assert record is not None  # it was made a moment ago
    moments = [_moment(d) for d in days]
    for event, moment in zip(record.events, moments, strict=True):
        event.at = moment
        db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.event_id == event.id)
            # These changes happened months ago: their messages went out at the time, so the
            # demo does not post a backlog of old news the first time someone sends messages.
            .values(
                created_at=moment,
                next_attempt_at=moment,
                status=MessageStatus.SENT,
                attempts=1,
                sent_at=moment + timedelta(minutes=5),
            )
        )
    record.created_at, record.changed_at = moments[0], moments[-1]
    published = [e.at for e in record.events if e.kind == EventKind.PUBLISHED]
    record.published_at = published[-1] if published else None
