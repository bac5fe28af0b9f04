"""The staff home says what needs each person today, by role, each line linking to the place to
act (issue 11, point 10)."""

from __future__ import annotations

import re
from datetime import date
from datetime import timedelta

from flask import Flask
from sqlalchemy import update

from app.auth.models import Role
from app.core.periods import tax_year_start
from app.db import utcnow
from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ThresholdPeriod
from app.surveys.models import Survey
from tests.surveys.test_results import respond


def _tasks(client) -> list[tuple[str, str]]:
    page = client.get("/staff/").get_data(as_text=True)
    listed = re.search(r'<ul class="list task-list">(.*?)</ul>', page, re.S)
    if listed is None:
        assert "Nothing is waiting for you today." in page
        return []
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', listed.group(1))


def test_nothing_waiting_says_so(staff_client) -> None:
    client = staff_client(Role.VIEWER)
    assert _tasks(client) == []


def test_finance_sees_claims_to_approve_and_to_pay_with_amounts_and_age(
    app: Flask, staff_client, ledger
) -> None:
    with app.app_context():
        db.session.execute(
            update(Claim)
            .where(Claim.id == ledger.claim)
            .values(submitted_at=utcnow() - timedelta(days=4, hours=1))
        )
        db.session.commit()
    tasks = _tasks(staff_client(Role.FINANCE))
    assert (
        "/staff/claims?status=submitted",
        "1 claim is waiting for approval: £34.80 in all. The oldest has waited 4 days.",
    ) in tasks
    assert not any("status=draft" in href for href, _words in tasks)  # not finance's to send


def test_a_viewer_sees_open_surveys_and_todays_responses_but_no_money(
    app: Flask, staff_client, ledger, survey
) -> None:
    respond(app, survey, {"visited": "no"})
    respond(app, survey, {"visited": "yes"}, minutes_ago=3 * 24 * 60)  # not today
    with app.app_context():
        title = db.session.get(Survey, survey.id).title
    tasks = _tasks(staff_client(Role.VIEWER))
    assert tasks == [
        (f"/staff/surveys/{survey.id}/results", f"Open survey “{title}”: 1 response today.")
    ]


def test_admin_is_told_when_benefit_limits_are_older_than_this_tax_year(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.ADMIN)
    start = tax_year_start(date.today())
    assert any(href == "/staff/thresholds" for href, _words in _tasks(client))
    with app.app_context():
        db.session.add(
            BenefitThreshold(
                name="Permitted Work",
                period=ThresholdPeriod.WEEK,
                amount_pence=20_000,
                effective_from=start,
            )
        )
        db.session.commit()
    assert not any(href == "/staff/thresholds" for href, _words in _tasks(client))


def test_writers_see_drafts_and_unsent_claims(app: Flask, staff_client, updates, ledger) -> None:
    with app.app_context():
        db.session.execute(update(Claim).values(status="draft"))
        db.session.commit()
    tasks = dict((words, href) for href, words in _tasks(staff_client(Role.COORDINATOR)))
    assert tasks["1 claim has not been sent for a decision yet. The oldest has waited 0 days."] == (
        "/staff/claims?status=draft"
    )
    assert tasks["1 “You said, we did” update is still a draft."] == "/staff/updates/"
