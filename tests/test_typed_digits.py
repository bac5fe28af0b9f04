"""Codes and numbers typed on Arabic, Urdu or Bengali keyboards, and counts in each language's
plural forms (issue 11, point 13)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask_babel import force_locale

from app.auth.models import Role
from app.core.numbers import plain_digits
from app.core.numbers import positive_int
from app.ledger.money import parse_pence
from app.ledger.session_forms import parse_minutes
from app.ledger.statement_pages import hours_text
from tests.people.helpers import type_card_code
from tests.people.test_sign_in import _card_from_staff_page
from tests.surveys.test_resume import _resume

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
URDU = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


@pytest.mark.parametrize("keyboard", [ARABIC, URDU, BENGALI])
def test_every_keyboards_digits_read_as_plain_ones(keyboard: dict[int, str]) -> None:
    assert plain_digits("AB12 3456".translate(keyboard)) == "AB12 3456"


def test_only_true_digits_change_and_strange_ones_are_still_refused() -> None:
    assert plain_digits("3²") == "3²" and positive_int(plain_digits("²")) is None
    assert plain_digits("٣٫٢٠") == "3.20" and plain_digits("١٬٠٠٠") == "1,000"
    assert positive_int("٣") is None  # an address is never typed on a keyboard: still strict


def test_amounts_and_times_typed_in_arabic_digits(app: Flask) -> None:
    with app.test_request_context():
        assert parse_pence("£٣٫٢٠") == 320
        assert parse_pence("৪.৮০") == 480
        assert parse_minutes("١٫٥") == 90


def test_a_card_code_typed_in_arabic_digits_signs_in(app: Flask, staff_client, ledger) -> None:
    staff = staff_client(Role.COORDINATOR)
    cards = (_card_from_staff_page(staff, ledger.participant) for _ in range(40))
    code = next(code for code in cards if any(ch.isdigit() for ch in code))  # the newest card
    participant = app.test_client()
    response = type_card_code(participant, code.translate(ARABIC))
    assert response.status_code == 302 and response.headers["Location"] == "/me"


def test_a_resume_code_typed_in_bengali_digits_carries_on(app: Flask, survey) -> None:
    from tests.surveys.helpers import start

    codes = (start(app.test_client(), survey) for _ in range(40))
    code = next(code for code in codes if any(ch.isdigit() for ch in code))
    assert _resume(app.test_client(), code.translate(BENGALI)).status_code == 302


@pytest.mark.parametrize(
    ("lang", "minutes", "said"),
    [
        ("en", 60, "1 hour"),
        ("en", 90, "1 hour and 30 minutes"),
        ("en", 45, "45 minutes"),
        ("ar", 480, "8 ساعات"),  # never the dual, "8 ساعتان"
        ("ar", 120, "ساعتان"),  # two is said in the word itself
        ("ar", 660, "11 ساعة"),
        ("pl", 120, "2 godziny"),
        ("pl", 300, "5 godzin"),
        ("pl", 90, "1 godzina i 30 minut"),
    ],
)
def test_time_is_said_in_each_languages_plural_forms(
    app: Flask, lang: str, minutes: int, said: str
) -> None:
    with app.test_request_context(), force_locale(lang):
        assert hours_text(minutes) == said
