"""Benefit limits: dated, admin-edited, with demo figures that name their source."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func
from sqlalchemy import select

from app.auth.models import Role
from app.demo.thresholds import load_demo_thresholds
from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import ThresholdPeriod
from app.ledger.thresholds import thresholds_in_force
from tests.conftest import csrf_token
from tests.factories import add_thresholds


def _form(client, **fields: str) -> dict:
    return {
        "csrf_token": csrf_token(client, "/staff/thresholds/new"),
        "name": "Carer's Allowance earnings limit",
        "period": "week",
        "amount": "196",
        "effective_from": "2025-04-07",
        "source": "GOV.UK, 2025",
        **fields,
    }


def test_demo_figures_load_once_with_their_source(app: Flask) -> None:
    with app.app_context():
        assert load_demo_thresholds() == 5
        assert load_demo_thresholds() == 0
        rows = {row.name: row for row in db.session.scalars(select(BenefitThreshold))}
    carers = rows["Carer's Allowance earnings limit"]
    assert (carers.amount_pence, carers.period, carers.effective_from) == (
        19600,
        ThresholdPeriod.WEEK,
        date(2025, 4, 7),
    )
    assert rows["Permitted Work lower limit (ESA)"].amount_pence == 2000
    assert rows["Permitted Work higher limit (ESA)"].amount_pence == 19550
    assert {row.period for row in rows.values()} == set(ThresholdPeriod)
    for row in rows.values():
        assert "GOV.UK" in row.source and "2025" in row.source and "each April" in row.source


def test_the_figure_in_force_is_the_latest_for_each_name(app: Flask) -> None:
    with app.app_context():
        for pence, start in ((18000, date(2024, 4, 8)), (19600, date(2025, 4, 7))):
            db.session.add(
                BenefitThreshold(
                    name="Carer's",
                    period=ThresholdPeriod.WEEK,
                    amount_pence=pence,
                    effective_from=start,
                )
            )
        db.session.commit()
        assert thresholds_in_force(ThresholdPeriod.WEEK, date(2024, 3, 1)) == []
        assert [
            t.amount_pence for t in thresholds_in_force(ThresholdPeriod.WEEK, date(2025, 4, 6))
        ] == [18000]
        assert [
            t.amount_pence for t in thresholds_in_force(ThresholdPeriod.WEEK, date(2025, 4, 7))
        ] == [19600]
        assert thresholds_in_force(ThresholdPeriod.MONTH, date(2025, 5, 1)) == []


def test_admin_adds_a_limit_and_a_new_figure_from_a_copy(app: Flask, staff_client) -> None:
    admin = staff_client(Role.ADMIN)
    assert admin.post("/staff/thresholds/new", data=_form(admin)).status_code == 302
    with app.app_context():
        first = db.session.scalar(select(BenefitThreshold.id))
    copy = admin.get(f"/staff/thresholds/new?from={first}").get_data(as_text=True)
    assert 'value="196.00"' in copy and "Carer&#39;s Allowance earnings limit" in copy
    later = _form(admin, amount="205.50", effective_from="2026-04-06")
    assert admin.post("/staff/thresholds/new", data=later).status_code == 302
    page = admin.get("/staff/thresholds").get_data(as_text=True)
    assert "£196.00" in page and "£205.50" in page
    clash = admin.post("/staff/thresholds/new", data=_form(admin))
    assert clash.status_code == 400 and "already has a figure" in clash.get_data(as_text=True)
    admin.post(
        f"/staff/thresholds/{first}/remove",
        data={"csrf_token": csrf_token(admin, "/staff/thresholds")},
    )
    with app.app_context():
        assert db.session.scalar(select(func.count(BenefitThreshold.id))) == 1


def test_viewer_reads_the_limits_but_cannot_change_them(app: Flask, staff_client) -> None:
    with app.app_context():
        add_thresholds()
    viewer = staff_client(Role.VIEWER)
    page = viewer.get("/staff/thresholds").get_data(as_text=True)
    assert "£196.00" in page and "Add a limit" not in page and "Remove" not in page
    token = csrf_token(viewer, "/language")
    assert viewer.post("/staff/thresholds/new", data={"csrf_token": token}).status_code == 403
    assert viewer.post("/staff/thresholds/1/remove", data={"csrf_token": token}).status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count(BenefitThreshold.id))) == 5


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "1.005"}, "part of a penny"),
        ({"amount": "-20"}, "0 or more"),
        ({"amount": "0"}, "more than £0"),
        ({"period": "fortnight"}, "Choose the period"),
        ({"effective_from": "1900-04-06"}, "2000 or later"),
        ({"effective_from": "2999-04-06"}, "no later than"),
        ({"name": ""}, "Enter the name"),
        ({"source": ""}, "Say where the figure comes from"),
    ],
)
def test_hostile_limit_input_gets_a_plain_message(staff_client, fields: dict, message: str) -> None:
    admin = staff_client(Role.ADMIN)
    response = admin.post("/staff/thresholds/new", data=_form(admin, **fields))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
