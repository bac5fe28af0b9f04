"""Every registered page in a real browser at 320 px: axe finds nothing, nothing scrolls sideways,
and participant pages weigh at most 14 KB compressed, stylesheet included."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask

from app.i18n import direction
from tests.all_pages import PAGES
from tests.conftest import PASSWORD
from tests.conftest import make_staff
from tests.pages import Page
from tests.pages import path_for
from tests.staff_helpers import sign_in_in_browser

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGS = ["en", "cy", "ar"]
MAX_PARTICIPANT_BYTES = 14 * 1024
_axe = Axe()
# Error summary links that name no element, and post forms whose action would be the address
# bar, #fragment and all: both found in the page as the browser has it, errors shown.
DEAD_ENDS = """() => [
  ...[...document.querySelectorAll('a[href^="#"]')]
    .map(a => a.getAttribute('href').slice(1))
    .filter(id => id && !document.getElementById(id)).map(id => '#' + id),
  ...[...document.querySelectorAll('form[method=post i]')]
    .filter(form => !form.getAttribute('action')).map(() => 'form without action'),
]"""


def _sign_in(page, app: Flask, spec: Page) -> None:
    user = make_staff(app, spec.role, email=f"browser-{spec.role.value}@example.org")
    sign_in_in_browser(page, app, user.email, PASSWORD)


def _demo_survey(request, spec: Page):
    wanted = spec.needs_survey or spec.start_survey or "{" in spec.path
    return request.getfixturevalue("survey") if wanted else None


def _sign_in_participant(app: Flask, context, live_server: str, participant_id: int) -> None:
    """Give the browser the session cookie a participant gets when they sign in."""
    from app.extensions import db
    from app.people.models import Participant

    with app.app_context():
        version = db.session.get(Participant, participant_id).session_version
    cookie = app.session_interface.get_signing_serializer(app).dumps(
        {"participant_id": participant_id, "participant_version": version}
    )
    context.add_cookies(
        [{"name": app.config["SESSION_COOKIE_NAME"], "value": cookie, "url": live_server}]
    )


def _path(request, spec: Page) -> str:
    return path_for(request, spec.path, _demo_survey(request, spec))


def _start_survey(page, spec: Page) -> None:
    page.goto("/s/cafe")
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/consent")
    if not spec.path.endswith("/consent"):
        page.locator("#agree").check()
        page.locator("main button[type=submit]").first.click()
        page.wait_for_url("**/q/**")


def _open(page, spec: Page, path: str):
    if spec.start_survey:
        _start_survey(page, spec)
    response = page.goto(path)
    if spec.submit_empty:
        with page.expect_navigation():
            page.locator("main button[type=submit]").first.click()
        return None
    return response


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_has_no_axe_violations_and_reflows_at_320px(
    app: Flask,
    phone,
    request,
    spec: Page,
    lang: str,
) -> None:
    if spec.printed_in and lang != LANGS[0]:
        pytest.skip("a printed page is in its own language whatever the reader's")
    path = _path(request, spec)
    context = phone(lang)
    if spec.as_participant:
        ledger = request.getfixturevalue("ledger")
        _sign_in_participant(
            app, context, request.getfixturevalue("live_server"), ledger.participant
        )
    page = context.new_page()
    if spec.role is not None:
        _sign_in(page, app, spec)
    response = _open(page, spec, path)
    if response is not None:
        assert response.status == spec.status
    shown = spec.printed_in or lang
    assert page.get_attribute("html", "lang") == shown
    assert page.get_attribute("html", "dir") == direction(shown)
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert violations == [], violations
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(DEAD_ENDS) == [], "links to no element, or forms that post without action"


def bytes_on_the_wire(context, page, path: str) -> float:
    """What one load of path takes over the network, compressed, stylesheet included."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received: dict[str, float] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda event: received.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.goto(path, wait_until="load")
    page.wait_for_timeout(100)
    assert len(received) >= 2, "expected the page and its stylesheet"
    return sum(received.values())


PARTICIPANT_PAGES = [p for p in PAGES if p.participant and not p.submit_empty]


@pytest.mark.parametrize("spec", PARTICIPANT_PAGES, ids=[p.name for p in PARTICIPANT_PAGES])
def test_participant_page_is_at_most_14_kb_on_the_wire(
    app: Flask, phone, request, spec: Page
) -> None:
    path = _path(request, spec)
    context = phone("cy")
    if spec.as_participant:
        ledger = request.getfixturevalue("ledger")
        _sign_in_participant(
            app, context, request.getfixturevalue("live_server"), ledger.participant
        )
    page = context.new_page()
    if spec.start_survey:
        _start_survey(page, spec)
        # Carry the session to a new context whose cache is empty, so the stylesheet counts.
        context = phone("cy", storage_state=context.storage_state())
        page = context.new_page()
    total = bytes_on_the_wire(context, page, path)
    assert total <= MAX_PARTICIPANT_BYTES, f"{spec.path}: {total:.0f} bytes"
