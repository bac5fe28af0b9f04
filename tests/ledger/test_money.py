"""Typed money becomes exact pence, or a plain message; never a rounded guess."""

from __future__ import annotations

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from app.ledger.money import MAX_PENCE
from app.ledger.money import MoneyError
from app.ledger.money import format_pence
from app.ledger.money import parse_pence
from app.ledger.money import pence_to_text


@pytest.mark.parametrize(
    ("typed", "pence"),
    [("4.80", 480), ("£4.80", 480), ("4", 400), (" £1,000.5 ", 100050), ("0", 0), (".5", 50)],
)
def test_typed_amounts_become_exact_pence(app: Flask, typed: str, pence: int) -> None:
    with app.test_request_context():
        assert parse_pence(typed) == pence


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1.005", "part of a penny"),
        ("-5", "0 or more"),
        ("-0.01", "0 or more"),
        ("10000.01", "£10,000 or less"),
        ("99999999999999999999999", "pounds and pence"),
        ("", "Enter an amount"),
        ("four pounds", "pounds and pence"),
        ("1e3", "pounds and pence"),
        ("NaN", "pounds and pence"),
        ("4.80.1", "pounds and pence"),
    ],
)
def test_bad_amounts_get_plain_messages(app: Flask, typed: str, words: str) -> None:
    with app.test_request_context(), pytest.raises(MoneyError) as refused:
        parse_pence(typed)
    assert words in str(refused.value)


def test_ten_thousand_pounds_is_the_most_allowed(app: Flask) -> None:
    with app.test_request_context():
        assert parse_pence("10000") == MAX_PENCE == 1_000_000


def test_pence_are_shown_as_pounds(app: Flask) -> None:
    with app.test_request_context():
        assert format_pence(480) == "£4.80"
        assert format_pence(123456) == "£1,234.56"
        assert "4.80" in format_pence(-480) and "-" in format_pence(-480)


# A busy CI machine can take longer than the default 200 ms; correctness, not speed, is tested here.
@settings(deadline=None)
@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_any_pence_survive_a_round_trip_through_text(app: Flask, pence: int) -> None:
    with app.test_request_context():
        assert parse_pence(pence_to_text(pence)) == pence
        assert parse_pence(format_pence(pence)) == pence


def test_a_decimal_comma_means_pence_but_a_thousands_comma_does_not() -> None:
    from app.ledger.money import parse_pence

    assert parse_pence("4,80") == 480
    assert parse_pence("4,8") == 480
    assert parse_pence("1,000") == 100000
    assert parse_pence("£1,234.50") == 123450
