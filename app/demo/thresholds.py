"""Demo benefit thresholds, each naming its source: figures for the 2025 to 2026 tax year.

Admins check the real ones each April, when most limits change; these only show how it works.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.extensions import db
from app.ledger.models import BenefitThreshold
from app.ledger.models import ThresholdPeriod
from app.transactions import unit_of_work

_CHECK = "Admins must check these figures each April, when they usually change."
# (name, period, pence, effective from, source). Figures for the 2025 to 2026 tax year.
DEMO_BENEFITS = {
    "Permitted Work lower limit (ESA)": "esa",
    "Permitted Work higher limit (ESA)": "esa",
    "Carer's Allowance earnings limit": "carers_allowance",
    "Universal Credit work allowance (with housing costs)": "universal_credit",
}
DEMO_THRESHOLDS = (
    (
        "Permitted Work lower limit (ESA)",
        ThresholdPeriod.WEEK,
        2000,
        date(2025, 4, 7),
        f"GOV.UK, 'Employment and Support Allowance: permitted work', 2025. {_CHECK}",
    ),
    (
        "Permitted Work higher limit (ESA)",
        ThresholdPeriod.WEEK,
        19550,
        date(2025, 4, 7),
        f"GOV.UK, 'Employment and Support Allowance: permitted work' (16 hours at the "
        f"National Living Wage), April 2025. {_CHECK}",
    ),
    (
        "Carer's Allowance earnings limit",
        ThresholdPeriod.WEEK,
        19600,
        date(2025, 4, 7),
        f"GOV.UK, 'Carer's Allowance: eligibility', from April 2025. {_CHECK}",
    ),
    (
        "Universal Credit work allowance (with housing costs)",
        ThresholdPeriod.MONTH,
        41100,
        date(2025, 4, 7),
        f"GOV.UK, 'Universal Credit: how your wages affect your payments', April 2025. {_CHECK}",
    ),
    (
        "Income Tax Personal Allowance",
        ThresholdPeriod.TAX_YEAR,
        1257000,
        date(2025, 4, 6),
        f"GOV.UK, 'Income Tax rates and Personal Allowances', 2025 to 2026. {_CHECK}",
    ),
)


@unit_of_work()
def load_demo_thresholds() -> int:
    """Add the demo figures that are not there yet; return how many were added."""
    added = 0
    for name, period, pence, start, source in DEMO_THRESHOLDS:
        benefit = DEMO_BENEFITS.get(name)
        found = db.session.scalar(
            select(BenefitThreshold.id).where(
                BenefitThreshold.name == name, BenefitThreshold.effective_from == start
            )
        )
        if found is None:
            db.session.add(
                BenefitThreshold(
                    name=name,
                    period=period,
                    amount_pence=pence,
                    effective_from=start,
                    benefit=benefit,
                    source=source,
                )
            )
            added += 1
    return added
