"""The parts of a project's plan and its checklist, each with the research's own prompts as
its hint ("Starting co-production in small charities", Clore Social Leadership, 2021)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from app.projects.models import AccessItem


@dataclass(frozen=True)
class PlanPart:
    key: str  # the Project column that holds it
    label: Any
    hint: Any


PLAN: tuple[PlanPart, ...] = (
    PlanPart(
        "why",
        _l("Why are we doing this?"),
        _l(
            "Think about what will be better at the end, so this is not co-production for its "
            "own sake. What is our organisation already doing?"
        ),
    ),
    PlanPart(
        "aims",
        _l("What do we want to achieve?"),
        _l("What do we want this piece of co-production to achieve? Is the outcome clear?"),
    ),
    PlanPart(
        "co_produce_now",
        _l("What can be co-produced now?"),
        _l("You can start small: do one small piece well and learn from it."),
    ),
    PlanPart(
        "who_takes_part",
        _l("Who takes part, and how do we find them?"),
        _l(
            "Where are we finding people to take part? How are we explaining the project? "
            "Are we making it as easy as possible to join in?"
        ),
    ),
    PlanPart(
        "roles",
        _l("What roles can people take?"),
        _l(
            "For example setting the agenda, taking notes, leading a meeting, or meeting other "
            "organisations. Are we using the skills and knowledge people bring?"
        ),
    ),
    PlanPart(
        "time_capacity",
        _l("How much time will it take, and who has the time?"),
        _l("How much of everyone's time will this take? Who has time, or where could we make it?"),
    ),
    PlanPart(
        "skills",
        _l("What skills do we need, and where are the gaps?"),
        _l(
            "For example leading groups and safeguarding. What do we have already? Do the "
            "people with the skills also have the time?"
        ),
    ),
    PlanPart(
        "support",
        _l("What support does everyone need?"),
        _l(
            "For staff, volunteers and participants: for example IT to join online sessions, "
            "training, or supervision."
        ),
    ),
    PlanPart(
        "partners",
        _l("Who could we work with?"),
        _l(
            "Are there people, organisations or companies we could team up with? We do not "
            "have to be experts in everything."
        ),
    ),
    PlanPart(
        "decisions",
        _l("How are decisions made, and how do we stay accountable?"),
        _l(
            "Who decides what, and how? Are we open about how it works and what came of it? "
            "How do we answer to people with lived experience for what we decide?"
        ),
    ),
    PlanPart(
        "safeguarding",
        _l("How do we keep everyone safe?"),
        _l(
            "Are there safeguarding steps we need to protect participants? What support is in "
            "place for the wellbeing of staff, volunteers and participants?"
        ),
    ),
    PlanPart(
        "walk_away",
        _l("What will everyone walk away with?"),
        _l(
            "What will everyone have that they did not have before? Skills, experience, a "
            "better understanding of the issues, a better service?"
        ),
    ),
)
PLAN_KEYS = tuple(part.key for part in PLAN)

ACCESS_HINTS: dict[AccessItem, Any] = {
    AccessItem.IT: _l("Devices, data or help to join online sessions."),
    AccessItem.INTERPRETERS: _l("Spoken languages and British Sign Language (BSL)."),
    AccessItem.TIMING: _l("Ask people when suits them, not only office hours."),
    AccessItem.ADVANCE: _l("Papers and the agenda in good time, in formats people can use."),
    AccessItem.CHILDCARE: _l("Paying for childcare, or a space for children."),
    AccessItem.TRAVEL: _l("Paying travel costs, on the day if people need it."),
    AccessItem.REFRESHMENTS: _l("Food and drink that suits everyone."),
    AccessItem.QUIET_VOICES: _l("Always make time for quiet voices and help them be heard."),
}
