"""An English fix keeps its translations: still shown to readers, marked as needing an update."""

from __future__ import annotations

import html
import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from app.surveys.builder.question_views import _question_data
from app.surveys.content import load_survey_by_id
from app.surveys.models import Question
from app.surveys.models import SurveyText
from tests.conftest import MadeSurvey
from tests.surveys.builder_helpers import SURVEY_FIELDS
from tests.surveys.builder_helpers import send
from tests.surveys.helpers import start
from tests.surveys.helpers import token

OLD_TEXT = "How often do you come?"
NEW_TEXT = "How often do you come to the café?"
WELSH_TEXT = "Pa mor aml ydych chi'n dod?"
OLD_TITLE = "Our drop-in café: what should change?"
WELSH_TITLE = "Ein caffi galw heibio: beth ddylai newid?"


def change_question(client: FlaskClient, survey: MadeSurvey, key: str, **changes: str):
    """Send a question's edit page back as staff would, with some fields changed."""
    app = client.application
    with app.app_context():
        data = _question_data(db.session.get(Question, survey.questions[key]))
    fields = {name: value for name, value in data.items() if name != "required"}
    fields |= {"required": "y"} if data["required"] else {}
    path = f"/staff/surveys/{survey.id}/questions/{survey.questions[key]}"
    return send(client, path, {**fields, **changes})


def change_title(client: FlaskClient, survey: MadeSurvey, title: str, **changes: str):
    with client.application.app_context():
        original = load_survey_by_id(survey.id)
        assert original is not None
        fields = {**SURVEY_FIELDS, "slug": survey.slug, "title": title, "minutes": "5"}
        for key in ("organiser", "intro", "what_happens", "consent_text"):
            fields[key] = getattr(original, key)
    return send(client, f"/staff/surveys/{survey.id}/edit", fields | changes)


def translate_page(client: FlaskClient, survey: MadeSurvey, lang: str = "cy") -> str:
    return client.get(f"/staff/surveys/{survey.id}/translate/{lang}").get_data(as_text=True)


def welsh_row(app: Flask, survey: MadeSurvey, key: str) -> SurveyText | None:
    with app.app_context():
        return db.session.scalar(
            select(SurveyText).where(
                SurveyText.survey_id == survey.id,
                SurveyText.language == "cy",
                SurveyText.key == key,
            )
        )


