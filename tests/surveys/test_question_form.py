"""One question form for adding and changing, drawn by the server for the type chosen: only the
fields that type needs, without JavaScript; "Save and add another"; a double tap adds once."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Option
from app.surveys.models import Question
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import question_fields
from tests.surveys.builder_helpers import question_ids
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import form_key
from tests.surveys.helpers import token

# What a coordinator fills in for every type of question, then what each type adds.
EVERY_QUESTION = {"kind", "text", "help_text", "required"}
TYPE_FIELDS = {
    "short_text": {"max_length"},
    "long_text": {"max_length"},
    "single_choice": {"options", "offers_other"},
    "multiple_choice": {"options", "last_alone", "offers_other"},
    "scale": {"options"},
    "yes_no": set(),
    "number": {"min_value", "max_value"},
    "priorities": {"options", "pick_count"},
}


def drawn_fields(html: str) -> set[str]:
    """The names of the fields a person can fill in on the question form (hidden ones left out)."""
    form = re.search(r'<form method="post" action="[^"]*" novalidate>(.*?)</form>', html, re.S)
    assert form, "no question form on the page"
    controls = re.findall(r"<(input|textarea|select)\b([^>]*)>", form.group(1))
    return {
        re.search(r'\bname="([^"]+)"', attributes).group(1)
        for tag, attributes in controls
        if 'type="hidden"' not in attributes
    }


def _new(survey_id: int) -> str:
    return f"/staff/surveys/{survey_id}/questions/new"


@pytest.mark.parametrize("kind", sorted(TYPE_FIELDS))
def test_each_type_of_question_shows_only_the_fields_it_needs(
    staff_client, survey: MadeSurvey, kind: str
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"{_new(survey.id)}?kind={kind}").get_data(as_text=True)
    # The demo survey has earlier questions to depend on, so "Only ask this if" is there too.
    assert drawn_fields(page) == EVERY_QUESTION | TYPE_FIELDS[kind] | {"show_if"}
    assert f'value="{kind}" checked' in page


def test_the_first_question_has_no_branch_to_choose_and_no_type_no_extra_fields(
    staff_client,
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    assert drawn_fields(client.get(_new(survey_id)).get_data(as_text=True)) == EVERY_QUESTION
    strange = client.get(f"{_new(survey_id)}?kind=<b>teapot</b>")
    assert strange.status_code == 200
    assert drawn_fields(strange.get_data(as_text=True)) == EVERY_QUESTION
    assert "<b>teapot" not in strange.get_data(as_text=True)
    # A browser sends nothing for a field it was not shown: the question is always asked.
    first = send(client, _new(survey_id), {"kind": "yes_no", "text": "Have you been before?"})
    assert first.status_code == 302, first.get_data(as_text=True)[:2000]


def test_an_edited_question_shows_the_fields_of_its_own_type(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    for key, kind in (("hard", "multiple_choice"), ("household", "number"), ("visited", "yes_no")):
        page = client.get(f"/staff/surveys/{survey.id}/questions/{survey.questions[key]}")
        expected = EVERY_QUESTION | TYPE_FIELDS[kind]
        expected |= {"show_if"} if key != "visited" else set()  # the first question has none
        assert drawn_fields(page.get_data(as_text=True)) == expected, key
        assert "Save and add another" not in page.get_data(as_text=True)


def test_showing_the_fields_of_another_type_keeps_what_was_typed_and_saves_nothing(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    typed = question_fields("multiple_choice", "What do you like?", options="Tea\nCake")
    before = count(app, Question)
    response = send(client, f"{_new(survey.id)}?kind=yes_no", {**typed, "show": "yes"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "These are the fields for “Choose all that apply”. Nothing is saved yet." in page
    assert drawn_fields(page) == EVERY_QUESTION | TYPE_FIELDS["multiple_choice"] | {"show_if"}
    assert "What do you like?</textarea>" in page and "Tea\nCake</textarea>" in page
    assert "There is a problem" not in page  # nothing was checked yet
    assert count(app, Question) == before


def test_showing_fields_without_a_type_asks_for_one(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    response = send(client, _new(survey.id), {"text": "Why?", "show": "yes"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#kind-0">Choose a type of question</a>' in page
    assert "Why?</textarea>" in page


def test_fields_a_type_does_not_use_are_ignored_never_checked_or_stored(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    leftovers = {
        "options": "<script>alert(1)</script>\n" * 40 + "x" * 400,
        "min_value": "ten",
        "max_value": "\x00",
        "max_length": "-5",
        "pick_count": "99",
        "last_alone": "y",
    }
    question_id = add_question(client, survey.id, "yes_no", "Did you come by bus?", **leftovers)
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.options == []
        assert (question.min_value, question.max_value, question.max_length) == (None, None, None)
        assert question.pick_count is None
    # The same leftovers with a type that uses them are checked as ever.
    response = send(client, _new(survey.id), question_fields("number", "How many?", **leftovers))
    assert response.status_code == 400
    assert "Enter a whole number, like 0" in response.get_data(as_text=True)
    assert "<script>alert" not in response.get_data(as_text=True)


def test_a_choice_question_and_its_answers_are_one_save(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    question_id = add_question(
        client, survey_id, "single_choice", "Which day?", options="Monday\n\nTuesday\n  Friday  "
    )
    with app.app_context():
        labels = db.session.scalars(
            select(Option.label).where(Option.question_id == question_id).order_by(Option.position)
        )
        assert list(labels) == ["Monday", "Tuesday", "Friday"]


def test_save_and_add_another_opens_a_fresh_form_of_the_same_type_and_says_it_is_added(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    first = send(client, f"{_new(survey_id)}?kind=yes_no",
                 {**question_fields("yes_no", "Have you been before?"), "then": "another"})  # fmt: skip
    assert first.headers["Location"] == f"{_new(survey_id)}?kind=yes_no"
    page = client.get(first.headers["Location"]).get_data(as_text=True)
    assert "Question 1 is added." in page
    assert '<textarea class="textarea" dir="auto" id="text"' in page
    assert "Have you been before?</textarea>" not in page  # a fresh form
    assert 'value="yes_no" checked' in page
    # The question just added can now be depended on, without going back to the survey.
    [asked] = question_ids(app, survey_id)
    assert f'value="{asked}:yes"' in page
    second = send(client, _new(survey_id),
                  {**question_fields("yes_no", "Was it easy?", show_if=f"{asked}:yes")},
                  first.headers["Location"])  # fmt: skip
    assert second.headers["Location"] == f"/staff/surveys/{survey_id}"
    assert "Question 2 is added." in client.get(second.headers["Location"]).get_data(True)
    assert len(question_ids(app, survey_id)) == 2


def test_a_double_tap_on_save_adds_the_question_once(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    html = client.get(f"{_new(survey_id)}?kind=single_choice").get_data(as_text=True)
    data = {
        **question_fields("single_choice", "Which day?", options="Monday\nTuesday"),
        "csrf_token": token(html),
        "form_key": form_key(html),
        "then": "another",
    }
    first = client.post(_new(survey_id), data=data)
    again = client.post(_new(survey_id), data=data)
    assert first.headers["Location"] == again.headers["Location"]
    assert "That question was already added." in client.get(again.headers["Location"]).get_data(
        as_text=True
    )
    assert len(question_ids(app, survey_id)) == 1
    missing = {key: value for key, value in data.items() if key != "form_key"}
    assert client.post(_new(survey_id), data=missing).status_code == 302
    assert len(question_ids(app, survey_id)) == 1  # a form without its key saves nothing


def test_a_refused_question_keeps_its_key_for_the_corrected_save(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    html = client.get(_new(survey.id)).get_data(as_text=True)
    data = {**question_fields("yes_no", "Again?"), "csrf_token": token(html)}
    data["form_key"] = form_key(html)
    refused = client.post(_new(survey.id), data={**data, "show_if": "999999:yes"})
    assert refused.status_code == 400
    assert f'value="{data["form_key"]}"' in refused.get_data(as_text=True)
    before = len(question_ids(app, survey.id))
    assert client.post(_new(survey.id), data=data).status_code == 302
    assert len(question_ids(app, survey.id)) == before + 1


def test_the_question_form_speaks_welsh(staff_client, survey: MadeSurvey) -> None:
    client: FlaskClient = staff_client(Role.COORDINATOR)
    client.set_cookie("lang", "cy")
    page = client.get(f"{_new(survey.id)}?kind=multiple_choice").get_data(as_text=True)
    assert 'lang="cy"' in page
    for english in ("Show the fields for this type", "Save and add another"):
        assert english not in page
