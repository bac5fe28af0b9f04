"""'Other – please tell us' on choice questions: offered by staff, answered without JavaScript,
kept safely, and shown on check your answers, the results, the CSV, the paper copy and /me."""

from __future__ import annotations

import csv
import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import OTHER_VALUE
from app.surveys.models import Question
from app.surveys.response_models import Answer
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import answer
from tests.surveys.helpers import start

OFTEN, HARD = "often", "hard"


@pytest.fixture
def with_other(app: Flask, survey: MadeSurvey) -> MadeSurvey:
    """The café survey with "Other" offered on its choose-one and choose-all questions."""
    with app.app_context():
        ids = [survey.questions[OFTEN], survey.questions[HARD]]
        db.session.execute(update(Question).where(Question.id.in_(ids)).values(offers_other=True))
        db.session.commit()
    return survey


def _stored(app: Flask, survey: MadeSurvey, key: str) -> tuple[object, str | None]:
    with app.app_context():
        row = db.session.execute(
            select(Answer.value, Answer.other_text).where(
                Answer.question_id == survey.questions[key]
            )
        ).one()
        return row.value, row.other_text


def _question_page(client: FlaskClient, survey: MadeSurvey, key: str) -> str:
    return client.get(f"/s/{survey.slug}/q/{survey.questions[key]}").get_data(as_text=True)


def test_the_other_box_is_always_on_the_page_after_its_choice(
    client: FlaskClient, with_other: MadeSurvey
) -> None:
    start(client, with_other)
    answer(client, with_other, "visited", {"answer": "yes"})
    page = _question_page(client, with_other, OFTEN)
    other_radio = page.index('type="radio" id="answer-4" name="answer" value="_other"')
    box = page.index(
        '<label class="label" for="other">If you chose “Other”, please tell us</label>'
    )
    assert page.index('value="once"') < other_radio < box
    assert 'id="other" name="other" type="text" value=""' in page
    hard = _question_page(client, with_other, HARD)
    assert re.search(r'value="_other">\s*<label class="choice-label" for="answer-\d+">Other<', hard)
    assert 'name="other"' in hard


def test_choosing_other_keeps_the_words_and_shows_them_to_check(
    app: Flask, client: FlaskClient, with_other: MadeSurvey
) -> None:
    start(client, with_other)
    answer(client, with_other, "visited", {"answer": "yes"})
    response = answer(client, with_other, OFTEN, {"answer": OTHER_VALUE, "other": " Most days "})
    assert response.status_code == 302
    assert _stored(app, with_other, OFTEN) == (OTHER_VALUE, "Most days")
    again = _question_page(client, with_other, OFTEN)
    assert 'value="_other" checked' in again and 'value="Most days"' in again
    check = client.get(f"/s/{with_other.slug}/check").get_data(as_text=True)
    assert "<bdi>Other: Most days</bdi>" in check


def test_other_chosen_with_no_words_is_refused_plainly_and_the_choice_kept(
    app: Flask, client: FlaskClient, with_other: MadeSurvey
) -> None:
    start(client, with_other)
    answer(client, with_other, "visited", {"answer": "yes"})
    response = answer(client, with_other, OFTEN, {"answer": OTHER_VALUE, "other": "  "})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    message = "Write your answer in the box under “Other”, or choose another answer"
    assert f'<a href="#other">{message}</a>' in page
    assert 'id="other-error"' in page and 'aria-describedby="other-error"' in page
    assert 'value="_other" checked' in page
    with app.app_context():
        where = Answer.question_id == with_other.questions[OFTEN]
        assert db.session.scalar(select(Answer.id).where(where)) is None


def test_words_beside_another_answer_are_not_kept_and_words_alone_mean_other(
    app: Flask, client: FlaskClient, with_other: MadeSurvey
) -> None:
    start(client, with_other)
    answer(client, with_other, "visited", {"answer": "yes"})
    answer(client, with_other, OFTEN, {"answer": "weekly", "other": "Left over"})
    assert _stored(app, with_other, OFTEN) == ("weekly", None)
    answer(client, with_other, OFTEN, {"other": "When I can"})
    assert _stored(app, with_other, OFTEN) == (OTHER_VALUE, "When I can")
    answer(client, with_other, OFTEN, {"answer": "monthly"})
    assert _stored(app, with_other, OFTEN) == ("monthly", None)


