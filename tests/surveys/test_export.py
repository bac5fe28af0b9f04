"""The CSV export: one row per sent response, words not codes, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Channel, ResponseStatus
from app.surveys.response_models import AnswerTheme, Theme
from app.surveys.results import export
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS, answer, start, token
from tests.surveys.test_results import DECLINED, respond

HEADER = [
    "Response",
    "Sent at (UTC)",
    "Date answered",
    "Language",
    "How it was sent",
    "Have you been to the café in the last year?",
    "How often do you come?",
    "How welcome do you feel at the café?",
    "What makes it hard to come?",
    "Which changes matter most to you?",
    "How many people live in your home?",
    "What is one thing we do well?",
    "Is there anything else you want to tell us?",
    "Themes",
]


def _download(client: FlaskClient, survey: MadeSurvey):  # type: ignore[no-untyped-def]
    response = client.get(f"/staff/surveys/{survey.id}/export.csv")
    assert response.status_code == 200
    return response


def _rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    body = response.get_data().decode("utf-8")
    assert body.startswith("\ufeff"), "a byte order mark so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(body[1:])))


def _theme(app: Flask, survey: MadeSurvey, response_id: int, key: str, *names: str) -> None:
    from sqlalchemy import select

    from app.surveys.response_models import Answer

    with app.app_context():
        answer_id = db.session.scalar(
            select(Answer.id).where(
                Answer.response_id == response_id, Answer.question_id == survey.questions[key]
            )
        )
        for name in names:
            theme = Theme(survey_id=survey.id, name=name)
            db.session.add(theme)
            db.session.flush()
            db.session.add(AnswerTheme(answer_id=answer_id, theme_id=theme.id))
        db.session.commit()


def test_export_has_one_row_per_sent_response_in_words(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:  # type: ignore[no-untyped-def]
    first = respond(
        app,
        survey,
        {
            "visited": "yes",
            "often": "weekly",
            "welcome": DECLINED,
            "hard": ["travel", "anxious"],
            "priorities": ["quiet", "meals"],
            "household": 4,
            "well": "Croeso cynnes",
        },
        language="cy",
        channel=Channel.PAPER,
    )
    second = respond(app, survey, {"visited": "no", "else": "شكرا لكم"}, language="ar")
    respond(app, survey, {"visited": "yes"}, status=ResponseStatus.IN_PROGRESS)
    _theme(app, survey, first, "well", "Welcome", "Atmosphere")
    rows = _rows(_download(staff_client(Role.VIEWER), survey))
    assert rows[0] == HEADER
    assert len(rows) == 3  # the unsent response is left out
    one, two = rows[1], rows[2]
    assert one[0] == str(first) and one[3:5] == ["cy", "paper"]
    assert one[1].endswith("+00:00") and "T" in one[1]
    sent_at = datetime.fromisoformat(one[1]).astimezone(ZoneInfo("Europe/London"))
    assert one[2] == sent_at.date().isoformat()  # sent online: the day it came, in London
    assert one[5:13] == [
        "Yes",
        "Every week",
        "I'd rather not say",
        "The cost of travel; Feeling anxious",
        "A quiet room; Free hot meals",
        "4",
        "Croeso cynnes",
        "",
    ]
    assert one[13] == "Atmosphere; Welcome"
    assert two[0] == str(second) and two[5] == "No" and two[12] == "شكرا لكم" and two[13] == ""


def test_export_is_a_streamed_attachment_named_after_the_survey(
    staff_client, survey: MadeSurvey
) -> None:  # type: ignore[no-untyped-def]
    response = _download(staff_client(Role.FINANCE), survey)
    assert response.is_streamed
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="cafe-responses.csv"'
    assert response.headers["Cache-Control"] == "no-store"


def test_export_reads_responses_in_batches_without_losing_any(
    app: Flask, staff_client, survey: MadeSurvey, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(export, "BATCH", 2)
    sent = [respond(app, survey, {"household": n}) for n in range(1, 6)]
    rows = _rows(_download(staff_client(Role.ADMIN), survey))
    assert [row[0] for row in rows[1:]] == [str(n) for n in sent]
    assert [row[10] for row in rows[1:]] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("start_with", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_would_run_as_formulas_get_an_apostrophe(
    app: Flask, staff_client, survey: MadeSurvey, start_with: str
) -> None:  # type: ignore[no-untyped-def]
    text = f"{start_with}1+1"
    response_id = respond(app, survey, {"well": text})
    _theme(app, survey, response_id, "well", f"{start_with}cmd")
    row = _rows(_download(staff_client(Role.COORDINATOR), survey))[1]
    assert row[11] == f"'{start_with}1+1"
    assert row[13] == f"'{start_with}cmd"


def test_a_formula_typed_by_a_participant_is_neutralised(
    client: FlaskClient, staff_client, survey: MadeSurvey
) -> None:  # type: ignore[no-untyped-def]
    start(client, survey)
    typed = {**FULL_ANSWERS, "well": {"answer": '=HYPERLINK("http://evil.example","Click")'}}
    for key, data in typed.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    row = _rows(_download(staff_client(Role.VIEWER), survey))[1]
    assert row[11] == '\'=HYPERLINK("http://evil.example","Click")'


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=SUM(A1)", "'=SUM(A1)"), ("-3", "'-3"), ("a=b", "a=b"), ("", ""), (" =x", " =x")],
)
def test_neutralise_only_changes_cells_a_spreadsheet_would_run(cell: str, safe: str) -> None:
    assert export.neutralise(cell) == safe


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.ADMIN, True), (Role.COORDINATOR, True), (Role.VIEWER, False), (Role.FINANCE, False)],
)
def test_names_column_only_for_admins_and_coordinators_on_identified_surveys(
    app: Flask, staff_client, identified: MadeSurvey, role: Role, sees: bool
) -> None:  # type: ignore[no-untyped-def]
    respond(app, identified, {"well": "Because"}, name="@Amira Khan")
    rows = _rows(_download(staff_client(role), identified))
    assert ("Name" in rows[0]) is sees
    assert ("'@Amira Khan" in rows[1]) is sees
    assert "@Amira Khan" not in rows[1]
    assert rows[1][-2:] == ["Because", ""]


def test_anonymous_surveys_never_export_names(app: Flask, staff_client, survey: MadeSurvey) -> None:  # type: ignore[no-untyped-def]
    respond(app, survey, {"well": "Tea"}, name="Should Not Show")
    body = _download(staff_client(Role.ADMIN), survey).get_data(as_text=True)
    assert "Name" not in body.splitlines()[0] and "Should Not Show" not in body
