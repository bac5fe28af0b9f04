"""Who may change updates, hostile words, translations, and two people editing at once."""

from __future__ import annotations

import re

from flask import Flask

from app.auth.models import Role
from app.feedback import services
from app.feedback.models import EventKind
from app.feedback.models import UpdateStatus
from tests.feedback.update_admin_helpers import events
from tests.feedback.update_admin_helpers import get_update
from tests.feedback.update_admin_helpers import newest_update_ids
from tests.feedback.update_admin_helpers import page_form

HOSTILE_SAID = "<script>alert(1)</script> said"
HOSTILE_BODY = '[x](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror="alert(3)">'


def test_viewer_sees_an_update_read_only_and_cannot_change_it(staff_client, updates) -> None:
    client = staff_client(Role.VIEWER)
    path = f"/staff/updates/{updates.draft}"
    html = client.get(path).get_data(as_text=True)
    assert "Some people would like a quiet room." in html
    assert "Change the status" not in html and "Make it public" not in html
    assert f"{path}/edit" not in html and "/translate/" not in html
    for page in ("/staff/updates/new", f"{path}/edit", f"{path}/translate/cy"):
        assert client.get(page).status_code == 403


def test_viewer_posts_with_a_good_token_are_forbidden(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.VIEWER)
    html = client.get("/language").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    path = f"/staff/updates/{updates.draft}"
    for action in ("status", "publish"):
        response = client.post(f"{path}/{action}", data={"csrf_token": token, "status": "done"})
        assert response.status_code == 403
    update = get_update(app, updates.draft)
    assert not update.published and update.status == UpdateStatus.CONSIDERING


def test_coordinator_cannot_take_an_update_down(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.published}"
    html, values = page_form(client, path)
    assert f"{path}/unpublish" not in html
    assert client.get(f"{path}/unpublish").status_code == 403
    response = client.post(f"{path}/unpublish", data={**values, "reason": "Mistake"})
    assert response.status_code == 403
    assert get_update(app, updates.published).published


def test_admin_takes_an_update_down_only_with_a_reason_kept_in_its_history(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.ADMIN)
    path = f"/staff/updates/{updates.published}/unpublish"
    _html, values = page_form(client, path)
    refused = client.post(path, data={**values, "reason": "  "})
    assert refused.status_code == 400
    assert '<a href="#reason">Say why this update is being taken down</a>' in refused.get_data(
        as_text=True
    )
    assert get_update(app, updates.published).published

    done = client.post(path, data={**values, "reason": "It named a volunteer."})
    assert done.status_code == 302
    assert not get_update(app, updates.published).published
    last = events(app, updates.published)[-1]
    assert (last.kind, last.reason) == (EventKind.UNPUBLISHED, "It named a volunteer.")
    page = client.get(f"/staff/updates/{updates.published}").get_data(as_text=True)
    history = page.split("<h2>History</h2>")[1]
    assert "Taken down" in history and "It named a volunteer." in history
    again = client.get(path, follow_redirects=True)  # not public any more: nothing to take down
    assert "This update is not public." in again.get_data(as_text=True)


def test_hostile_words_are_kept_but_never_run(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, "/staff/updates/new")
    data = {
        **values,
        "said": HOSTILE_SAID,
        "body": HOSTILE_BODY,
        "status": "cant_do",
        "reason": "<b onmouseover=alert(4)>no</b>",
        "main_language": "en",
        "project": "",
        "then": "publish",
    }
    assert client.post("/staff/updates/new", data=data).status_code == 302
    update_id = newest_update_ids(app)[0]
    stored = get_update(app, update_id)
    assert (stored.said, stored.body) == (HOSTILE_SAID, HOSTILE_BODY)
    pages = [
        f"/staff/updates/{update_id}",
        "/staff/updates/",
        f"/staff/updates/{update_id}/edit",
        f"/staff/updates/{update_id}/translate/cy",
    ]
    for path in pages:
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert "<script" not in html and "<img" not in html and "<b onmouseover" not in html
        assert 'href="javascript' not in html.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


def test_translation_is_saved_beside_the_main_words(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.cant_do}/translate/pl"
    html, values = page_form(client, path)
    assert "Please open on Sundays." in html and "The building is closed on Sundays" in html
    assert 'id="body"' not in html  # nothing written, so nothing to translate
    data = {
        **values,
        "said": "Prosimy o otwarcie w niedziele.",
        "reason": "Budynek jest zamknięty.",
    }
    response = client.post(path, data=data)
    assert response.status_code == 302
    with app.app_context():
        saved = services.translations(updates.cant_do, "pl")
    assert saved == {"said": data["said"], "reason": data["reason"]}
    shown = client.get(f"/staff/updates/{updates.cant_do}").get_data(as_text=True)
    assert re.search(r"Polski</span>.{0,80}</a>: 2 of 2 translated", shown)


def test_right_to_left_translation_boxes_run_right_to_left(staff_client, updates) -> None:
    html = (
        staff_client(Role.ADMIN)
        .get(f"/staff/updates/{updates.published}/translate/ar")
        .get_data(as_text=True)
    )
    assert re.search(r'<input[^>]*dir="rtl"[^>]*id="said"[^>]*lang="ar"', html)
    assert re.search(r'<textarea[^>]*dir="rtl"[^>]*id="body"', html)
    assert 'id="said-source" lang="en" dir="ltr"' in html


def test_translating_into_the_main_language_or_an_unknown_one_is_not_found(
    staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    for lang in ("en", "xx", "EN", "cy%00", "x" * 300):
        assert client.get(f"/staff/updates/{updates.published}/translate/{lang}").status_code == 404


def test_editing_after_someone_else_saved_shows_a_plain_message_and_keeps_the_words(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.draft}/edit"
    _html, values = page_form(client, path)
    with app.test_request_context():  # someone else moves it on meanwhile
        services.change_status(updates.draft, UpdateStatus.DOING, "", updates.coordinator)
    data = {**values, "said": "My careful words", "status": "considering", "project": ""}
    response = client.post(path, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Someone else changed this update while you were editing it" in html
    assert 'value="My careful words"' in html and "What is saved now" in html
    assert get_update(app, updates.draft).said == "Some people would like a quiet room."
    # Having seen their change, saving again keeps these words.
    again = client.post(path, data={**data, "version": _version(html)})
    assert again.status_code == 302
    assert get_update(app, updates.draft).said == "My careful words"


def _version(html: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)


def test_answers_page_offers_an_update_about_each_theme_to_writers(
    staff_client, survey, updates
) -> None:
    path = f"/staff/surveys/{survey.id}/results/{survey.questions['else']}"
    html = staff_client(Role.COORDINATOR).get(path).get_data(as_text=True)
    assert f'href="/staff/updates/new?theme={updates.theme}"' in html


def test_answers_page_has_no_update_link_for_viewers(staff_client, survey, updates) -> None:
    path = f"/staff/surveys/{survey.id}/results/{survey.questions['else']}"
    html = staff_client(Role.VIEWER).get(path).get_data(as_text=True)
    assert "/staff/updates/new" not in html


def test_staff_home_links_to_the_updates(staff_client) -> None:
    html = staff_client(Role.FINANCE).get("/staff/").get_data(as_text=True)
    assert 'href="/staff/updates/"' in html
