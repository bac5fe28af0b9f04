"""Staff build a survey, open it, and a participant can then take it."""

from __future__ import annotations

import json
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import demo_of
from tests.surveys.builder_helpers import send
from tests.surveys.builder_helpers import set_status
from tests.surveys.helpers import answer
from tests.surveys.helpers import start
from tests.surveys.helpers import stored_answers
from tests.surveys.helpers import token

NEXT_YEAR = date.today().year + 1  # a last day must not have passed

EVERY_KIND = [
    ("uses", "yes_no", "Do you use the library?", {}),
    ("often", "single_choice", "How often do you come?",
     {"options": "Every week\nEvery month\nLess often"}),
    ("friendly", "scale", "How friendly are the staff?",
     {"options": "Not friendly\nNot sure\nVery friendly", "required": "y"}),
    ("borrow", "multiple_choice", "What do you borrow?", {"options": "Books\nFilms\nGames"}),
    ("add", "priorities", "What should we add?",
     {"options": "Longer hours\nMore computers\nA café", "pick_count": "2"}),
    ("visits", "number", "How many times did you come last month?",
     {"min_value": "0", "max_value": "60"}),
    ("best", "short_text", "What is the best thing?", {"max_length": "100"}),
    ("else", "long_text", "Anything else?", {"help_text": "An idea or a worry."}),
]  # fmt: skip


def _build(client: FlaskClient) -> int:
    survey_id = create_survey(client)
    ids: dict[str, int] = {}
    for key, kind, text, extra in EVERY_KIND:
        if key == "often":  # a branch: only asked of people who use the library
            extra = {**extra, "show_if": f"{ids['uses']}:yes"}
        ids[key] = add_question(client, survey_id, kind, text, **extra)
    return survey_id


def test_coordinator_builds_every_kind_with_a_branch_and_a_participant_takes_it(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = _build(client)
    overview = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "Only asked if question 1 is answered “Yes”." in overview
    assert "Pick the most important, in order" in overview
    assert set_status(client, survey_id, "open").status_code == 302
    client.post("/logout", data={"csrf_token": token(client.get("/staff/").get_data(True))})

    survey = demo_of(app, survey_id, [key for key, *_ in EVERY_KIND])
    start(client, survey)
    answers = {
        "uses": {"answer": "yes"},
        "often": {"answer": "every-week"},
        "friendly": {"answer": "3"},
        "borrow": {"answer": ["books", "games"]},
        "add": {"answer-1": "a-cafe", "answer-2": "longer-hours"},
        "visits": {"answer": "12"},
        "best": {"answer": "Quiet corners"},
        "else": {"decline": "1"},
    }
    for key, data in answers.items():
        response = answer(client, survey, key, data)
        assert response.status_code == 302, (key, response.get_data(as_text=True)[:2000])
    page = client.get(f"/s/{survey.slug}/check").get_data(as_text=True)
    assert "Every week" in page and "Very friendly" in page and "A café, Longer hours" in page
    client.post(f"/s/{survey.slug}/check", data={"csrf_token": token(page)})
    with app.app_context():
        stored = stored_answers()
        assert json.loads(stored[survey.questions["borrow"]].value) == ["books", "games"]
        assert json.loads(stored[survey.questions["visits"]].value) == 12
        assert stored[survey.questions["else"]].declined


def test_branch_question_is_skipped_for_people_who_answer_no(app: Flask, staff_client) -> None:
    client = staff_client(Role.ADMIN)
    survey_id = _build(client)
    set_status(client, survey_id, "open")
    client.post("/logout", data={"csrf_token": token(client.get("/staff/").get_data(True))})
    survey = demo_of(app, survey_id, [key for key, *_ in EVERY_KIND])
    start(client, survey)
    response = answer(client, survey, "uses", {"answer": "no"})
    assert response.headers["Location"] == f"/s/library/q/{survey.questions['friendly']}"


def test_new_survey_is_a_draft_that_participants_cannot_reach(
    client: FlaskClient, staff_client
) -> None:
    signed_in = staff_client(Role.COORDINATOR)
    create_survey(signed_in)
    signed_in.post("/logout", data={"csrf_token": token(signed_in.get("/staff/").get_data(True))})
    assert client.get("/s/library").status_code == 404


def test_slug_must_be_plain_and_unused(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    for slug, message in [
        ("Cafe Survey!", "Use 2 to 60 small letters, numbers and hyphens"),
        ("a", "Use 2 to 60 small letters, numbers and hyphens"),
        ("x" * 61, "Use 2 to 60 small letters, numbers and hyphens"),
        ("cafe", "Another survey uses that web address"),
    ]:
        response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "slug": slug})
        page = response.get_data(as_text=True)
        assert response.status_code == 400, slug
        assert message in page and 'href="#slug"' in page, slug
        assert 'value="Our library: what should change?"' in page  # what was typed is kept
    response = send(client, "/staff/surveys/new", {**SURVEY_FIELDS, "slug": "Library-2026"})
    assert response.status_code == 302  # capitals are simply made small


