"""Surveys to start from: well-worded question sets a charity can use as they are or change.

Their words are in the translation catalogues, so a survey started from one is written in its
main language and arrives translated into every other language the site speaks. Everything in
it can be changed afterwards, like any survey.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from app.surveys.models import QuestionKind

YES_NO, SCALE, SINGLE = QuestionKind.YES_NO, QuestionKind.SCALE, QuestionKind.SINGLE_CHOICE
SEVERAL, TOP = QuestionKind.MULTIPLE_CHOICE, QuestionKind.PRIORITIES
LONG, SHORT = QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT


@dataclass(frozen=True)
class StarterQuestion:
    kind: QuestionKind
    text: LazyString
    help_text: LazyString | None = None
    options: tuple[tuple[str, LazyString], ...] = ()  # (stored value, words people see)
    pick_count: int | None = None
    # Only asked when the question at this place in the list (from 0) got this answer.
    show_if: tuple[int, str] | None = None
    last_alone: bool = False  # the last answer cannot be ticked with others


@dataclass(frozen=True)
class Starter:
    key: str
    title: LazyString
    about: LazyString  # for staff choosing one: what it asks and when to use it
    intro: LazyString
    what_happens: LazyString
    consent_text: LazyString
    anonymous: bool
    questions: tuple[StarterQuestion, ...] = field(default=())


GOOD_OR_BAD = (
    ("very-bad", _l("Very bad")),
    ("bad", _l("Bad")),
    ("ok", _l("OK")),
    ("good", _l("Good")),
    ("very-good", _l("Very good")),
)
YOUR_CHOICE = _l(
    "Taking part is your choice. You can stop at any time. We only use your answers to make "
    "things better."
)

WHAT_SHOULD_CHANGE = Starter(
    key="what-should-change",
    title=_l("What should change?"),
    about=_l(
        "Ask people what works in your service, what should change and what matters most to "
        "them. Nobody gives their name."
    ),
    intro=_l(
        "We want to make our service better, and we want to do it with you. Tell us what "
        "works for you and what should change."
    ),
    what_happens=_l(
        "We read every answer. We will tell you what you told us and what we are changing "
        "because of it."
    ),
    consent_text=YOUR_CHOICE,
    anonymous=True,
    questions=(
        StarterQuestion(YES_NO, _l("Have you used our service in the last year?")),
        StarterQuestion(
            SCALE, _l("How good is our service for you?"), options=GOOD_OR_BAD, show_if=(0, "yes")
        ),
        StarterQuestion(LONG, _l("What works well for you?"), show_if=(0, "yes")),
        StarterQuestion(
            LONG,
            _l("What should change?"),
            help_text=_l("Tell us in your own words. Small things matter too."),
        ),
        StarterQuestion(
            TOP,
            _l("Which of these matter most to you?"),
            options=(
                ("times", _l("Opening times that suit me")),
                ("welcome", _l("A warm welcome")),
                ("quick", _l("Getting help quickly")),
                ("clear", _l("Information that is easy to understand")),
                ("language", _l("Help in my language")),
                ("easy-to-reach", _l("A place that is easy to get to and move around in")),
            ),
            pick_count=3,
        ),
        StarterQuestion(LONG, _l("Is there anything else you want to tell us?")),
    ),
)

HOW_WAS_IT = Starter(
    key="how-was-it",
    title=_l("How was it for you?"),
    about=_l(
        "Ask people after a session or a meeting how it went for them and what would make the "
        "next one better. Nobody gives their name."
    ),
    intro=_l(
        "Thank you for coming. Tell us how the session was for you, so we can make the next one "
        "better."
    ),
    what_happens=_l(
        "The people who run the sessions read every answer. We will tell you what we change."
    ),
    consent_text=YOUR_CHOICE,
    anonymous=True,
    questions=(
        StarterQuestion(SCALE, _l("How was the session for you?"), options=GOOD_OR_BAD),
        StarterQuestion(YES_NO, _l("Did you feel listened to?")),
        StarterQuestion(
            YES_NO,
            _l("Did you have what you needed to take part?"),
            help_text=_l(
                "For example, help with travel, someone to translate, breaks or a quiet space."
            ),
        ),
        StarterQuestion(LONG, _l("What was missing?"), show_if=(2, "no")),
        StarterQuestion(LONG, _l("What should we do differently next time?")),
        StarterQuestion(YES_NO, _l("Would you come to another session?")),
    ),
)

YOUR_NEEDS = Starter(
    key="your-needs",
    title=_l("Tell us about your needs"),
    about=_l(
        "Ask each person how to contact them and what helps them take part, like their "
        "language, large print or a quiet space. People give their name, so you can get things "
        "ready for them."
    ),
    intro=_l(
        "We want everyone to be able to take part. Tell us what helps you, so we can get it "
        "ready before you come."
    ),
    what_happens=_l(
        "Only the staff who plan our sessions see your answers. You can ask us to change them "
        "at any time."
    ),
    consent_text=_l(
        "Taking part is your choice. Only tell us what you want to. We keep your answers safe "
        "and only use them to get things ready for you."
    ),
    anonymous=False,
    questions=(
        StarterQuestion(
            SEVERAL,
            _l("How should we contact you?"),
            options=(
                ("text", _l("Text message")),
                ("phone", _l("Phone call")),
                ("email", _l("Email")),
                ("letter", _l("Letter")),
                ("whatsapp", _l("WhatsApp")),
                ("someone", _l("Through someone who supports me")),
            ),
        ),
        StarterQuestion(
            SINGLE,
            _l("Which language should we use with you?"),
            options=(
                ("english", _l("English")),
                ("welsh", _l("Welsh")),
                ("polish", _l("Polish")),
                ("arabic", _l("Arabic")),
                ("urdu", _l("Urdu")),
                ("bengali", _l("Bengali")),
                ("bsl", _l("British Sign Language")),
                ("other", _l("Another language")),
            ),
        ),
        StarterQuestion(SHORT, _l("Which language?"), show_if=(1, "other")),
        StarterQuestion(
            SEVERAL,
            _l("What would help you take part?"),
            options=(
                ("translate", _l("Someone to translate for me")),
                ("large-print", _l("Large print")),
                ("easy-read", _l("Easy read")),
                ("step-free", _l("Step-free access")),
                ("quiet", _l("A quiet space")),
                ("breaks", _l("Breaks when I need them")),
                ("travel", _l("Help with travel")),
                ("childcare", _l("Childcare")),
                ("nothing", _l("Nothing, thank you")),
            ),
            last_alone=True,
        ),
        StarterQuestion(LONG, _l("Is there anything else that would help you take part?")),
    ),
)

STARTERS = {s.key: s for s in (WHAT_SHOULD_CHANGE, HOW_WAS_IT, YOUR_NEEDS)}