def test_choose_all_keeps_other_with_the_rest_but_not_with_an_answer_that_stands_alone(
    app: Flask, client: FlaskClient, with_other: MadeSurvey
) -> None:
    start(client, with_other)
    answer(client, with_other, HARD, {"answer": [OTHER_VALUE, "travel"], "other": "Stairs"})
    assert _stored(app, with_other, HARD) == (["travel", OTHER_VALUE], "Stairs")
    with app.app_context():
        option = db.session.scalars(
            select(Question).where(Question.id == with_other.questions[HARD])
        ).one()
        option.options[-1].exclusive = True
        alone = option.options[-1].value
        db.session.commit()
    refused = answer(client, with_other, HARD, {"answer": [alone, OTHER_VALUE], "other": "x"})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    # Other comes before the answer that stands alone, which stays last after "or".
    assert page.index('value="_other"') < page.index('class="choice-divider"')


@pytest.mark.parametrize(
    ("words", "problem"),
    [("x" * 201, "Your answer for “Other” must be 200 characters or fewer"), ("x" * 200, None)],
)
def test_other_words_have_a_limit_said_plainly(
    app: Flask, client: FlaskClient, with_other: MadeSurvey, words: str, problem: str | None
) -> None:
    start(client, with_other)
    response = answer(client, with_other, HARD, {"answer": [OTHER_VALUE], "other": words})
    if problem:
        assert response.status_code == 400
        assert f'<a href="#other">{problem}</a>' in response.get_data(as_text=True)
        assert f'value="{words}"' in response.get_data(as_text=True)
    else:
        assert response.status_code == 302


def test_hostile_other_words_are_stored_as_typed_and_shown_escaped(
    app: Flask, client: FlaskClient, staff_client, with_other: MadeSurvey
) -> None:
    hostile = '=HYPERLINK("x")<script>alert(1)</script>\u202e\x00'
    start(client, with_other)
    answer(client, with_other, HARD, {"answer": [OTHER_VALUE], "other": hostile})
    kept = hostile.replace("\x00", "")
    assert _stored(app, with_other, HARD) == ([OTHER_VALUE], kept)
    check = client.get(f"/s/{with_other.slug}/check").get_data(as_text=True)
    assert "<script>alert" not in check and "&lt;script&gt;alert(1)&lt;/script&gt;" in check
    _send(client, with_other, (HARD,))
    staff = staff_client(Role.COORDINATOR)
    others = staff.get(_answers_path(with_other, HARD)).get_data(as_text=True)
    assert "<script>alert" not in others and "&lt;script&gt;" in others
    rows = _csv(staff, with_other)
    cell = rows[1][rows[0].index("What makes it hard to come? – what they wrote for “Other”")]
    assert "HYPERLINK" in cell and not cell.startswith("=")  # never a formula in a spreadsheet


