"""Demo benefit thresholds, each naming its source: figures for the 2025 to 2026 tax year.

Admins check the real ones each April, when most limits change; these only show how it works.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date

from app.ledger.models import ThresholdPeriod
from app.ledger.thresholds import ThresholdDetails
from app.ledger.thresholds import ThresholdRefused
from app.ledger.thresholds import add_threshold
from app.transactions import unit_of_work

_CHECK = "Admins must check these figures each April, when they usually change."
# Figures for the 2025 to 2026 tax year, each with the benefit it is for (None: any).
DEMO_THRESHOLDS = (
    ThresholdDetails(
        "Permitted Work lower limit (ESA)",
        ThresholdPeriod.WEEK,
        2000,
        date(2025, 4, 7),
        f"GOV.UK, 'Employment and Support Allowance: permitted work', 2025. {_CHECK}",
        "esa",
    ),
    ThresholdDetails(
        "Permitted Work higher limit (ESA)",
        ThresholdPeriod.WEEK,
        19550,
        date(2025, 4, 7),
        f"GOV.UK, 'Employment and Support Allowance: permitted work' (16 hours at the "
        f"National Living Wage), April 2025. {_CHECK}",
        "esa",
    ),
    ThresholdDetails(
        "Carer's Allowance earnings limit",
        ThresholdPeriod.WEEK,
        19600,
        date(2025, 4, 7),
        f"GOV.UK, 'Carer's Allowance: eligibility', from April 2025. {_CHECK}",
        "carers_allowance",
    ),
    ThresholdDetails(
        "Universal Credit work allowance (with housing costs)",
        ThresholdPeriod.MONTH,
        41100,
        date(2025, 4, 7),
        f"GOV.UK, 'Universal Credit: how your wages affect your payments', April 2025. {_CHECK}",
        "universal_credit",
    ),
    ThresholdDetails(
        "Income Tax Personal Allowance",
        ThresholdPeriod.TAX_YEAR,
        1257000,
        date(2025, 4, 6),
        f"GOV.UK, 'Income Tax rates and Personal Allowances', 2025 to 2026. {_CHECK}",
        None,
    ),
)


@unit_of_work()
def load_demo_thresholds() -> int:
    """Add the demo figures that are not there yet; return how many were added."""
    added = 0
    for details in DEMO_THRESHOLDS:
        with suppress(ThresholdRefused):  # there already, from an earlier run
            add_threshold(details)
            added += 1
    return added
