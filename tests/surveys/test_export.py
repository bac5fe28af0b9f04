"""The CSV export: one row per sent response, words not codes, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.core import spreadsheets
from app.extensions import db
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import ResponseStatus
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.results import export
from tests.conftest import MadeSurvey
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import token
from tests.surveys.test_results import DECLINED
from tests.surveys.test_results import respond

WELL = "What is one thing we do well?"
ELSE = "Is there anything else you want to tell us?"

HEADER = [
    "Reference",
    "Sent at (Europe/London time)",
    "Date answered",
    "Language",
    "Language code",
    "How it was sent",
    "How it was sent (code)",
    "Have you been to the café in the last year?",
    "How often do you come?",
    "How welcome do you feel at the café?",
    "What makes it hard to come?",
    "What makes it hard to come? – The cost of travel",
    "What makes it hard to come? – The opening times",
    "What makes it hard to come? – Looking after children",
    "What makes it hard to come? – Feeling anxious",
    "What makes it hard to come? – Not speaking English well",
    "What makes it hard to come? – Getting in with a wheelchair",
    "What makes it hard to come? – Nothing makes it hard",
    "Which changes matter most to you?",
    "Which changes matter most to you? – Open for longer",
    "Which changes matter most to you? – Free hot meals",
    "Which changes matter most to you? – Help with forms and letters",
    "Which changes matter most to you? – A quiet room",
    "Which changes matter most to you? – Things for children to do",
    "Which changes matter most to you? – Staff who speak my language",
    "How many people live in your home?",
    WELL,
    f"{WELL} – themes",
    ELSE,
    f"{ELSE} – themes",
]


def _download(client: FlaskClient, survey: MadeSurvey):
    response = client.get(f"/staff/surveys/{survey.id}/export.csv")
    assert response.status_code == 200
    return response


def _rows(response) -> list[list[str]]:
    body = response.get_data().decode("utf-8")
    assert body.startswith("\ufeff"), "a byte order mark so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(body[1:])))


def _table(response) -> list[dict[str, str]]:
    """The rows as a spreadsheet user reads them: each cell under its heading."""
    header, *rows = _rows(response)
    assert len(set(header)) == len(header), "every heading names one column"
    return [dict(zip(header, row, strict=True)) for row in rows]


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
) -> None:
    respond(
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
        minutes_ago=5,
    )
    respond(app, survey, {"visited": "no", "else": "شكرا لكم"}, language="ar")
    respond(app, survey, {"visited": "yes"}, status=ResponseStatus.IN_PROGRESS)
    download = _download(staff_client(Role.VIEWER), survey)
    assert _rows(download)[0] == HEADER
    one, two = _table(download)  # the unsent response is left out
    # Its reference within the survey, the language and the way it came in words and as codes.
    assert [one[h] for h in HEADER[:1] + HEADER[3:7]] == ["1", "Welsh", "cy", "On paper", "paper"]
    assert [two[h] for h in HEADER[:1] + HEADER[3:7]] == ["2", "Arabic", "ar", "Online", "online"]
    sent_at = datetime.strptime(one["Sent at (Europe/London time)"], "%Y-%m-%d %H:%M")
    assert one["Date answered"] == sent_at.date().isoformat()  # sent online: the day it came
    answers = [HEADER[n] for n in (7, 8, 9, 10, 18, 25, 26, 28)]
    assert [one[h] for h in answers] == [
        "Yes",
        "Every week",
        "I'd rather not say",
        "The cost of travel; Feeling anxious",  # the combined cell stays, options have their own
        "A quiet room; Free hot meals",
        "4",
        "Croeso cynnes",
        "",
    ]
    assert two["Have you been to the café in the last year?"] == "No" and two[ELSE] == "شكرا لكم"


def test_words_in_cells_are_the_surveys_language_whatever_the_staff_member_reads(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    respond(app, survey, {"visited": "yes"}, language="pl", channel=Channel.PHONE)
    client = staff_client(Role.VIEWER)
    client.set_cookie("lang", "cy")
    header, row = _rows(_download(client, survey))
    assert "Cyfeirnod" in header  # headings in the staff member's own language
    assert row[3:7] == ["Polish", "pl", "By phone", "phone"]  # the report's (English) words
    assert row[7] == "Yes"


def test_times_are_the_charitys_and_dates_are_read_as_dates(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    summer = respond(app, survey, {"visited": "yes"})
    winter = respond(app, survey, {"visited": "no"})
    with app.app_context():
        # Half past eleven at night UTC in July is half past midnight the next day in London.
        db.session.get(Response, summer).submitted_at = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
        db.session.get(Response, winter).submitted_at = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
        db.session.commit()
    rows = _table(_download(staff_client(Role.VIEWER), survey))
    sent = [(row["Sent at (Europe/London time)"], row["Date answered"]) for row in rows]
    assert sent == [("2026-07-02 00:30", "2026-07-02"), ("2026-12-01 23:30", "2026-12-01")]


def test_export_is_a_streamed_attachment_named_after_the_survey(
    staff_client, survey: MadeSurvey
) -> None:
    response = _download(staff_client(Role.FINANCE), survey)
    assert response.is_streamed
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="cafe-responses.csv"'
    assert response.headers["Cache-Control"] == "no-store"


def test_export_reads_responses_in_batches_in_the_order_sent_without_losing_any(
    app: Flask, staff_client, survey: MadeSurvey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "BATCH", 2)
    # Stored out of order: the fifth sent first, the first sent last.
    for n in range(5, 0, -1):
        respond(app, survey, {"household": n}, minutes_ago=60 - n)
    with app.app_context():  # two sent in the same instant: both come out, by reference
        numbers = select(Response).where(Response.number.in_([2, 3])).order_by(Response.number)
        second, third = db.session.scalars(numbers).all()
        second.submitted_at = third.submitted_at
        db.session.commit()
    rows = _table(_download(staff_client(Role.ADMIN), survey))
    assert [row["How many people live in your home?"] for row in rows] == ["1", "2", "4", "3", "5"]
    assert [row["Reference"] for row in rows] == ["5", "4", "2", "3", "1"]  # numbered as stored
    sent = [row["Sent at (Europe/London time)"] for row in rows]
    assert sent == sorted(sent)


@pytest.mark.parametrize("start_with", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_would_run_as_formulas_get_an_apostrophe(
    app: Flask, staff_client, survey: MadeSurvey, start_with: str
) -> None:
    text = f"{start_with}1+1"
    response_id = respond(app, survey, {"well": text, "hard": ["travel"]})
    _theme(app, survey, response_id, "well", f"{start_with}cmd")
    with app.app_context():  # hostile words from staff too: a question and an option
        question = db.session.get(Question, survey.questions["hard"])
        question.text = f"{start_with}SUM(1)"
        next(o for o in question.options if o.value == "travel").label = f"{start_with}cmd|x"
        db.session.commit()
    header, row = _rows(_download(staff_client(Role.COORDINATOR), survey))
    cells = dict(zip(header, row, strict=True))
    assert cells[WELL] == f"'{start_with}1+1"
    assert cells[f"{WELL} – themes"] == f"'{start_with}cmd"
    assert cells[f"'{start_with}SUM(1)"] == f"'{start_with}cmd|x"
    assert cells[f"'{start_with}SUM(1) – {start_with}cmd|x"] == "1"
    assert not [cell for cell in header + row if cell.startswith(spreadsheets.FORMULA_STARTS)]


def test_a_formula_typed_by_a_participant_is_neutralised(
    client: FlaskClient, staff_client, survey: MadeSurvey
) -> None:
    start(client, survey)
    typed = {**FULL_ANSWERS, "well": {"answer": '=HYPERLINK("http://evil.example","Click")'}}
    for key, data in typed.items():
        answer(client, survey, key, data)
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    row = _table(_download(staff_client(Role.VIEWER), survey))[0]
    assert row[WELL] == '\'=HYPERLINK("http://evil.example","Click")'


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=SUM(A1)", "'=SUM(A1)"), ("-3", "'-3"), ("a=b", "a=b"), ("", ""), (" =x", " =x")],
)
def test_neutralise_only_changes_cells_a_spreadsheet_would_run(cell: str, safe: str) -> None:
    assert spreadsheets.neutralise(cell) == safe


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.ADMIN, True), (Role.COORDINATOR, True), (Role.VIEWER, False), (Role.FINANCE, False)],
)
def test_names_column_only_for_admins_and_coordinators_on_identified_surveys(
    app: Flask, staff_client, identified: MadeSurvey, role: Role, sees: bool
) -> None:
    respond(app, identified, {"well": "Because"}, name="@Amira Khan")
    rows = _rows(_download(staff_client(role), identified))
    assert ("Name" in rows[0]) is sees
    assert ("'@Amira Khan" in rows[1]) is sees
    assert "@Amira Khan" not in rows[1]
    assert rows[1][-2:] == ["Because", ""]  # the answer, then its themes


def test_anonymous_surveys_never_export_names(app: Flask, staff_client, survey: MadeSurvey) -> None:
    respond(app, survey, {"well": "Tea"}, name="Should Not Show")
    body = _download(staff_client(Role.ADMIN), survey).get_data(as_text=True)
    assert "Name" not in body.splitlines()[0] and "Should Not Show" not in body
