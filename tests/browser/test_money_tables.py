"""Money tables on a 320 px phone: amounts and dates stay whole, and nothing scrolls sideways.

"£3 / 2. / 00" over three lines reads as three numbers; an Arabic word broken in half stops
joining. Each row becomes a short list under its headings instead.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest
from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger.claim_services import LineInput
from app.ledger.claim_services import submit_own_claim
from app.ledger.models import Category
from app.ledger.models import LineKind
from tests.browser.test_pages_in_browser import _sign_in_participant
from tests.conftest import PASSWORD
from tests.conftest import LedgerData
from tests.conftest import make_staff
from tests.ledger.claim_helpers import approve
from tests.ledger.claim_helpers import pay
from tests.staff_helpers import finish_two_step_in_browser

pytestmark = pytest.mark.browser

# Every element that must sit on one line (class "nowrap"), and every amount in a table, even
# one inside a sentence: how many lines its text takes, measured with a Range on the text.
BROKEN = """() => {
  const lines = (range) => {
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!boxes.length) return 0;
    const tallest = Math.max(...boxes.map((r) => r.height));
    const top = Math.min(...boxes.map((r) => r.top));
    const bottom = Math.max(...boxes.map((r) => r.bottom));
    return (bottom - top) > tallest * 1.5 ? 2 : 1;
  };
  const broken = [];
  let whole = 0;
  for (const el of document.querySelectorAll("main .nowrap")) {
    const range = document.createRange();
    range.selectNodeContents(el);
    whole += 1;
    if (lines(range) > 1) broken.push(el.textContent.trim());
  }
  const money = /(?:UK)?£[\\u00a0 ]?-?\\d[\\d.,]*|-?\\d[\\d.,]*[\\u00a0 ]?(?:UK)?£/g;
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  let amounts = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest("table")) continue;
    for (const found of node.data.matchAll(money)) {
      const range = document.createRange();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      amounts += 1;
      if (lines(range) > 1) broken.push(found[0]);
    }
  }
  const wide = [...document.querySelectorAll("main .table-wrap")]
    .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1).length;
  return {broken, whole, amounts, wide, width: document.documentElement.scrollWidth};
}"""


def _check(page, path: str, whole: int, amounts: int) -> None:
    page.goto(path)
    found = page.evaluate(BROKEN)
    where = f"{path} ({page.evaluate('document.documentElement.lang')})"
    assert found["broken"] == [], f"split over lines on {where}: {found['broken']}"
    assert found["width"] <= 320, f"{where} is {found['width']} px wide"
    assert found["wide"] == 0, f"a table on {where} scrolls sideways inside itself"
    # So the check cannot pass by finding nothing to check.
    assert found["whole"] >= whole and found["amounts"] >= amounts, (where, found)
    page.emulate_media(media="print")  # a printed statement splits nothing either
    printed = page.evaluate(BROKEN)
    page.emulate_media(media="screen")
    assert printed["broken"] == [], f"split over lines on {where} printed: {printed['broken']}"
    assert printed["width"] <= 320, f"{where} printed is {printed['width']} px wide"


@pytest.fixture
def money(app: Flask, ledger: LedgerData) -> tuple[LedgerData, int]:
    """Ama's claim, paid; and a new one of hers for a four-figure sum with a long description."""
    care = LineInput(
        LineKind.EXPENSE,
        Category.CARE,
        date.today() - timedelta(days=2),
        "Care for my mother while I came to the workshop in the city",
        123_456,
    )
    approve(app, ledger.claim)
    pay(app, ledger.claim)
    with app.app_context():
        big = submit_own_claim(ledger.participant, care, None, "money-tables")
        db.session.remove()
    return ledger, big


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_participant_money_pages_keep_amounts_and_dates_whole_at_320px(
    app: Flask, phone, live_server: str, money, lang: str
) -> None:
    ledger, big = money
    context = phone(lang, javascript=False)
    _sign_in_participant(app, context, live_server, ledger.participant)
    page = context.new_page()
    _check(page, "/me", whole=6, amounts=2)
    _check(page, f"/me/claims/{ledger.claim}", whole=7, amounts=4)
    _check(page, f"/me/claims/{big}", whole=4, amounts=2)
    _check(page, "/me/statement", whole=6, amounts=2)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_staff_claim_pages_keep_amounts_and_dates_whole_at_320px(
    app: Flask, phone, money, lang: str
) -> None:
    ledger, big = money
    user = make_staff(app, Role.COORDINATOR, email=f"tables-{lang}@example.org")
    page = phone(lang, javascript=True).new_page()
    page.goto("/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    finish_two_step_in_browser(page, app, user.email)
    _check(page, "/staff/claims", whole=4, amounts=2)
    _check(page, f"/staff/claims/{ledger.claim}", whole=7, amounts=4)
    _check(page, f"/staff/claims/{big}", whole=4, amounts=2)
