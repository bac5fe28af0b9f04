"""A response typed in by mistake is corrected or withdrawn, never silently changed or deleted."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from flask import Flask
from sqlalchemy import Text
from sqlalchemy import select
from sqlalchemy import type_coerce

from app.auth.models import Role
from app.extensions import db
from app.surveys.content import load_survey_by_id
from app.surveys.response_models import ChangeKind
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseChange
from app.surveys.results import tallies as results
from tests.conftest import make_staff
from tests.factories import MadeSurvey
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import form_key
from tests.surveys.helpers import token
from tests.surveys.test_results import respond


def _path(survey: MadeSurvey, response_id: int, action: str = "") -> str:
    return f"/staff/surveys/{survey.id}/entered/{response_id}" + (f"/{action}" if action else "")


def _changes(app: Flask) -> list[Any]:
    """Each change's kind, reason, and before and after as the JSON text the database holds."""
    as_text = [
        type_coerce(c, Text).label(c.key) for c in (ResponseChange.before, ResponseChange.after)
    ]
    query = select(ResponseChange.kind, ResponseChange.reason, *as_text).order_by(ResponseChange.id)
    with app.app_context():
        return list(db.session.execute(query))


def _total(app: Flask, survey: MadeSurvey) -> int:
    with app.app_context():
        return results.survey_results(load_survey_by_id(survey.id), results.Filters()).total


CORRECTION = {"channel": "paper", "language": "en", "answered_on": "2/3/2026",
              "consent_version": "1", "reason": "The form says 2 March, in English"}  # fmt: skip