def test_fixing_a_question_keeps_its_welsh_for_welsh_readers(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    assert change_question(staff_client(), survey, "often", text=NEW_TEXT).status_code == 302
    reader, welsh = app.test_client(), {"Accept-Language": "cy"}
    start(reader, survey, "cy")
    path = f"/s/{survey.slug}/q/{survey.questions['visited']}"
    page = reader.get(path, headers=welsh).get_data(as_text=True)
    reader.post(path, headers=welsh, data={"csrf_token": token(page), "answer": "yes"})
    path = f"/s/{survey.slug}/q/{survey.questions['often']}"
    page = reader.get(path, headers=welsh).get_data(as_text=True)
    assert WELSH_TEXT.replace("'", "&#39;") in page and NEW_TEXT not in page


def test_fixing_the_title_keeps_the_welsh_start_page(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    assert change_title(staff_client(), survey, "Our café: what next?").status_code == 302
    page = app.test_client().get(f"/s/{survey.slug}", headers={"Accept-Language": "cy"})
    assert f'<h1 lang="cy">{WELSH_TITLE}</h1>' in page.get_data(as_text=True)


def test_translate_page_marks_a_changed_part_with_its_old_and_new_words(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    field = f"piece-q-{survey.questions['often']}-text"
    assert "Needs updating" not in translate_page(client, survey)
    change_question(client, survey, "often", text=NEW_TEXT)
    page = translate_page(client, survey)
    assert "1 part needs updating" in page
    assert page.count("Needs updating") == 1
    assert f'id="{field}-was" lang="en" dir="ltr">{OLD_TEXT}<' in page
    assert f'id="{field}-source" lang="en" dir="ltr">{NEW_TEXT}<' in page
    assert f'aria-describedby="{field}-stale {field}-source"' in page
    assert "39 of 39 translated" in page  # still counted: readers still see it


def test_every_language_of_a_changed_part_is_marked(staff_client, survey: MadeSurvey) -> None:
    client = staff_client()
    change_question(client, survey, "often", text=NEW_TEXT)
    for lang in ("cy", "ar", "pl", "ur", "bn"):
        assert "1 part needs updating" in translate_page(client, survey, lang), lang


def test_saving_a_new_translation_clears_the_mark(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    field = f"piece-q-{survey.questions['often']}-text"
    change_question(client, survey, "often", text=NEW_TEXT)
    path = f"/staff/surveys/{survey.id}/translate/cy"
    assert send(client, path, _boxes(translate_page(client, survey)) | {field: "Pa mor aml ydych chi'n dod i'r caffi?"}).status_code == 302  # fmt: skip
    assert "Needs updating" not in translate_page(client, survey)
    row = welsh_row(app, survey, f"q:{survey.questions['often']}:text")
    assert row is not None and row.source == NEW_TEXT


def test_sending_the_page_back_unchanged_keeps_the_mark(staff_client, survey: MadeSurvey) -> None:
    client = staff_client()
    change_question(client, survey, "often", text=NEW_TEXT)
    path = f"/staff/surveys/{survey.id}/translate/cy"
    boxes = _boxes(translate_page(client, survey))
    assert send(client, path, boxes).status_code == 302
    page = translate_page(client, survey)
    assert "1 part needs updating" in page


def test_ticking_still_fits_clears_the_mark_and_keeps_the_words(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    field = f"piece-q-{survey.questions['often']}-text"
    change_question(client, survey, "often", text=NEW_TEXT)
    path = f"/staff/surveys/{survey.id}/translate/cy"
    page = translate_page(client, survey)
    assert f'for="{field}-fits">The translation still fits the new words<' in page
    assert send(client, path, _boxes(page) | {f"{field}-fits": "y"}).status_code == 302
    assert "Needs updating" not in translate_page(client, survey)
    row = welsh_row(app, survey, f"q:{survey.questions['often']}:text")
    assert row is not None and row.text == WELSH_TEXT


def test_changing_words_back_clears_the_mark(staff_client, survey: MadeSurvey) -> None:
    client = staff_client()
    change_question(client, survey, "often", text=NEW_TEXT)
    change_question(client, survey, "often", text="A second wording")
    page = translate_page(client, survey)
    assert f">{OLD_TEXT}<" in page  # still the words it was first translated from
    change_question(client, survey, "often", text=OLD_TEXT)
    assert "Needs updating" not in translate_page(client, survey)


def test_a_changed_answer_label_is_marked_and_keeps_its_welsh(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    options = "Every single week\nAbout once a month\nA few times a year\nOnly once"
    assert change_question(client, survey, "often", options=options).status_code == 302
    page = translate_page(client, survey)
    assert "1 part needs updating" in page and ">Every week<" in page
    with app.app_context():
        question = db.session.get(Question, survey.questions["often"])
        option_id = question.options[0].id
    row = welsh_row(app, survey, f"o:{option_id}:label")
    assert row is not None and row.text == "Bob wythnos"


def test_new_help_text_is_left_to_translate_and_emptied_help_loses_its_translation(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    key = f"q:{survey.questions['often']}:help"
    change_question(client, survey, "often", help_text="Count the last year.")
    page = translate_page(client, survey)
    assert "39 of 40 translated" in page and page.count("Not translated yet") == 1
    send(client, f"/staff/surveys/{survey.id}/translate/cy", _boxes(translate_page(client, survey)) | {"piece-" + key.replace(":", "-"): "Cyfrwch y flwyddyn ddiwethaf."})  # fmt: skip
    assert welsh_row(app, survey, key) is not None
    change_question(client, survey, "often", help_text="")
    assert welsh_row(app, survey, key) is None  # it would describe words that are gone


def test_question_page_warns_before_changing_translated_words(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    page = client.get(f"/staff/surveys/{survey.id}/questions/{survey.questions['often']}")
    text = page.get_data(as_text=True)
    assert "This question has translations into" in text
    assert "after you save, those translations will be marked as needing an update." in text
    assert '<span lang="cy" dir="ltr">Cymraeg</span>' in text
    assert '<span lang="ar" dir="rtl">العربية</span>' in text


def test_an_untranslated_question_page_gives_no_warning(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    question_id = survey.questions["often"]
    with app.app_context():
        keys = [f"q:{question_id}:text"] + [
            f"o:{o.id}:label" for o in db.session.get(Question, question_id).options
        ]
        for row in db.session.scalars(select(SurveyText).where(SurveyText.key.in_(keys))):
            db.session.delete(row)
        db.session.commit()
    page = client.get(f"/staff/surveys/{survey.id}/questions/{question_id}").get_data(as_text=True)
    assert "translations into" not in page


def test_survey_details_page_warns_before_changing_translated_words(
    staff_client, survey: MadeSurvey
) -> None:
    page = staff_client().get(f"/staff/surveys/{survey.id}/edit").get_data(as_text=True)
    assert "The words on this page have translations into" in page
    assert "translations are removed" not in page


def test_a_copied_survey_keeps_the_needs_updating_mark(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    from app.core.idempotency import new_key
    from app.surveys.builder import starting

    client = staff_client()
    change_title(client, survey, "Our café: what next?")
    with app.app_context():
        copy_id = starting.duplicate_survey(survey.id, None, new_key())
    page = client.get(f"/staff/surveys/{copy_id}/translate/cy").get_data(as_text=True)
    assert "1 part needs updating" in page and f">{OLD_TITLE}<" in page


def _boxes(page: str) -> dict[str, str]:
    """Every translation box on a translate page, with what it holds now."""
    found = dict(re.findall(r'<input [^>]*name="(piece-[^"]+)"[^>]*value="([^"]*)"', page))
    found |= dict(
        re.findall(r'<textarea [^>]*name="(piece-[^"]+)"[^>]*>\s*([^<]*)</textarea>', page)
    )
    return {k: html.unescape(v) for k, v in found.items() if not k.endswith(("-fits", "-seen"))}


def test_overview_says_how_many_parts_need_updating_in_each_language(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    response = change_question(client, survey, "often", text=NEW_TEXT)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'lang="cy">Cymraeg</a>: 39 of 39 translated, <strong>1 needs updating<', page)
    change_title(client, survey, "Our café: what next?")
    page = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert re.search(r'lang="ar">العربية</a>: 39 of 39 translated, <strong>2 need updating<', page)


def test_a_new_answer_in_a_translated_survey_is_shown_as_not_translated_yet(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    options = "Every week\nAbout once a month\nA few times a year\nOnly once\nNever"
    assert "Not translated yet" not in translate_page(client, survey)
    assert change_question(client, survey, "often", options=options).status_code == 302
    page = translate_page(client, survey)
    assert page.count("Not translated yet") == 1 and "39 of 40 translated" in page
    assert "Needs updating" not in page


def test_a_translation_made_beside_words_changed_meanwhile_is_caught_not_cleared(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    field = f"piece-q-{survey.questions['often']}-text"
    path = f"/staff/surveys/{survey.id}/translate/cy"
    opened = translate_page(client, survey)  # the translator opens the page ...
    change_question(client, survey, "often", text=NEW_TEXT)  # ... the English changes meanwhile
    sent = {"csrf_token": token(opened), **_boxes(opened), **_seen(opened), field: "Pa mor aml?"}
    response = client.post(path, data=sent)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "These words changed while you were translating." in page
    assert f'href="#{field}"' in page and 'value="Pa mor aml?"' in page  # kept, not saved
    assert "1 part needs updating" in translate_page(client, survey)
    again = client.post(path, data={**sent, **_seen(page), "csrf_token": token(page)})
    assert again.status_code == 302  # having seen the words now, saving again is allowed
    assert "Needs updating" not in translate_page(client, survey)


def _seen(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(piece-[^"]+-seen)" type="hidden" value="([^"]+)"', page))


def test_changed_consent_words_are_never_agreed_to_in_an_old_translation(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client()
    consent = "Taking part is your choice. We now keep answers for one year."
    assert change_title(client, survey, OLD_TITLE, consent_text=consent).status_code == 302
    reader = app.test_client()
    start_page = reader.get(f"/s/{survey.slug}", headers={"Accept-Language": "cy"})
    assert f'<h1 lang="en">{OLD_TITLE}</h1>' in start_page.get_data(
        as_text=True
    )  # English, not a mixture
    page = translate_page(client, survey)
    assert "What people agree to has changed." in page and "1 part needs updating" in page
    fits = {"piece-consent_text-fits": "y"}
    path = f"/staff/surveys/{survey.id}/translate/cy"
    assert send(client, path, _boxes(page) | fits).status_code == 302
    start_page = reader.get(f"/s/{survey.slug}", headers={"Accept-Language": "cy"})
    assert f'<h1 lang="cy">{WELSH_TITLE}</h1>' in start_page.get_data(as_text=True)