def test_survey_details_are_checked_with_plain_messages(staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    bad = {
        **SURVEY_FIELDS,
        "minutes": "0",
        "opens_on": f"{NEXT_YEAR}-05-10",
        "last_day": f"{NEXT_YEAR}-05-01",
        "anonymous": "maybe",
        "main_language": "fr",
    }
    page = send(client, "/staff/surveys/new", bad).get_data(as_text=True)
    assert "Enter a number of minutes from 1 to 240" in page
    assert "The last day must be on or after the first day" in page
    assert "Choose if people give their name" in page and 'href="#anonymous-0"' in page
    assert "Choose the main language" in page


def test_double_tap_on_create_makes_one_survey(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    html = client.get("/staff/surveys/new").get_data(as_text=True)
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    data = {**SURVEY_FIELDS, "csrf_token": token(html), "form_key": key}
    first = client.post("/staff/surveys/new", data=data)
    second = client.post("/staff/surveys/new", data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert count(app, Survey) == 1


def test_dates_are_kept_as_the_whole_of_each_day(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client, opens_on=f"{NEXT_YEAR}-07-01", last_day=f"{NEXT_YEAR}-07-31")
    page = client.get(f"/staff/surveys/{survey_id}/edit").get_data(as_text=True)
    assert f'value="{NEXT_YEAR}-07-01"' in page and f'value="{NEXT_YEAR}-07-31"' in page
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert survey.closes_at.isoformat().startswith(f"{NEXT_YEAR}-07-31T23:00")  # London


def test_changing_consent_words_makes_a_new_version(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    path = f"/staff/surveys/{survey_id}/edit"
    send(client, path, {**SURVEY_FIELDS, "title": "A new title"})
    with app.app_context():
        assert db.session.get(Survey, survey_id).consent_version == 1
    response = send(client, path, {**SURVEY_FIELDS, "consent_text": "New words to agree to."})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Survey, survey_id).consent_version == 2
    assert "It is now version 2." in client.get(f"/staff/surveys/{survey_id}").get_data(True)


def test_open_close_and_archive_follow_the_survey_life(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id = create_survey(client)
    overview = f"/staff/surveys/{survey_id}"

    def move(status: str) -> str:
        assert set_status(client, survey_id, status).status_code == 302
        return client.get(overview).get_data(as_text=True)

    def archive() -> str:  # archiving asks first, on a page of its own
        assert send(client, f"{overview}/archive", {}, overview).status_code == 302
        return client.get(overview).get_data(as_text=True)

    assert "Add at least one question before you open the survey." in move("open")
    add_question(client, survey_id, "yes_no", "Do you read?")
    assert "You can only close a survey that is open or archived." in move("closed")
    assert "The survey is open. People can answer it now." in move("open")
    assert "You can only archive a survey that is a draft or closed. Close it first." in archive()
    assert "The survey is closed." in move("closed")
    assert "The survey is archived." in archive()
    assert "You can only open a survey that is a draft or closed." in move("open")
    with app.app_context():
        assert db.session.get(Survey, survey_id).status == SurveyStatus.ARCHIVED
    assert set_status(client, survey_id, "sideways").status_code == 400


def test_duplicate_copies_questions_branches_and_translations(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/duplicate"
    html = client.get(path).get_data(as_text=True)
    assert 'value="Copy of Our drop-in café: what should change?"' in html  # a title of its own
    key = html.split('name="form_key" type="hidden" value="')[1].split('"')[0]
    sent = {"csrf_token": token(html), "form_key": key, "title": "Copy of Our drop-in café"}
    first = client.post(path, data=sent)
    again = client.post(path, data=sent)
    assert again.headers["Location"] == "/staff/surveys/"
    second = send(client, path, {"title": "Copy of Our drop-in café"})
    with app.app_context():
        copies = db.session.scalars(select(Survey).where(Survey.id != survey.id)).all()
        assert sorted(c.slug for c in copies) == [
            "copy-of-our-drop-in-cafe",
            "copy-of-our-drop-in-cafe-2",
        ]
        assert {c.title for c in copies} == {"Copy of Our drop-in café"}
        copy = next(c for c in copies if first.headers["Location"].endswith(f"/{c.id}"))
        assert copy.status == SurveyStatus.DRAFT
        questions = {q.position: q for q in copy.questions}
        assert len(questions) == len(survey.questions)
        assert questions[2].show_if_question_id == questions[1].id  # remapped to the copy
        assert questions[2].show_if_value == "yes"
        assert [o.value for o in questions[2].options] == ["weekly", "monthly", "sometimes", "once"]
        assert [o.value for o in questions[4].options if o.exclusive] == ["nothing"]  # alone still
        from app.surveys.content import completeness
        from app.surveys.content import load_survey_by_id

        original = completeness(load_survey_by_id(survey.id))
        assert completeness(load_survey_by_id(copy.id)) == original
    assert second.status_code == 302
    page = client.get(f"/staff/surveys/{copy.id}/translate/cy").get_data(as_text=True)
    assert "1 part needs updating" in page  # its Welsh title is the original's


def test_survey_list_runs_the_same_few_queries_however_many_surveys(
    app: Flask, staff_client, survey: MadeSurvey, count_queries
) -> None:
    client = staff_client(Role.VIEWER)
    with count_queries() as one:
        client.get("/staff/surveys/")
    from app.surveys.builder.starting import duplicate_survey

    with app.app_context():
        for n in range(3):
            duplicate_survey(survey.id, None, f"copy-{n}")
    with count_queries() as four:
        page = client.get("/staff/surveys/").get_data(as_text=True)
    assert page.count("/s/copy-of-our-drop-in-cafe-what-should-change") == 3
    assert len(four) == len(one)


def test_an_expired_form_is_shown_again_with_what_was_typed(staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    data = {**SURVEY_FIELDS, "csrf_token": "stale", "form_key": "k" * 20}
    response = client.post("/staff/surveys/new", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "press the button again" in page and 'value="Our library: what should change?"' in page


def test_question_numbers_count_only_the_questions_a_person_is_asked(
    client: FlaskClient, survey: MadeSurvey
) -> None:
    """Declining the first question skips the one that follows from it: the numbers went
    1, 3, 8 "of 7" before; they go 1, 2, 3 and never past the total."""
    import re

    from tests.surveys.helpers import start
    from tests.surveys.helpers import token

    start(client, survey)
    path = f"/s/{survey.slug}/q/{survey.questions['visited']}"
    seen: list[tuple[int, int]] = []
    while "/q/" in path:
        page = client.get(path).get_data(as_text=True)
        caption = re.search(r"Question (\d+) of (\d+)", page)
        assert caption, path
        seen.append((int(caption.group(1)), int(caption.group(2))))
        path = client.post(path, data={"csrf_token": token(page), "decline": "1"}).headers[
            "Location"
        ]
    numbers = [number for number, _ in seen]
    assert numbers == list(range(1, len(seen) + 1)), seen
    assert all(number <= total for number, total in seen), seen
    assert seen[-1][1] == len(seen)
