"""Projects to start from, following the research's advice to start small: each fills in the
plan and some checklist notes with plain words that staff change to fit.

The words are in the translation catalogues: a project started from a template is written in
the language of the person who starts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any

from flask_babel import lazy_gettext as _l

from app.projects.models import AccessItem


@dataclass(frozen=True)
class ProjectStarter:
    key: str
    title: Any
    about: Any  # for staff choosing one: what it sets up
    plan: dict[str, Any] = field(default_factory=dict)  # plan part key -> words
    notes: dict[AccessItem, Any] = field(default_factory=dict)


ASK = ProjectStarter(
    "ask",
    _l("Ask people what should change"),
    _l("One survey, one workshop, and a You said, we did update to say what changed."),
    plan={
        "why": _l(
            "We want the people who use our service to tell us what should change, and to see "
            "that we listen."
        ),
        "aims": _l(
            "Hear from at least 20 people, agree three changes together, and say what we did."
        ),
        "co_produce_now": _l(
            "One short survey, one workshop to talk about the answers, and a You said, we did "
            "update."
        ),
        "who_takes_part": _l(
            "People who use the service now. We will ask at sessions, with posters and by text."
        ),
        "roles": _l("At the workshop people can set the agenda, take notes or lead a table."),
        "time_capacity": _l("About 2 hours a week for one member of staff, for 6 weeks."),
        "decisions": _l(
            "At the workshop we decide together which changes come first. We publish what we "
            "decided and why."
        ),
        "walk_away": _l("People see the changes they asked for. We learn how to ask well."),
    },
    notes={
        AccessItem.ADVANCE: _l("Send the survey results a week before the workshop."),
        AccessItem.TRAVEL: _l("Pay bus fares on the day of the workshop."),
        AccessItem.REFRESHMENTS: _l("Tea, coffee and lunch at the workshop."),
    },
)

PANEL = ProjectStarter(
    "panel",
    _l("Set up a lived experience panel"),
    _l("Regular paid meetings where people with lived experience advise us and take on roles."),
    plan={
        "why": _l(
            "People with lived experience should shape our decisions, not only be asked at the end."
        ),
        "aims": _l("A panel of 6 to 10 people who meet every month and advise on our services."),
        "co_produce_now": _l(
            "The panel agrees its own ground rules and picks its first two topics."
        ),
        "who_takes_part": _l(
            "People who used our service in the last two years. We will invite them by letter "
            "and at sessions."
        ),
        "roles": _l(
            "Members take turns to set the agenda, take notes and chair. Some may meet other "
            "organisations for the panel."
        ),
        "time_capacity": _l(
            "Two hours a month for members, and about a day a month for the member of staff "
            "who supports the panel."
        ),
        "skills": _l(
            "Chairing meetings and safeguarding. We offer training to members who want it."
        ),
        "support": _l(
            "A check-in before and after each meeting. Pay for time, and costs paid back quickly."
        ),
        "decisions": _l(
            "The panel's advice goes to the board. We tell the panel what was done with it."
        ),
        "safeguarding": _l(
            "A named safeguarding lead at every meeting, and a plan if someone becomes upset."
        ),
        "walk_away": _l(
            "Members get paid experience, training and a statement of what they did. We make "
            "better decisions."
        ),
    },
    notes={
        AccessItem.TIMING: _l("Ask members which day and time suits them best."),
        AccessItem.TRAVEL: _l("Pay travel for every meeting."),
        AccessItem.QUIET_VOICES: _l("Go round the table so everyone can speak."),
    },
)

CO_DESIGN = ProjectStarter(
    "co_design",
    _l("Co-design a change to a service"),
    _l("Collect ideas, shape them together in workshops, then check the change with a survey."),
    plan={
        "why": _l(
            "We want to change part of our service, and the people who use it know best what works."
        ),
        "aims": _l("A change designed with the people who use the service, tried out and checked."),
        "co_produce_now": _l(
            "Collect ideas, hold two workshops to shape the best ones, then a short survey to "
            "check the change."
        ),
        "who_takes_part": _l(
            "People who use this part of the service, and the staff and volunteers who run it."
        ),
        "roles": _l(
            "People can share ideas, lead a workshop activity, take notes or test the change."
        ),
        "time_capacity": _l(
            "About three months: two workshops of two hours, and time to try the change."
        ),
        "skills": _l("Leading workshops. We could ask a partner to help lead the first one."),
        "partners": _l("Other local groups who made similar changes."),
        "decisions": _l(
            "The workshop group chooses which ideas to try. We say honestly what we cannot do, "
            "and why."
        ),
        "walk_away": _l("A better service, and a group of people who know they changed it."),
    },
    notes={
        AccessItem.IT: _l("Lend a tablet to anyone who wants to join online."),
        AccessItem.INTERPRETERS: _l("Book interpreters for the workshops if people need them."),
        AccessItem.CHILDCARE: _l("Pay for childcare during the workshops."),
    },
)

STARTERS: dict[str, ProjectStarter] = {s.key: s for s in (ASK, PANEL, CO_DESIGN)}
