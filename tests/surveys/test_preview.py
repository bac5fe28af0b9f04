"""Staff preview the participant's pages in a phone-width frame, in any language, saving nothing."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.core.models import FormSubmission
from app.surveys.response_models import Answer, Response
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question, count, create_survey, send
from tests.surveys.helpers import FULL_ANSWERS, token


def _preview_all(client: FlaskClient, survey: MadeSurvey) -> None:
    ids = list(survey.questions.values())
    for number, (key, data) in enumerate(FULL_ANSWERS.items()):
        path = f"/staff/surveys/{survey.id}/preview/{survey.questions[key]}?lang=en"
        response = send(client, path, data)
        assert response.status_code == 302, (key, response.get_data(as_text=True)[:2000])
        following = ids[number + 1] if number + 1 < len(ids) else None
        expected = f"/preview/{following}?lang=en" if following else "/preview?lang=en"
        assert response.headers["Location"].endswith(expected)


def test_preview_walks_every_question_and_saves_nothing(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(Role.COORDINATOR)
    start = client.get(f"/staff/surveys/{survey.id}/preview").get_data(as_text=True)
    assert "Preview: nothing you enter is saved" in start and 'class="preview-frame"' in start
    assert '<h1 lang="en">Our drop-in café: what should change?</h1>' in start
    assert f'href="/staff/surveys/{survey.id}/preview/{survey.first_question}?lang=en"' in start
    assert "<iframe" not in start and 'action="/s/cafe"' not in start
    _preview_all(client, survey)
    assert "That was the last question." in client.get(
        f"/staff/surveys/{survey.id}/preview"
    ).get_data(as_text=True)
    assert count(app, Response) == count(app, Answer) == count(app, FormSubmission) == 0


def test_preview_shows_the_participants_messages_for_a_wrong_answer(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/preview/{survey.questions['household']}"
    response = send(client, path, {"answer": "lots"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter a whole number, like 3" in page and 'value="lots"' in page
    assert f'action="{path}?lang=en"' in page
    assert count(app, Response) == 0


def test_preview_switches_the_survey_language(staff_client, survey: MadeSurvey) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/preview/{survey.first_question}"
    welsh = client.get(f"{path}?lang=cy").get_data(as_text=True)
    assert "Ydych chi wedi bod i&#39;r caffi yn ystod y flwyddyn ddiwethaf?" in welsh
    assert 'lang="cy" hreflang="cy" aria-current="page"' in welsh
    unknown = client.get(f"{path}?lang=zz").get_data(as_text=True)
    assert "Have you been to the café in the last year?" in unknown


def test_a_draft_can_be_previewed_with_its_branches_explained(
    client: FlaskClient, staff_client
) -> None:  # type: ignore[no-untyped-def]
    signed_in = staff_client(Role.COORDINATOR)
    survey_id = create_survey(signed_in)
    first = add_question(signed_in, survey_id, "yes_no", "Do you read?")
    second = add_question(signed_in, survey_id, "short_text", "What?", show_if=f"{first}:yes")
    page = signed_in.get(f"/staff/surveys/{survey_id}/preview/{second}?lang=cy")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Only asked if question 1 is answered “Yes”." in html
    assert "not fully translated into" in html  # so people choosing Welsh see English
    signed_in.post("/logout", data={"csrf_token": token(signed_in.get("/staff/").get_data(True))})
    assert client.get("/s/library").status_code == 404
