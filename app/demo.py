"""Demo data for trying WithUs on one's own computer: loaded only into an empty database."""

from __future__ import annotations

from sqlalchemy import func, select

from app.auth import services
from app.auth.models import Role, StaffUser
from app.extensions import db

DEMO_STAFF = (
    ("Amira Haddad", "admin@demo.withus.test", Role.ADMIN),
    ("Owen Price", "coordinator@demo.withus.test", Role.COORDINATOR),
    ("Grace Mensah", "finance@demo.withus.test", Role.FINANCE),
    ("Tomasz Nowak", "trustee@demo.withus.test", Role.VIEWER),
)


def demo_password(role: Role) -> str:
    return f"demo-{role.value}-password"


def load_demo_data() -> list[tuple[str, str, str]]:
    """Create the demo staff; return (email, role, password) for each, or [] if not empty."""
    if db.session.scalar(select(func.count()).select_from(StaffUser)):
        return []
    created = []
    for name, email, role in DEMO_STAFF:
        services.create_staff_user(email=email, name=name, role=role, password=demo_password(role))
        created.append((email, role.value, demo_password(role)))
    return created
