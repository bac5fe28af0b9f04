"""Staff preview every page a participant meets, in the reader's language and direction, in a
phone-width frame, saving nothing."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.core.models import FormSubmission
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import count
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import FULL_ANSWERS
from tests.surveys.helpers import token


def _saved_nothing(app: Flask, form_keys: int = 0) -> None:
    assert count(app, Response) == count(app, Answer) == 0
    assert count(app, FormSubmission) == form_keys  # those used to build the survey, if any


def test_preview_walks_every_page_and_saves_nothing(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    base = f"/staff/surveys/{survey.id}/preview"
    start = client.get(base).get_data(as_text=True)
    assert "Preview: nothing you enter is saved" in start and 'class="preview-frame"' in start
    assert "Page 1 of 12" in start  # start, consent, 8 questions, check, thank you
    assert '<h1 lang="en">Our drop-in café: what should change?</h1>' in start
    assert f'href="{base}/consent?lang=en"' in start  # "Start now": a link, no response made
    assert "<iframe" not in start and 'action="/s/cafe"' not in start

    refused = send(client, f"{base}/consent?lang=en", {})
    assert refused.status_code == 400 and "Before you start" in refused.get_data(as_text=True)
    assert 'class="back-link" href="' + base + '?lang=en"' in refused.get_data(as_text=True)
    agreed = send(client, f"{base}/consent?lang=en", {"agree": "y"})
    assert agreed.headers["Location"] == f"{base}/{survey.first_question}?lang=en"

    ids = list(survey.questions.values())
    for number, (key, data) in enumerate(FULL_ANSWERS.items()):
        response = send(client, f"{base}/{survey.questions[key]}?lang=en", data)
        assert response.status_code == 302, (key, response.get_data(as_text=True)[:2000])
        following = ids[number + 1] if number + 1 < len(ids) else "check"
        assert response.headers["Location"] == f"{base}/{following}?lang=en"

    check = client.get(f"{base}/check?lang=en").get_data(as_text=True)
    assert (
        "Check your answers" in check and "The tea" in check and "I&#39;d rather not say" in check
    )
    assert f'href="{base}/{survey.questions["well"]}?lang=en"' in check  # "Change" stays here
    sent = send(client, f"{base}/check?lang=en", {})
    assert sent.headers["Location"] == f"{base}/done?lang=en"
    done = client.get(f"{base}/done?lang=en").get_data(as_text=True)
    assert "Thank you. We have your answers" in done and "Page 12 of 12" in done
    _saved_nothing(app)


def test_the_preview_follows_branches_as_participants_do(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    base = f"/staff/surveys/{survey.id}/preview"
    client.get(base)
    skipped = send(client, f"{base}/{survey.questions['visited']}", {"answer": "no"})
    assert skipped.headers["Location"] == f"{base}/{survey.questions['welcome']}?lang=en"
    question = client.get(f"{base}/{survey.questions['welcome']}").get_data(as_text=True)
    assert "Question 2 of 7" in question  # the skipped question is not counted
    assert f'href="{base}/{survey.questions["visited"]}?lang=en"' in question  # back, as people go
    long = "x" * 150
    send(client, f"{base}/{survey.questions['well']}", {"answer": long})
    check = client.get(f"{base}/check").get_data(as_text=True)
    assert "How often do you come?" not in check
    assert "x" * 59 + "…" in check and long not in check  # the session cookie stays small
    assert client.get(base).status_code == 200  # a new walk starts with nothing answered
    assert "x" * 59 not in client.get(f"{base}/check").get_data(as_text=True)
    _saved_nothing(app)


def test_an_arabic_preview_is_arabic_and_right_to_left_under_an_english_bar(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    base = f"/staff/surveys/{survey.id}/preview"
    start = client.get(f"{base}?lang=ar").get_data(as_text=True)
    assert start.startswith('<!doctype html>\n<html lang="ar" dir="rtl">')
    assert "ابدأ الآن" in start and "Start now" not in start  # the site's words, in Arabic
    bar = re.search(r'<div class="preview-bar" lang="en" dir="ltr">.*?</div>', start, re.S)
    assert bar and "Preview: nothing you enter is saved" in bar.group(0)
    assert "Previous page" not in bar.group(0) and "Next page" in bar.group(0)
    consent = send(client, f"{base}/consent?lang=ar", {}).get_data(as_text=True)
    assert "قبل أن تبدأ" in consent and 'lang="en" dir="ltr"' in consent
    question = send(client, f"{base}/{survey.questions['household']}?lang=ar", {"answer": "lots"})
    assert "اكتب رقمًا كاملًا بدون كسور" in question.get_data(
        as_text=True
    )  # errors in the reader's language
    check = client.get(f"{base}/check?lang=ar").get_data(as_text=True)
    assert "راجع إجاباتك" in check and "أرسل إجاباتي" in check
    done = client.get(f"{base}/done?lang=ar").get_data(as_text=True)
    assert "شكرًا لك. وصلتنا إجاباتك" in done and '<html lang="ar" dir="rtl">' in done
    welsh = client.get(f"{base}/check?lang=cy").get_data(as_text=True)
    assert '<html lang="cy" dir="ltr">' in welsh and "Gwiriwch eich atebion" in welsh
    _saved_nothing(app)


def test_a_welsh_member_of_staff_keeps_their_bar_in_welsh(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    client.set_cookie("lang", "cy")
    page = client.get(f"/staff/surveys/{survey.id}/preview?lang=ar").get_data(as_text=True)
    assert '<div class="preview-bar" lang="cy" dir="ltr">' in page
    assert '<html lang="ar" dir="rtl">' in page and "Preview: nothing you enter" not in page


def test_preview_shows_the_participants_messages_for_a_wrong_answer(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/preview/{survey.questions['household']}"
    response = send(client, path, {"answer": "lots"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter a whole number, like 3" in page and 'value="lots"' in page
    assert f'action="{path}"' in page
    _saved_nothing(app)


def test_preview_switches_the_survey_language(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/surveys/{survey.id}/preview/{survey.first_question}"
    welsh = client.get(f"{path}?lang=cy").get_data(as_text=True)
    assert "Ydych chi wedi bod i&#39;r caffi yn ystod y flwyddyn ddiwethaf?" in welsh
    assert 'lang="cy" hreflang="cy" dir="ltr" aria-current="page"' in welsh
    unknown = client.get(f"{path}?lang=zz").get_data(as_text=True)
    assert "Have you been to the café in the last year?" in unknown


def test_a_survey_that_asks_names_previews_the_name_page(
    app: Flask, client: FlaskClient, staff_client
) -> None:
    signed_in = staff_client(Role.COORDINATOR)
    survey_id = create_survey(signed_in, anonymous="no", consent_text="")
    first = add_question(signed_in, survey_id, "yes_no", "Do you read?")
    second = add_question(signed_in, survey_id, "short_text", "What?", show_if=f"{first}:yes")
    base = f"/staff/surveys/{survey_id}/preview"
    start = signed_in.get(base).get_data(as_text=True)
    assert f'href="{base}/name?lang=en"' in start
    assert signed_in.get(f"{base}/consent").status_code == 404  # no consent words to agree to
    form_keys = count(app, FormSubmission)
    named = send(signed_in, f"{base}/name", {"name": "Ama"})
    assert named.headers["Location"] == f"{base}/{first}?lang=en"
    page = signed_in.get(f"{base}/{second}?lang=cy")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Only asked if question 1 is answered “Yes”." in html
    assert "not fully translated into" in html  # so people choosing Welsh see English
    _saved_nothing(app, form_keys)
    signed_in.post("/logout", data={"csrf_token": token(signed_in.get("/staff/").get_data(True))})
    assert client.get("/s/library").status_code == 404


def test_an_anonymous_survey_has_no_name_page_to_preview(staff_client, survey: MadeSurvey) -> None:
    client = staff_client(Role.COORDINATOR)
    assert client.get(f"/staff/surveys/{survey.id}/preview/name").status_code == 404
    forged = client.post(f"/staff/surveys/{survey.id}/preview/check", data={})
    assert forged.status_code in (400, 302) and forged.status_code != 500
