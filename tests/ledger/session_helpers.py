"""Helpers for the session, rate and statement tests: people, rates and the session form."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from app.extensions import db
from app.ledger.models import ActivityType
from app.ledger.models import Rate
from app.ledger.models import RateBasis
from app.people.models import Participant
from app.people.models import PaymentPreference


def add_people(app: Flask, *preferences: PaymentPreference, benefits: bool = False) -> list[int]:
    with app.app_context():
        people = [
            Participant(name=f"Person {n}", payment_preference=pref, receives_benefits=benefits)
            for n, pref in enumerate(preferences, start=1)
        ]
        db.session.add_all(people)
        db.session.commit()
        return [person.id for person in people]


def add_rate(
    app: Flask,
    pence: int,
    start: date,
    basis: RateBasis = RateBasis.HOURLY,
    activity: ActivityType = ActivityType.WORKSHOP,
) -> int:
    with app.app_context():
        rate = Rate(activity_type=activity, basis=basis, amount_pence=pence, effective_from=start)
        db.session.add(rate)
        db.session.commit()
        return rate.id


def session_form(client: FlaskClient) -> dict[str, str]:
    """The hidden fields of a fresh session form: its token and its form key."""
    html = client.get("/staff/sessions/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    key = re.search(r'id="form_key" name="form_key" type="hidden" value="([^"]+)"', html)
    assert token and key, "the session form lacks its token or key"
    return {"csrf_token": token.group(1), "form_key": key.group(1)}


def session_data(
    hidden: dict[str, str],
    people: list[int],
    held_on: str = "2025-07-01",
    hours: str = "1.5",
    costs: dict[int, tuple[str, str]] | None = None,
    **fields: str,
) -> dict:
    data: dict = {
        **hidden,
        "title": "Menu workshop",
        "held_on": held_on,
        "hours": hours,
        "activity": "workshop",
        "basis": "hourly",
        "project": "",
        "new_project": "",
        "attendees": [str(person) for person in people],
    }
    for person in people:
        travel, care = (costs or {}).get(person, ("", ""))
        data.update(
            {f"role_{person}": "taking_part", f"travel_{person}": travel, f"care_{person}": care}
        )
    data.update(fields)
    return data
