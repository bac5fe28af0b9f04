"""Strange digits, huge numbers and line breaks, thrown at every place that reads a number or a
place to go next: each gets a plain answer (a 400, or the input ignored), never a server error."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.core.numbers import page_number
from app.core.numbers import positive_int
from tests.conftest import CheckingClient
from tests.conftest import LedgerData
from tests.conftest import MadeSurvey
from tests.conftest import UpdatesData
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in

HOSTILE = [
    "²",  # isdigit() says yes, int() says no
    "٣",  # int() reads it as 3
    "1e9",
    "-1",
    "0",
    "99999999999999999999999",
    "9" * 5000,  # more digits than int() will read
    "\r\nX-Injected: yes",
    "/\r\nX-Injected: yes",
    "\x00",
    "1\x00",
]

# (who, method, address, form). {v} is the hostile value; the rest are real ids.
PLACES: list[tuple[str, str, str, dict[str, str] | None]] = [
    ("anyone", "GET", "/updates?page={v}", None),
    ("anyone", "GET", "/updates?project={v}&survey={v}&status={v}", None),
    ("anyone", "GET", "/updates.atom?page={v}", None),
    ("anyone", "GET", "/updates/{v}", None),
    ("anyone", "GET", "/?lang={v}", None),
    ("anyone", "GET", "/language?next={v}", None),
    ("anyone", "POST", "/language", {"language": "en", "next": "{v}"}),
    ("anyone", "GET", "/login?next={v}", None),
    ("anyone", "GET", "/me/sign-in?next={v}", None),
    ("anyone", "GET", "/me/sign-in/email?c={v}", None),
    ("anyone", "POST", "/me/sign-in/email", {"c": "{v}", "code": "123456"}),
    ("anyone", "GET", "/s/{slug}/q/{v}", None),
    ("anyone", "POST", "/s/{slug}/q/{number}", {"answer": "{v}"}),
    ("anyone", "POST", "/resume", {"code": "{v}"}),
    ("anyone", "GET", "/unsubscribe/{v}", None),
    ("anyone", "GET", "/s/{v}", None),
    ("person", "GET", "/me/claims/{v}", None),
    ("person", "GET", "/me/claims/{claim}/lines/{v}", None),
    ("person", "GET", "/me/claims/{claim}/receipts/{v}", None),
    ("person", "GET", "/me/statement?start={v}&end={v}", None),
    ("person", "GET", "/me/letter?start={v}&end={v}", None),
    ("person", "GET", "/me?next={v}", None),
    ("person", "POST", "/me/claims/new", {"category": "mileage", "miles": "{v}"}),
    ("person", "POST", "/me/claims/new", {"form_key": "{v}"}),
    ("admin", "GET", "/staff/claims/{v}", None),
    ("admin", "GET", "/staff/claims?status={v}", None),
    ("admin", "GET", "/staff/claims/new?participant={v}", None),
    ("admin", "POST", "/staff/claims/new", {"participant": "{v}", "miles": "{v}"}),
    ("admin", "POST", "/staff/claims/{claim}/correct", {"line": "{v}", "form_key": "k"}),
    ("admin", "GET", "/staff/people/{v}", None),
    ("admin", "GET", "/staff/people/{participant}/statement?start={v}&end={v}", None),
    ("admin", "GET", "/staff/sessions/{v}", None),
    ("admin", "POST", "/staff/sessions/new", {"project": "{v}", "attendees": "{v}"}),
    ("admin", "GET", "/staff/thresholds/new?from={v}", None),
    ("admin", "GET", "/staff/surveys/{v}", None),
    ("admin", "GET", "/staff/surveys/{survey}/preview?lang={v}", None),
    ("admin", "GET", "/staff/surveys/{survey}/translate/{v}", None),
    ("admin", "GET", "/staff/updates/{update}/translate/{v}", None),
    ("admin", "GET", "/staff/people/{participant}/letter?start={v}&end={v}", None),
    ("admin", "GET", "/staff/surveys/{survey}/results?language={v}&channel={v}", None),
    ("admin", "GET", "/staff/surveys/{survey}/results/{text_question}?page={v}&theme={v}", None),
    (
        "admin",
        "POST",
        "/staff/surveys/{survey}/results/{text_question}/tag",
        {"answer_id": "{v}", "chosen": "{v}", "shown": "{v}", "page": "{v}", "theme": "{v}"},
    ),
    (
        "admin",
        "POST",
        "/staff/surveys/{survey}/questions/new",
        {"kind": "short_text", "text": "Why?", "show_if": "{v}:yes", "max_length": "{v}"},
    ),
    ("admin", "GET", "/staff/surveys/{survey}/questions/new?kind={v}", None),
    ("admin", "POST", "/staff/surveys/{survey}/questions/new", {"kind": "{v}", "show": "{v}"}),
    ("admin", "POST", "/staff/surveys/{survey}/questions/{number}/move", {"position": "{v}"}),
    ("admin", "POST", "/staff/surveys/{survey}/questions/{number}/duplicate", {"form_key": "{v}"}),
    ("admin", "POST", "/staff/surveys/{survey}/status", {"to": "{v}"}),
    ("admin", "POST", "/staff/surveys/{survey}/summary", {"questions": "{v}"}),
    ("admin", "GET", "/staff/updates/?page={v}&project={v}&survey={v}&theme={v}", None),
    ("admin", "GET", "/staff/updates/new?question={v}", None),
    ("admin", "POST", "/staff/updates/new?question={v}", {"questions": "{v}", "people": "{v}"}),
    ("admin", "POST", "/staff/updates/{update}/edit", {"version": "{v}", "questions": "{v}"}),
    ("finance", "POST", "/staff/claims/export", {"line_ids": "{v},1"}),
    ("finance", "GET", "/staff/claims/batches/{v}.csv", None),
]


@pytest.fixture
def place_ids(survey: MadeSurvey, ledger: LedgerData, updates: UpdatesData) -> dict[str, str]:
    return {
        "slug": survey.slug,
        "number": str(survey.questions["visited"]),
        "text_question": str(survey.questions["well"]),
        "survey": str(survey.id),
        "claim": str(ledger.claim),
        "participant": str(ledger.participant),
        "update": str(updates.published),
    }


def _client_for(app: Flask, who: str, ledger: LedgerData, participant_client) -> FlaskClient:
    if who == "person":
        return participant_client(ledger.participant)
    app.test_client_class = CheckingClient
    client = app.test_client()
    if who in ("admin", "finance"):
        staff = make_staff(app, Role.ADMIN if who == "admin" else Role.FINANCE)
        assert sign_in(client, staff.email).status_code == 302
    return client


@pytest.mark.parametrize(("who", "method", "address", "form"), PLACES)
def test_hostile_numbers_and_line_breaks_never_cause_a_server_error(
    app: Flask,
    ledger: LedgerData,
    participant_client,
    place_ids: dict[str, str],
    who: str,
    method: str,
    address: str,
    form: dict[str, str] | None,
) -> None:
    client = _client_for(app, who, ledger, participant_client)
    token = csrf_token(client, "/language")
    for value in HOSTILE:
        path = address.format(v=quote(value, safe=""), **place_ids)
        if method == "GET":
            response = client.get(path)
        else:
            data = {key: field.format(v=value, **place_ids) for key, field in (form or {}).items()}
            response = client.post(path, data={**data, "csrf_token": token})
        assert response.status_code < 500, (path, repr(value), response.status_code)
        assert "X-Injected" not in response.headers, (path, repr(value))


@pytest.mark.parametrize("value", HOSTILE)
def test_only_plain_ascii_digits_in_range_are_read_as_a_number(value: str) -> None:
    assert positive_int(value) is None


def test_plain_numbers_are_read() -> None:
    assert positive_int("42") == 42
    assert positive_int(str(2**31 - 1)) == 2**31 - 1
    assert positive_int(str(2**31)) is None
    assert positive_int("7", largest=5) is None


@pytest.mark.parametrize(
    ("raw", "page"), [("3", 3), ("0", 1), ("-1", 1), ("²", 1), ("٣", 1), ("9" * 5000, 10**6)]
)
def test_page_numbers_are_plain_digits_and_a_huge_one_means_the_last_page(
    raw: str, page: int
) -> None:
    assert page_number(raw) == page


@pytest.mark.parametrize("value", HOSTILE)
def test_strange_language_headers_and_cookies_never_cause_a_server_error(
    client: FlaskClient, value: str
) -> None:
    safe = value.replace("\r", "").replace("\n", "").replace("\x00", "")[:4000]  # what HTTP carries
    client.set_cookie("lang", safe)
    response = client.get("/", headers={"Accept-Language": safe})
    assert response.status_code == 200


@pytest.mark.parametrize("target", ["/me\r\nX-Injected: yes", "/me\n", "/me\x00", "/me\t", "/\x7f"])
def test_a_place_to_go_next_with_control_characters_is_refused(target: str) -> None:
    from app.core.links import safe_local_path

    assert safe_local_path(target, "/") == "/"
    assert safe_local_path("/me/claims?x=1", "/") == "/me/claims?x=1"