def _send(client: FlaskClient, survey: MadeSurvey, answered: tuple[str, ...] = ()) -> None:
    """Answer the questions not answered yet as FULL_ANSWERS does, then send."""
    for key, data in FULL_ANSWERS.items():
        if key not in answered:
            answer(client, survey, key, data)
    response = client.post(
        f"/s/{survey.slug}/check",
        data={"csrf_token": csrf_token(client, f"/s/{survey.slug}/check")},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/done")


def _answers_path(survey: MadeSurvey, key: str) -> str:
    return f"/staff/surveys/{survey.id}/results/{survey.questions[key]}"


def _csv(staff: FlaskClient, survey: MadeSurvey) -> list[list[str]]:
    body = staff.get(f"/staff/surveys/{survey.id}/export.csv").get_data(as_text=True)
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def _answer_twice(client_factory, survey: MadeSurvey) -> None:
    for other in ("Noise", "Stairs"):
        client = client_factory()
        start(client, survey)
        answer(client, survey, "visited", {"answer": "yes"})
        answer(client, survey, OFTEN, {"answer": OTHER_VALUE, "other": other})
        answer(client, survey, HARD, {"answer": ["travel", OTHER_VALUE], "other": other})
        _send(client, survey, ("visited", OFTEN, HARD))


def test_results_count_other_and_link_to_what_people_wrote_which_can_be_tagged(
    app: Flask, staff_client, with_other: MadeSurvey
) -> None:
    _answer_twice(app.test_client, with_other)
    staff = staff_client(Role.COORDINATOR)
    results = staff.get(f"/staff/surveys/{with_other.id}/results").get_data(as_text=True)
    assert re.search(r'<th scope="row">Other</th>\s*<td class="bar-cell">2 \(100%\)', results)
    assert f'href="{_answers_path(with_other, HARD)}">Read what people wrote for “Other”' in results
    others = staff.get(_answers_path(with_other, HARD)).get_data(as_text=True)
    assert "What people wrote when they chose “Other”." in others
    assert ">Noise</bdi>" in others and ">Stairs</bdi>" in others
    assert "2 answers, newest first." in others
    answer_id = int(re.search(r'id="answer-(\d+)"', others).group(1))
    token = csrf_token(staff, _answers_path(with_other, HARD))
    tagged = staff.post(
        _answers_path(with_other, HARD) + "/tag",
        data={"csrf_token": token, "answer_id": answer_id, "new_theme": "Access"},
    )
    assert tagged.status_code == 302


def test_the_csv_has_a_column_for_other_and_one_for_the_words(
    app: Flask, staff_client, with_other: MadeSurvey
) -> None:
    _answer_twice(app.test_client, with_other)
    rows = _csv(staff_client(Role.ADMIN), with_other)
    header = rows[0]
    often = header.index("How often do you come?")
    assert header[often + 1] == "How often do you come? – what they wrote for “Other”"
    hard = header.index("What makes it hard to come?")
    assert "What makes it hard to come? – Other" in header
    words = header.index("What makes it hard to come? – what they wrote for “Other”")
    assert {row[often] for row in rows[1:]} == {"Other"}
    assert {row[often + 1] for row in rows[1:]} == {"Noise", "Stairs"}
    assert {row[hard] for row in rows[1:]} == {"The cost of travel; Other"}
    assert {row[header.index("What makes it hard to come? – Other")] for row in rows[1:]} == {"1"}
    assert {row[words] for row in rows[1:]} == {"Noise", "Stairs"}


def test_a_survey_without_other_has_no_other_columns(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    header = _csv(staff_client(Role.ADMIN), survey)[0]
    assert not [cell for cell in header if "Other" in cell]


def test_the_paper_copy_has_other_with_a_line_to_write_on(
    staff_client, with_other: MadeSurvey
) -> None:
    page = staff_client(Role.COORDINATOR).get(f"/staff/surveys/{with_other.id}/share/en/paper")
    html = page.get_data(as_text=True)
    assert html.count("Other – please tell us:") == 2


def test_staff_type_in_other_words_from_a_paper_form(
    app: Flask, staff_client, with_other: MadeSurvey
) -> None:
    staff = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{with_other.id}/enter"
    page = staff.get(path).get_data(as_text=True)
    often, hard = with_other.questions[OFTEN], with_other.questions[HARD]
    assert f'name="q{hard}-other"' in page
    key = re.search(r'name="form_key" type="hidden" value="([^"]+)"', page).group(1)
    response = staff.post(
        path,
        data={
            "csrf_token": csrf_token(staff, path),
            "form_key": key,
            "channel": "paper",
            "language": "en",
            "agreed": "y",
            "consent_version": "1",
            f"q{hard}-answer": [OTHER_VALUE],
            f"q{hard}-other": "Bus is late",
            f"q{often}-answer": "",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _stored(app, with_other, HARD) == ([OTHER_VALUE], "Bus is late")


@pytest.mark.parametrize(("kind", "offered"), [("single_choice", True), ("scale", False)])
def test_staff_offer_other_on_choose_one_and_choose_all_questions_only(
    app: Flask, staff_client, kind: str, offered: bool
) -> None:
    from tests.surveys.builder_helpers import add_question
    from tests.surveys.builder_helpers import create_survey
    from tests.surveys.builder_helpers import send

    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    options = "Bus\nWalk\nCar"
    question_id = add_question(
        client, survey_id, kind, "How do you get here?", options=options, offers_other="y"
    )
    with app.app_context():
        assert db.session.get(Question, question_id).offers_other is offered
    edit = f"/staff/surveys/{survey_id}/questions/{question_id}"
    page = client.get(edit).get_data(as_text=True)
    box = re.search(r'<input[^>]*id="offers_other"[^>]*>', page)
    assert (box is not None) is offered  # drawn only for the types that can have it
    assert box is None or "checked" in box.group(0)
    fields = {"kind": kind, "text": "How do you get here?", "help_text": "", "show_if": ""}
    send(client, edit, {**fields, "options": options})  # untick: no longer offered
    with app.app_context():
        assert db.session.get(Question, question_id).offers_other is False


def test_the_words_for_other_are_in_everything_we_hold_about_the_person(
    app: Flask, with_other: MadeSurvey, ledger, participant_client
) -> None:
    from app.me.export import everything_about
    from app.surveys.response_models import Response
    from tests.surveys.test_results import respond

    response_id = respond(app, with_other, {HARD: [OTHER_VALUE]})
    with app.app_context():
        db.session.get(Response, response_id).participant_id = ledger.participant
        db.session.execute(
            update(Answer).where(Answer.response_id == response_id).values(other_text="A ramp")
        )
        db.session.commit()
        held = everything_about(ledger.participant)
    (response,) = held["survey_answers"]
    assert response["answers"][0]["other"] == "A ramp"
    page = participant_client(ledger.participant).get("/me/data").get_data(as_text=True)
    assert "(Other: A ramp)" in page
