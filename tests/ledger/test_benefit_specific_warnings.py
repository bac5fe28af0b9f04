"""People are warned about the limits of the benefits they get, and old figures are flagged."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ThresholdPeriod
from app.ledger.thresholds import out_of_date_since
from app.ledger.totals import threshold_warnings
from app.people.models import Participant
from tests.conftest import LedgerData


def _limits(app: Flask, start: date) -> None:
    with app.app_context():
        db.session.add_all(
            [
                BenefitThreshold(
                    name="Permitted Work lower limit",
                    period=ThresholdPeriod.WEEK,
                    amount_pence=2000,
                    effective_from=start,
                    benefit="esa",
                    source="test",
                ),
                BenefitThreshold(
                    name="Any benefit weekly check",
                    period=ThresholdPeriod.WEEK,
                    amount_pence=2500,
                    effective_from=start,
                    source="test",
                ),
            ]
        )
        db.session.commit()


def test_a_limit_for_one_benefit_warns_only_people_who_get_it(
    app: Flask, ledger: LedgerData
) -> None:
    held = date.today() - timedelta(days=400)
    _limits(app, held)
    with app.app_context():
        day = db.session.get(Claim, ledger.claim).lines[0].spent_on
        assert day >= held
    with app.app_context():
        warnings = threshold_warnings(ledger.claim)  # Ama gets Universal Credit only
        names = " ".join(w.message for w in warnings)
    assert "Any benefit weekly check" in names
    assert "Permitted Work lower limit" not in names
    with app.app_context():
        db.session.get(Participant, ledger.participant).benefits = ["universal_credit", "esa"]
        db.session.commit()
        names = " ".join(w.message for w in threshold_warnings(ledger.claim))
    assert "Permitted Work lower limit" in names


def test_figures_from_before_this_tax_year_are_flagged(app: Flask) -> None:
    today = date(2026, 11, 26)
    with app.app_context():
        assert out_of_date_since(today) is None  # no figures: nothing to call old
        db.session.add(
            BenefitThreshold(
                name="Old",
                period=ThresholdPeriod.WEEK,
                amount_pence=100,
                effective_from=date(2025, 4, 7),
                source="test",
            )
        )
        db.session.commit()
        assert out_of_date_since(today) == date(2026, 4, 6)
        db.session.add(
            BenefitThreshold(
                name="Old",
                period=ThresholdPeriod.WEEK,
                amount_pence=120,
                effective_from=date(2026, 4, 6),
                source="test",
            )
        )
        db.session.commit()
        assert out_of_date_since(today) is None


def test_the_limits_page_says_when_figures_may_be_old(app: Flask, staff_client) -> None:
    with app.app_context():
        db.session.add(
            BenefitThreshold(
                name="Old",
                period=ThresholdPeriod.WEEK,
                amount_pence=100,
                effective_from=date.today() - timedelta(days=800),
                source="test",
                benefit="pip",
            )
        )
        db.session.commit()
    page = staff_client(Role.VIEWER).get("/staff/thresholds").get_data(as_text=True)
    assert "These figures may be out of date" in page
    assert "Personal Independence Payment (PIP)" in page
