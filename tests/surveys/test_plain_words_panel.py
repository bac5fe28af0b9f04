"""The plain-words check on a survey: its overview lists what to make plainer, each preview page
says what it found on that page, and nothing it finds ever stops the words being saved."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import Question
from app.surveys.models import Survey
from tests.conftest import MadeSurvey
from tests.survey_words import WORDY
from tests.surveys.builder_helpers import add_question
from tests.surveys.builder_helpers import create_survey
from tests.surveys.builder_helpers import send

EN = '<span lang="en" dir="ltr">{}</span>'


def _jargon(place: str, word: str, plainer: str) -> str:
    return f"{place}: “{EN.format(word)}”, try “{EN.format(plainer)}”"


def _wordy_survey(client) -> tuple[int, int]:
    """A survey built through the builder's forms, in jargon and a long sentence."""
    survey_id = create_survey(client, intro=WORDY["intro"], consent_text=WORDY["consent_text"])
    question = add_question(client, survey_id, "yes_no", WORDY["question"], help_text=WORDY["help"])
    return survey_id, question


def test_saving_wordy_settings_and_questions_is_never_blocked_and_the_overview_names_each(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, question_id = _wordy_survey(client)  # each save answered 302: saved
    with app.app_context():
        assert db.session.get(Survey, survey_id).intro == WORDY["intro"]
        assert db.session.get(Question, question_id).text == WORDY["question"]

    html = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert '<h2 id="plain-words">Plain words check</h2>' in html
    assert '<a href="#plain-words">The plain words check has 5 suggestions' in html
    assert _jargon("Introduction", "facilitate", "help") in html
    assert (
        "Introduction: this sentence has 25 words. Try two shorter ones: "
        f"“{EN.format('We would like to know how you found the café this year and what we …')}”"
    ) in html
    assert _jargon("What people agree to", "mandatory", "must") in html
    assert _jargon("Question 1", "utilise", "use") in html
    assert _jargon("Question 1, what this means", "Prior to", "before") in html
    assert "They are only suggestions: the words are saved as they are." in html


def test_changing_a_question_to_plainer_words_clears_its_suggestion(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, question_id = _wordy_survey(client)
    path = f"/staff/surveys/{survey_id}/questions/{question_id}"
    data = {"kind": "yes_no", "text": "Do you use the garden?", "help_text": "", "options": ""}
    assert send(client, path, {**data, "show_if": ""}).status_code == 302
    html = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "Question 1:" not in html and "Question 1, what this means:" not in html
    assert _jargon("Introduction", "facilitate", "help") in html


def test_a_plain_survey_gets_no_suggestions(staff_client, survey: MadeSurvey) -> None:
    html = staff_client(Role.COORDINATOR).get(f"/staff/surveys/{survey.id}").get_data(True)
    assert "No suggestions: the words look plain." in html
    assert 'href="#plain-words"' not in html


def test_each_preview_page_names_what_the_check_found_on_it(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, question_id = _wordy_survey(client)
    base = f"/staff/surveys/{survey_id}/preview"

    start = client.get(base).get_data(as_text=True)
    assert "Plain words check: 2 suggestions for this page" in start
    assert _jargon("Introduction", "facilitate", "help") in start
    assert "utilise" not in start.split('class="preview-frame"')[0]  # another page's word

    consent = client.get(f"{base}/consent?lang=en").get_data(as_text=True)
    assert "Plain words check: 1 suggestion for this page" in consent
    assert _jargon("What people agree to", "mandatory", "must") in consent

    question = client.get(f"{base}/{question_id}?lang=en").get_data(as_text=True)
    assert _jargon("Question 1", "utilise", "use") in question
    assert _jargon("Question 1, what this means", "Prior to", "before") in question

    check = client.get(f"{base}/check?lang=en").get_data(as_text=True)
    assert "Plain words check" not in check  # staff wrote nothing on this page


def test_a_welsh_speaking_coordinator_reads_the_check_in_welsh(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    survey_id, _question = _wordy_survey(client)
    client.set_cookie("lang", "cy")
    html = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert '<h2 id="plain-words">Gwirio am eiriau clir</h2>' in html
    assert (
        f"Cyflwyniad: “{EN.format('facilitate')}”, rhowch gynnig ar “{EN.format('help')}”" in html
    )


def test_an_arabic_survey_gets_the_sentence_check_quoted_right_to_left(
    app: Flask, staff_client
) -> None:
    client = staff_client(Role.COORDINATOR)
    long_arabic = " ".join(["نريد"] * 22)
    survey_id = create_survey(
        client,
        slug="maqha",
        main_language="ar",
        intro=f"ما رأيك في المقهى؟ {long_arabic}؟ facilitate",
    )
    html = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "Introduction: this sentence has 22 words." in html
    shown = " ".join(["نريد"] * 15)  # enough of a long sentence to find it
    assert f'<span lang="ar" dir="rtl">{shown} …</span>' in html
    assert "try" not in html.split('id="plain-words"')[1].split("</ul>")[0]  # no English jargon


def test_hostile_words_in_a_survey_are_shown_escaped(app: Flask, staff_client) -> None:
    client = staff_client(Role.COORDINATOR)
    hostile = "<script>alert(1)</script> " + " ".join(["word"] * 22) + "."
    survey_id = create_survey(client, intro=hostile)
    html = client.get(f"/staff/surveys/{survey_id}").get_data(as_text=True)
    assert "Introduction: this sentence has 23 words." in html
    assert "<script>alert(1)" not in html
    assert '<span lang="en" dir="ltr">&lt;script&gt;alert(1)&lt;/script&gt; word word' in html
