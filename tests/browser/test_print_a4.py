"""Letters and statements go to benefits offices on paper: they print on A4 from Chromium with
no row, list item or paragraph split across two pages, and without the site's own header."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest
from flask import Flask

from app.core.periods import tax_year_start
from app.extensions import db
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentMethod
from tests.browser.test_pages_in_browser import _sign_in_participant

pytestmark = pytest.mark.browser

A4 = {"width": 794, "height": 1123}  # CSS pixels of an A4 page
SPLITTABLE = "tbody tr, .letter li, .letter p, .summary-list div, .letterhead"


def _a_year_of_payments(app: Flask, person: int) -> None:
    start = tax_year_start(date.today())
    with app.app_context():
        for week in range(30):
            day = min(start + timedelta(days=7 * week), date.today())
            db.session.add(
                Claim(
                    participant_id=person,
                    status=ClaimStatus.PAID,
                    paid_method=PaymentMethod.BANK_TRANSFER,
                    paid_on=day,
                    lines=[
                        ClaimLine(
                            kind=LineKind.EXPENSE,
                            category=Category.TRAVEL,
                            spent_on=day,
                            description=f"Bus fare to the group, week {week + 1}",
                            amount_pence=480 + week,
                        )
                    ],
                )
            )
        db.session.commit()


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def _print_view(page, path: str):
    page.set_viewport_size(A4)  # laid out as on the paper, not as on the phone it came from
    page.goto(path)
    page.emulate_media(media="print")
    splittable = page.eval_on_selector_all(
        SPLITTABLE, "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert splittable and set(splittable) == {"avoid"}, "something may split across pages"
    assert page.locator(".site-header").is_hidden() and page.locator("main form").is_hidden()
    return page.pdf(format="A4", print_background=False)


def _a_paid_persons_page(app: Flask, phone, ledger, live_server: str, lang: str):
    """A browser tab signed in as someone paid every week this tax year."""
    _a_year_of_payments(app, ledger.participant)
    context = phone(lang)
    _sign_in_participant(app, context, live_server, ledger.participant)
    return context.new_page()


def test_a_long_statement_prints_on_several_a4_pages_without_split_rows(
    app: Flask, phone, ledger, live_server: str
) -> None:
    page = _a_paid_persons_page(app, phone, ledger, live_server, "en")
    pdf = _print_view(page, "/me/statement")
    assert _pages(pdf) >= 2
    assert page.locator("tbody tr").count() >= 30
    assert page.locator("thead").first.evaluate("e => getComputedStyle(e).display") == (
        "table-header-group"  # each page repeats the column headings
    )


def test_the_letter_prints_in_english_only_on_a4(
    app: Flask, phone, ledger, live_server: str
) -> None:
    page = _a_paid_persons_page(app, phone, ledger, live_server, "ar")
    page.goto("/me/letter")
    assert page.locator("#copy").is_visible()  # on screen, the Arabic copy is there to read
    pdf = _print_view(page, "/me/letter")
    assert page.locator("#copy").is_hidden()  # on paper, only the English letter
    assert page.locator('.letter[lang="en"]').is_visible()
    assert 1 <= _pages(pdf) <= 3
