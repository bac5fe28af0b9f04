"""Dates on the survey builder's pages are British (issue 15, point 9): typed day first or picked,
shown as "31 March 2027", and a last day for answers that has passed is refused with its date
and what to do, while a passed last day already saved stays when other details change."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Survey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send

TODAY = datetime.now(UTC).date()  # London is never more than a day from UTC: tests keep clear
NEXT_YEAR = TODAY.year + 1


def _british(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _refused(client, path: str, last_day: str) -> str:
    response = send(client, path, {**SURVEY_FIELDS, "last_day": last_day})
    assert response.status_code == 400, last_day
    return response.get_data(as_text=True)


def test_a_last_day_that_has_passed_is_refused_with_its_date_and_what_to_do(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    passed = TODAY - timedelta(days=3)
    page = _refused(client, "/staff/surveys/new", f"{passed.day}/{passed.month}/{passed.year}")
    expected = (
        f"The last day, {_british(passed)}, has already passed. "
        "Choose today or a later day, or leave it empty."
    )
    assert expected in page and 'href="#last_day"' in page  # in the summary, linked
    assert f'value="{passed.day}/{passed.month}/{passed.year}"' in page  # kept as typed
    assert "The last day, 1 January 1900, has already passed." in _refused(
        client, "/staff/surveys/new", "1900-01-01"
    )
    with app.app_context():
        assert db.session.query(Survey).count() == 0


def test_a_last_day_typed_day_first_is_kept_and_shown_the_british_way(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    form = client.get("/staff/surveys/new").get_data(as_text=True)
    assert "type the day first, like 31/3/2026" in form and "2026-03-31" not in form
    survey_id = create_survey(client, opens_on="", last_day=f"31/3/{NEXT_YEAR}")
    overview = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert f"31 March {NEXT_YEAR}" in overview
    assert f"{NEXT_YEAR}-03-31" not in overview and f"March 31, {NEXT_YEAR}" not in overview
    edit = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    assert f'type="date" value="{NEXT_YEAR}-03-31"' in edit  # what a date picker reads
    # Today in London, taken now: a run that crosses midnight still types in today.
    london_today = datetime.now(ZoneInfo("Europe/London")).date()
    today = create_survey(client, slug="today", last_day=london_today.isoformat())
    assert today


def test_a_passed_last_day_already_saved_stays_but_cannot_be_moved_to_another_passed_day(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, last_day=f"{NEXT_YEAR}-01-31")
    passed = TODAY - timedelta(days=40)
    with app.app_context():  # the survey ran its course: its last day is behind it now
        survey = db.session.get(Survey, survey_id)
        survey.closes_at = datetime.combine(passed + timedelta(days=1), datetime.min.time())
        db.session.commit()
    path = f"/staff/surveys/{survey_id}/edit"
    kept = send(client, path, {**SURVEY_FIELDS, "title": "New title", "last_day": str(passed)})
    assert kept.status_code == 302
    earlier = passed - timedelta(days=1)
    assert f"The last day, {_british(earlier)}, has already passed." in _refused(
        client, path, str(earlier)
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2026", "Enter a real date with the day first, like 31/3/2026"),
        ("2026-13-01", "Enter a real date with the day first, like 31/3/2026"),
        ("tomorrow", "Enter a real date with the day first, like 31/3/2026"),
        ("1" * 5000, "Enter a real date with the day first, like 31/3/2026"),
        ("9999-12-31", "Enter a date from the year 2000 to 2200, like 31/3/2026"),
        ("0001-01-01", "has already passed"),
    ],
)
def test_dates_that_cannot_be_get_a_plain_message(staff_client, typed: str, message: str) -> None:
    client = staff_client(Role.COORDINATOR)
    assert message in _refused(client, "/staff/surveys/new", typed)


def test_a_date_typed_in_arabic_digits_is_read(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    arabic = "".join("٠١٢٣٤٥٦٧٨٩"[int(c)] if c.isdigit() else c for c in f"1/6/{NEXT_YEAR}")
    survey_id = create_survey(client, last_day=arabic)
    assert f"1 June {NEXT_YEAR}" in client.get(f"/staff/surveys/{survey_id}").get_data(True)
