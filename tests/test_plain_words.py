"""Participants' pages use words a reader aged 9 knows (issue 11, point 16).

Each page is fetched in English and its visible text (tags stripped, attribute values ignored)
is searched for words that a walk-through on phones found too hard. "Receipt" is the real word for
the real thing, so it may stay, but only on a page that also says what one is. No page may show
the word "None", whether we wrote it or Python let it slip into the text.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.people.models import Participant
from app.surveys.models import SurveyStatus
from tests.conftest import csrf_token
from tests.feedback.test_summary import Answered
from tests.feedback.test_summary import answered as answered  # the fixture, re-exported
from tests.feedback.test_summary import set_status
from tests.feedback.test_summary_public import publish_two_and_two

HARD = {
    "lines": re.compile(r"\blines?\b", re.IGNORECASE),
    "their choice": re.compile(r"\btheir choice\b", re.IGNORECASE),
    "JSON": re.compile(r"\bjson\b", re.IGNORECASE),
    "Atom feed": re.compile(r"\batom\b", re.IGNORECASE),
    "JPEG": re.compile(r"\bjpe?g\b", re.IGNORECASE),
    "PNG": re.compile(r"\bpng\b", re.IGNORECASE),
    "WebP": re.compile(r"\bwebp\b", re.IGNORECASE),
    "MB": re.compile(r"\bMB\b"),
    "mileage": re.compile(r"\bmileage\b", re.IGNORECASE),
    "income": re.compile(r"\bincome\b", re.IGNORECASE),
    "lived experience": re.compile(r"\blived experience\b", re.IGNORECASE),
    "interpreter": re.compile(r"\binterpreters?\b", re.IGNORECASE),
    "involvement": re.compile(r"\binvolvement\b", re.IGNORECASE),
    "optional": re.compile(r"\boptional\b", re.IGNORECASE),
    "percentage": re.compile(r"\bper ?cent", re.IGNORECASE),
    "expenses": re.compile(r"\bexpenses?\b", re.IGNORECASE),
    "None": re.compile(r"\bNone\b"),
}
RECEIPT = re.compile(r"\breceipts?\b", re.IGNORECASE)
RECEIPT_EXPLAINED = "the paper that shows what you paid"
# The letter is written to the benefits office, in English because that office reads it: there
# "income" and "expenses" are the words the office uses, so the letter keeps them.
LETTER_KEEPS = {"income", "expenses"}


class _Text(HTMLParser):
    """What a reader sees: text outside tags, never attribute values or scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def hard_words_in(html: str, keeps: frozenset[str] | set[str] = frozenset()) -> list[str]:
    text = visible_text(html)
    found = [word for word, pattern in HARD.items() if word not in keeps and pattern.search(text)]
    if RECEIPT.search(text) and RECEIPT_EXPLAINED not in text:
        found.append("receipt, without saying what one is")
    return found


def assert_plain(client: FlaskClient, path: str, keeps: set[str] | None = None) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    assert hard_words_in(html, keeps or set()) == [], path
    return html


def test_the_checker_finds_hard_words_only_in_what_a_reader_sees() -> None:
    page = '<p title="JSON">Download <a href="/x.json">it</a></p><p>Nothing yet</p>'
    assert hard_words_in(page) == []
    assert hard_words_in("<p>Download it (JSON)</p><p>None</p>") == ["JSON", "None"]
    assert hard_words_in("<h2>Receipts</h2>") == ["receipt, without saying what one is"]
    assert hard_words_in(f"<p>A receipt is {RECEIPT_EXPLAINED}.</p>") == []
    assert hard_words_in("<p>Claim an expense</p><p>Mileage</p>") == ["mileage", "expenses"]


def _changes_needed(app: Flask, claim_id: int) -> int:
    """Ask for changes on the claim; the id of its expense, for the page that fixes it."""
    with app.app_context():
        claim = db.session.get(Claim, claim_id)
        claim.status = ClaimStatus.CHANGES_REQUESTED
        claim.reason = "Please add the date you travelled."
        db.session.commit()
        return next(x.id for x in claim.lines if x.kind == LineKind.EXPENSE)


