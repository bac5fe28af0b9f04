"""The plain-words check on an update: what people said, what we did and why we can't are checked
when the update is saved and when it is previewed, and the check never stops it going public."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from tests.feedback.update_admin_helpers import get_update
from tests.feedback.update_admin_helpers import newest_update_ids
from tests.feedback.update_admin_helpers import page_form
from tests.survey_words import WORDY

NEW = "/staff/updates/new"
EN = '<span lang="en" dir="ltr">{}</span>'


def _jargon(place: str, word: str, plainer: str) -> str:
    return f"{place}: “{EN.format(word)}”, try “{EN.format(plainer)}”"


def _wordy_update(app: Flask, client, then: str = "draft") -> tuple[int, object]:
    _html, values = page_form(client, NEW)
    data = {
        **values,
        "said": WORDY["said"],
        "body": WORDY["body"],
        "status": "doing",
        "reason": "",
        "people_count": "",
        "project": "",
        "main_language": "en",
        "then": then,
    }
    response = client.post(NEW, data=data)
    return newest_update_ids(app)[0], response


def test_a_wordy_update_is_saved_and_its_page_names_each_suggestion(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    update_id, response = _wordy_update(app, client)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/updates/{update_id}")
    assert get_update(app, update_id).said == WORDY["said"]

    html = client.get(f"/staff/updates/{update_id}").get_data(as_text=True)
    assert '<h2 id="plain-words">Plain words check</h2>' in html
    assert _jargon("What people said", "facilitate", "help") in html
    assert _jargon("What we did or will do", "utilise", "use") in html
    assert "What we did or will do: this sentence has 27 words." in html


def test_the_preview_names_the_suggestions_and_the_update_still_goes_public(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    update_id, response = _wordy_update(app, client, then="publish")
    preview = f"/staff/updates/{update_id}/preview"
    assert response.headers["Location"].endswith(preview)
    html, values = page_form(client, preview)
    assert "3 suggestions to make the words easier to read." in html
    assert _jargon("What people said", "facilitate", "help") in html
    published = client.post(f"/staff/updates/{update_id}/publish", data=values)
    assert published.status_code == 302
    assert get_update(app, update_id).published


def test_why_we_cant_is_checked_too(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, f"/staff/updates/{updates.cant_do}")
    values["status"], values["reason"] = "cant_do", "We cannot obtain a key for Sundays."
    assert client.post(f"/staff/updates/{updates.cant_do}/status", data=values).status_code == 302
    html = client.get(f"/staff/updates/{updates.cant_do}").get_data(as_text=True)
    assert _jargon("Why we can&#39;t do this", "obtain", "get") in html


def test_a_plain_update_gets_no_suggestions(staff_client, updates) -> None:
    writer = staff_client(Role.COORDINATOR)
    html = writer.get(f"/staff/updates/{updates.published}").get_data(as_text=True)
    assert "No suggestions: the words look plain." in html


def test_staff_who_cannot_change_the_words_see_no_check(staff_client, updates) -> None:
    viewer = staff_client(Role.VIEWER)
    html = viewer.get(f"/staff/updates/{updates.published}").get_data(as_text=True)
    assert "Plain words check" not in html  # they cannot change the words
