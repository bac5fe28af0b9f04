"""Weeks, months and tax years: the periods earnings limits are counted in.

A week runs Monday to Sunday, a month is the calendar month, and a UK tax year runs from
6 April to 5 April. Each function gives the first day of the period a day falls in.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def tax_year_start(day: date) -> date:
    """UK tax years run from 6 April to 5 April."""
    year = day.year if (day.month, day.day) >= (4, 6) else day.year - 1
    return date(year, 4, 6)