def test_a_participants_own_pages_use_plain_words(app: Flask, participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    for path in (
        "/me",
        "/me/preferences",
        "/me/data",
        "/me/claims",
        "/me/claims/new",
        f"/me/claims/{ledger.claim}",
        f"/me/claims/{ledger.claim}/cancel",
        "/me/statement?start=2000-01-01",
        "/me/erase",
    ):
        assert_plain(client, path)
    letter = assert_plain(client, "/me/letter?start=2000-01-01", keeps=LETTER_KEEPS)
    assert "Your letter for the benefits office" in letter
    line = _changes_needed(app, ledger.claim)
    assert_plain(client, f"/me/claims/{ledger.claim}/lines/{line}")
    assert_plain(client, f"/me/claims/{ledger.claim}")


def test_empty_details_say_nothing_yet_and_never_none(
    app: Flask, participant_client, ledger
) -> None:
    """Ben gave no email, chose no needs and has no claims or answers: nothing says "None"."""
    with app.app_context():
        ben = db.session.get(Participant, ledger.other_participant)
        ben.access_needs = ["interpreter", "other"]
        ben.interpreter_language = ""
        ben.access_other = ""
        db.session.commit()
    client = participant_client(ledger.other_participant)
    page = visible_text(assert_plain(client, "/me/data"))
    assert "Email address Nothing yet" in page
    assert "Someone to say what people say in my language" in page
    assert_plain(client, "/me/statement?start=2000-01-01")
    assert "Nothing in these dates." in visible_text(client.get("/me/statement").get_data(True))


def _expense(token: str, spent_on: str) -> dict[str, str]:
    return {
        "csrf_token": token,
        "category": "travel",
        "spent_on": spent_on,
        "description": "Bus to the workshop",
        "amount": "4.80",
    }


def test_form_errors_a_participant_sees_are_plain(participant_client, ledger) -> None:
    client = participant_client(ledger.participant)
    token = csrf_token(client, "/me/preferences")
    data = {"csrf_token": token, "access_needs": ["interpreter"], "contact_ways": ["email"]}
    response = client.post("/me/preferences", data=data)
    assert response.status_code == 400
    assert hard_words_in(response.get_data(as_text=True)) == []
    assert "Say which language you need" in response.get_data(as_text=True)
    data = {**_expense(csrf_token(client, "/me/claims/new"), spent_on="")}
    data["receipt"] = (io.BytesIO(b"not a photo"), "bus.txt")
    response = client.post("/me/claims/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert hard_words_in(response.get_data(as_text=True)) == []


def test_sign_in_and_public_pages_use_plain_words(client: FlaskClient, updates, survey) -> None:
    for path in (
        "/",
        "/language",
        "/resume",
        f"/s/{survey.slug}",
        "/updates",
        f"/updates/{updates.published}",
        f"/updates/{updates.cant_do}",
        "/me/sign-in",
        "/me/sign-in/by-email",
        "/me/sign-in/code",
        "/me/sign-in/email?c=1",
    ):
        assert_plain(client, path)


def test_the_summary_of_a_closed_survey_explains_its_numbers(
    app: Flask, staff_client, answered: Answered
) -> None:
    publish_two_and_two(staff_client(Role.COORDINATOR), answered)
    set_status(app, answered.survey, SurveyStatus.CLOSED)
    with app.test_client() as reader:
        page = assert_plain(reader, "/s/cafe")
    assert "A number with % says how many out of every 100 people who answered" in page
    assert "People (%)" in page


@pytest.mark.parametrize("path", ["/me/preferences", "/me/claims/new"])
def test_a_success_message_is_headed_done_not_important(
    participant_client, ledger, path: str
) -> None:
    client = participant_client(ledger.participant)
    token = csrf_token(client, path)
    if path == "/me/preferences":
        data = {
            "csrf_token": token,
            "preferred_language": "en",
            "hear_back": "yes",
            "payment_preference": "cash",
            "paused": "no",
        }
    else:
        data = {**_expense(token, spent_on="1/1/2026"), "form_key": "plain-words-key"}
    page = client.post(path, data=data, follow_redirects=True).get_data(as_text=True)
    heading = re.search(r'<h2 class="notification-title"[^>]*>([^<]*)</h2>', page)
    assert heading is not None, page
    assert heading.group(1) == "Done"


def test_a_message_that_is_not_a_success_keeps_its_heading(client: FlaskClient) -> None:
    token = csrf_token(client, "/me/sign-in/by-email")
    data = {"email": "nobody@example.org", "csrf_token": token}
    page = client.post("/me/sign-in/by-email", data=data, follow_redirects=True)
    assert '<h2 class="notification-title" id="notification-title">Important</h2>' in page.get_data(
        as_text=True
    )