def test_a_correction_keeps_who_when_why_and_the_old_values(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = _path(survey, entered_response, "correct")
    response = send(client, path, CORRECTION)
    assert response.status_code == 302 and response.headers["Location"].endswith(
        _path(survey, entered_response)
    )
    with app.app_context():
        fixed = db.session.get(Response, entered_response)
        assert fixed.language == "en" and fixed.answered_on == date(2026, 3, 2)
    (change,) = _changes(app)
    assert change.kind == ChangeKind.CORRECTED and change.reason == CORRECTION["reason"]
    assert json.loads(change.before) == {"language": "cy", "answered_on": "2026-03-12"}
    assert json.loads(change.after) == {"language": "en", "answered_on": "2026-03-02"}
    page = client.get(_path(survey, entered_response)).get_data(as_text=True)
    assert "Language: Cymraeg, now English" in page
    assert "Date on the form: 12 March 2026, now 2 March 2026" in page
    assert "by Test coordinator" in page and "The form says 2 March, in English" in page


def test_a_correction_needs_a_reason_and_keeps_what_was_typed(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = send(
        client, _path(survey, entered_response, "correct"), {**CORRECTION, "reason": ""}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#reason"' in page and 'value="2/3/2026"' in page
    assert _changes(app) == []


def test_a_correction_that_changes_nothing_keeps_no_history(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    same = {**CORRECTION, "language": "cy", "answered_on": "12/03/2026"}
    assert send(client, _path(survey, entered_response, "correct"), same).status_code == 302
    assert _changes(app) == []


def test_hostile_corrections_get_plain_messages(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = _path(survey, entered_response, "correct")
    for bad, message in [
        ({"answered_on": "1/1/2999"}, "cannot be after today"),
        ({"language": "klingon"}, "Choose one of the survey&#39;s languages"),
        ({"consent_version": "99"}, "Choose one of the versions shown"),
        ({"channel": "online"}, "Choose how you got these answers"),
        ({"reason": "x" * 501}, "This must be 500 characters or fewer"),
    ]:
        response = send(client, path, {**CORRECTION, **bad})
        assert response.status_code == 400 and message in response.get_data(as_text=True), bad
    assert _changes(app) == []


def test_a_withdrawn_response_stops_counting_but_stays_visible_with_its_history(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    respond(app, survey, {"visited": "yes"})  # one sent online, which still counts
    client = staff_client(Role.COORDINATOR)
    assert _total(app, survey) == 2
    path = _path(survey, entered_response, "withdraw")
    page = client.get(path).get_data(as_text=True)
    data = {"csrf_token": token(page), "form_key": form_key(page), "reason": "Typed in twice"}
    assert client.post(path, data=data).status_code == 302
    assert client.post(path, data=data).status_code == 302  # a second press changes nothing
    assert _total(app, survey) == 1
    csv = client.get(f"/staff/surveys/{survey.id}/export.csv").get_data(as_text=True)
    assert len(csv.strip().splitlines()) == 2  # the heading and the online response
    (change,) = _changes(app)
    assert change.kind == ChangeKind.WITHDRAWN and change.reason == "Typed in twice"
    with app.app_context():
        assert db.session.get(Response, entered_response).withdrawn_at is not None
    shown = client.get(_path(survey, entered_response)).get_data(as_text=True)
    assert "This response was withdrawn on" in shown and "Typed in twice" in shown
    assert "Every week" in shown  # its note is still there to read
    listed = client.get(f"/staff/surveys/{survey.id}/entered").get_data(as_text=True)
    assert "Withdrawn" in listed
    # Nothing about a withdrawn response changes any more.
    correct = _path(survey, entered_response, "correct")
    assert client.get(correct).status_code == 302
    corrected = send(client, correct, CORRECTION, page=f"/staff/surveys/{survey.id}/enter")
    assert corrected.status_code == 302 and len(_changes(app)) == 1


def test_withdrawing_needs_a_reason(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    response = send(client, _path(survey, entered_response, "withdraw"), {"reason": "  "})
    assert response.status_code == 400
    assert "Say why you are withdrawing it" in response.get_data(as_text=True)
    assert _total(app, survey) == 1 and _changes(app) == []


def test_only_typed_in_responses_of_this_survey_can_be_changed(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    online = respond(app, survey, {"visited": "yes"})
    client = staff_client(Role.COORDINATOR)
    for path in (
        _path(survey, online),
        _path(survey, online, "withdraw"),
        f"/staff/surveys/{survey.id + 1}/entered/{entered_response}",
        f"/staff/surveys/{survey.id}/entered/99999999999999999999",
    ):
        assert client.get(path).status_code == 404, path
    assert count(app, ResponseChange) == 0


def test_a_note_is_in_everything_we_hold_about_the_person(
    app: Flask, survey: MadeSurvey, entered_response: int, ledger, participant_client
) -> None:
    from app.me.export import everything_about

    with app.app_context():
        db.session.get(Response, entered_response).participant_id = ledger.participant
        db.session.commit()
        held = everything_about(ledger.participant)
    (response,) = held["survey_answers"]
    assert response["notes"] == [{"question": "How often do you come?", "answer": "Every week"}]
    assert response["language"] == "cy" and response["answered_on"] == "2026-03-12"
    page = participant_client(ledger.participant).get("/me/data").get_data(as_text=True)
    assert "How often do you come?: Every week (from your paper form, kept as a note)" in page


def test_withdrawal_is_for_builders_only(
    app: Flask, client, survey: MadeSurvey, entered_response: int
) -> None:
    from tests.conftest import sign_in

    viewer = make_staff(app, Role.VIEWER)
    sign_in(client, viewer.email)
    assert client.get(_path(survey, entered_response, "withdraw")).status_code == 403


class _Fields(HTMLParser):
    """What a browser would send from a page's main form: its inputs as the page sets them."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        name, kind = found.get("name"), found.get("type", "text")
        if tag != "input" or not name:
            return
        if kind in ("radio", "checkbox") and "checked" not in found:
            return
        self.sent[name] = found.get("value") or ""


def test_a_correction_saves_at_the_first_press_as_the_page_sends_it(
    app: Flask, staff_client, survey: MadeSurvey, entered_response: int
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = _path(survey, entered_response, "correct")
    fields = _Fields()
    fields.feed(client.get(path).get_data(as_text=True))
    sent = {**fields.sent, "answered_on": "2/3/2026", "reason": "The form says 2 March"}
    response = client.post(path, data=sent)
    problems = re.findall(r'<a href="#[^"]+">([^<]+)</a>', response.get_data(as_text=True))
    assert response.status_code == 302, problems
    with app.app_context():
        assert db.session.get(Response, entered_response).answered_on == date(2026, 3, 2)
