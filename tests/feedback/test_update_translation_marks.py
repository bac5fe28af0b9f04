"""An update's English fix keeps its translations: still shown, marked as needing an update."""

from __future__ import annotations

import html
import re

from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.extensions import db
from app.feedback import services
from app.feedback.admin.views import _as_form_data
from app.feedback.models import Update
from tests.feedback.update_admin_helpers import page_form

OLD_SAID = "The café closes too early for people who work."
NEW_SAID = "The café closes too early for people who work in the day."
WELSH_SAID = "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio."


def edit(client: FlaskClient, update_id: int, **changes: str):
    """Send the update's edit page back as staff would, with some fields changed."""
    path = f"/staff/updates/{update_id}/edit"
    _html, values = page_form(client, path)
    with client.application.app_context():
        data = _as_form_data(db.session.get(Update, update_id))
    return client.post(path, data={**data, **values, **changes})


def translate_page(client: FlaskClient, update_id: int, lang: str = "cy") -> str:
    return client.get(f"/staff/updates/{update_id}/translate/{lang}").get_data(as_text=True)


def save_page(client: FlaskClient, update_id: int, **changes: str):
    """Send the translate page back with what its boxes hold, and some changes."""
    path = f"/staff/updates/{update_id}/translate/cy"
    page, values = page_form(client, path)
    boxes = dict(re.findall(r'<input [^>]*name="(said)"[^>]*value="([^"]*)"', page))
    boxes |= dict(
        re.findall(r'<textarea [^>]*name="(body|reason)"[^>]*>\s*([^<]*)</textarea>', page)
    )
    boxes = {key: html.unescape(value) for key, value in boxes.items()}
    return client.post(path, data={**values, **boxes, **changes})


def test_fixing_an_update_keeps_its_welsh_for_welsh_readers(
    app: Flask, staff_client, updates
) -> None:
    assert edit(staff_client(), updates.published, said=NEW_SAID).status_code == 302
    page = app.test_client().get("/updates", headers={"Accept-Language": "cy"})
    text = html.unescape(page.get_data(as_text=True))
    assert WELSH_SAID in text and NEW_SAID not in text


def test_translate_page_marks_the_changed_words_with_old_and_new(staff_client, updates) -> None:
    client = staff_client()
    assert "Needs updating" not in translate_page(client, updates.published)
    edit(client, updates.published, said=NEW_SAID)
    page = translate_page(client, updates.published)
    assert "1 part needs updating" in page and page.count("Needs updating") == 1
    assert f'id="said-was" lang="en" dir="ltr">{html.escape(OLD_SAID)}<' in page
    assert f'id="said-source" lang="en" dir="ltr">{html.escape(NEW_SAID)}<' in page
    assert "2 of 2 translated" in page


def test_saving_a_new_translation_clears_the_mark(app: Flask, staff_client, updates) -> None:
    client = staff_client()
    edit(client, updates.published, said=NEW_SAID)
    new_welsh = "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio yn y dydd."
    assert save_page(client, updates.published, said=new_welsh).status_code == 302
    assert "Needs updating" not in translate_page(client, updates.published)
    with app.app_context():
        assert services.translations(updates.published, "cy")["said"] == new_welsh


def test_sending_the_page_back_unchanged_keeps_the_mark(staff_client, updates) -> None:
    client = staff_client()
    edit(client, updates.published, said=NEW_SAID)
    assert save_page(client, updates.published).status_code == 302
    assert "1 part needs updating" in translate_page(client, updates.published)


def test_ticking_still_fits_clears_the_mark(staff_client, updates) -> None:
    client = staff_client()
    edit(client, updates.published, said=NEW_SAID)
    page = translate_page(client, updates.published)
    assert 'for="said-fits">The translation still fits the new words<' in page
    assert save_page(client, updates.published, **{"said-fits": "y"}).status_code == 302
    assert "Needs updating" not in translate_page(client, updates.published)


def test_emptied_words_lose_their_translation(app: Flask, staff_client, updates) -> None:
    assert edit(staff_client(), updates.published, body="").status_code == 302
    with app.app_context():
        assert "body" not in services.translations(updates.published, "cy")
    page = app.test_client().get("/updates", headers={"Accept-Language": "cy"})
    assert "Byddwn ar agor tan 7pm" not in page.get_data(as_text=True)


def test_edit_page_warns_before_changing_translated_words(staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/updates/{updates.published}/edit").get_data(as_text=True)
    assert "This update has translations into" in page
    assert "after you save, those translations will be marked as needing an update." in page
    assert '<span lang="cy" dir="ltr">Cymraeg</span>' in page
    draft = client.get(f"/staff/updates/{updates.draft}/edit").get_data(as_text=True)
    assert "translations into" not in draft


def test_update_page_says_which_translation_needs_updating(staff_client, updates) -> None:
    client = staff_client()
    response = edit(client, updates.published, said=NEW_SAID)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(
        r"Cymraeg</span>.{0,80}</a>: 2 of 2 translated, <strong>1 needs updating<", page
    )


def test_a_translation_made_beside_words_changed_meanwhile_is_caught(staff_client, updates) -> None:
    client = staff_client()
    path = f"/staff/updates/{updates.published}/translate/cy"
    _opened, values = page_form(client, path)
    seen = dict(re.findall(r'name="(said-seen|body-seen)" type="hidden" value="([^"]+)"', _opened))
    edit(client, updates.published, said=NEW_SAID)
    response = client.post(path, data={**values, **seen, "said": "Newydd", "body": "Corff"})
    assert response.status_code == 400
    assert "These words changed while you were translating." in response.get_data(as_text=True)
    assert "1 part needs updating" in translate_page(client, updates.published)
