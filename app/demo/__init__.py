"""Demo data for trying WithUs on one's own computer: loaded only into an empty database."""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy import select

from app.auth import services
from app.auth.models import Role
from app.auth.models import StaffUser
from app.demo.ledger import load_demo_ledger
from app.demo.projects import link_demo_survey
from app.demo.readiness import load_demo_readiness
from app.demo.survey import add_demo_responses
from app.demo.survey import create_demo_survey
from app.demo.survey_translations import TRANSLATIONS
from app.demo.thresholds import load_demo_thresholds
from app.demo.updates import load_demo_updates
from app.extensions import db

DEMO_RESPONSES = 320

DEMO_STAFF = (
    ("Amira Haddad", "admin@demo.withus.test", Role.ADMIN),
    ("Owen Price", "coordinator@demo.withus.test", Role.COORDINATOR),
    ("Grace Mensah", "finance@demo.withus.test", Role.FINANCE),
    ("Tomasz Nowak", "trustee@demo.withus.test", Role.VIEWER),
)


def demo_password(role: Role) -> str:
    return f"demo-{role.value}-password"


def load_demo_data() -> list[tuple[str, str, str]]:
    """Create demo staff, a survey with responses, involvement and updates; return the sign-ins,
    or [] if the database is not empty."""
    if db.session.scalar(select(func.count()).select_from(StaffUser)):
        return []
    created = []
    staff = {}
    for name, email, role in DEMO_STAFF:
        user = services.create_staff_user(
            email=email, name=name, role=role, password=demo_password(role)
        )
        staff[role] = user.id
        created.append((email, role.value, demo_password(role)))
    survey = create_demo_survey(staff[Role.COORDINATOR], TRANSLATIONS)
    add_demo_responses(survey, DEMO_RESPONSES)
    load_demo_ledger(staff[Role.COORDINATOR], staff[Role.ADMIN], staff[Role.FINANCE])
    link_demo_survey(survey)
    load_demo_readiness()
    load_demo_thresholds()
    load_demo_updates(survey, staff[Role.COORDINATOR])  # needs the survey's answers and sessions
    return created
