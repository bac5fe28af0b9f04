"""Cells for CSV files a charity opens in a spreadsheet: the one rule that keeps them text."""

from __future__ import annotations

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a cell read as text, never as a formula, by putting an apostrophe first (the OWASP
    advice on CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
