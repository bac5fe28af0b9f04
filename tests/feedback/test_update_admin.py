"""Staff write, publish and move updates along: the one-minute path from a theme, and its guards."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask_babel import format_date

from app.auth.models import Role
from app.extensions import db
from app.feedback import sources
from app.feedback.models import EventKind
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateStatus
from app.outbox.models import OutboxMessage
from tests.feedback.update_admin_helpers import events
from tests.feedback.update_admin_helpers import get_update
from tests.feedback.update_admin_helpers import newest_update_ids
from tests.feedback.update_admin_helpers import page_form
from tests.feedback.update_admin_helpers import tag_answers

NEW = "/staff/updates/new"


def _new_update(values: dict[str, str], **fields: object) -> dict[str, object]:
    return {
        **values,
        "said": "Write it plainly",
        "body": "",
        "status": "considering",
        "reason": "",
        "people_count": "",
        "project": "",
        "main_language": "en",
        "then": "draft",
        **fields,
    }


def test_coordinator_turns_a_theme_into_a_public_update_after_checking_how_it_looks(
    app: Flask, staff_client, survey, updates
) -> None:
    tag_answers(app, survey, updates.theme, people=3)
    client = staff_client(Role.COORDINATOR)
    html, values = page_form(client, f"{NEW}?theme={updates.theme}")
    assert 'value="Opening hours"' in html  # the theme's name starts "what people said"
    assert f'value="{updates.theme}" checked' in html
    assert "The links ticked now count 3 people." in html
    before = set(newest_update_ids(app))

    data = _new_update(
        values,
        said="The café closes too early",
        body="We will open **later** on Thursdays.",
        status="doing",
        themes=str(updates.theme),
        then="publish",
    )
    response = client.post(NEW, data=data)

    (update_id,) = set(newest_update_ids(app)) - before
    preview = f"/staff/updates/{update_id}/preview"
    assert response.status_code == 302 and response.headers["Location"].endswith(preview)
    update = get_update(app, update_id)
    assert not update.published  # nothing public, nobody messaged, until it has been seen
    assert [e.kind for e in events(app, update_id)] == [EventKind.STATUS]
    assert [(link.kind, link.theme_id) for link in update.links] == [
        (LinkKind.THEME, updates.theme)
    ]
    assert update.people_count is None
    with app.app_context():
        assert sources.people_behind(db.session.get(Update, update_id)) == 3
    html, values = page_form(client, preview)
    assert "Check how it looks, then make it public." in html
    assert "<strong>later</strong>" in html and "The café closes too early" in html
    assert "person will get a message" in html or "people will get a message" in html
    published = client.post(f"/staff/updates/{update_id}/publish", data=values)
    assert published.status_code == 302
    assert get_update(app, update_id).published and get_update(app, update_id).status == (
        UpdateStatus.DOING
    )
    page = client.get(f"/staff/updates/{update_id}").get_data(as_text=True)
    assert "3 people, counted from the links" in page
    assert "The update is public now." in page


def test_an_update_with_nothing_under_what_we_did_cannot_be_made_public(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    with app.app_context():
        queued = db.session.query(OutboxMessage).count()
    response = client.post(NEW, data=_new_update(values, said="Children", then="publish"))
    update_id = newest_update_ids(app)[0]
    assert response.headers["Location"].endswith(f"/staff/updates/{update_id}/preview")
    html = client.get(f"/staff/updates/{update_id}/preview").get_data(as_text=True)
    _show, values = page_form(client, f"/staff/updates/{update_id}")  # a form token to craft with
    assert "It is not ready to be public" in html
    assert f'href="/staff/updates/{update_id}/edit#body"' in html
    assert f'action="/staff/updates/{update_id}/publish"' not in html  # no button to press
    # Pressed anyway (an old page, a crafted form): refused, nothing public, nobody told.
    refused = client.post(f"/staff/updates/{update_id}/publish", data=values)
    assert refused.headers["Location"].endswith(f"/staff/updates/{update_id}/preview")
    assert not get_update(app, update_id).published
    assert [e.kind for e in events(app, update_id)] == [EventKind.STATUS]
    with app.app_context():
        assert db.session.query(OutboxMessage).count() == queued
    shown = client.get(f"/staff/updates/{update_id}/preview").get_data(as_text=True)
    assert "Write what we did before making it public" in shown


def test_a_cant_do_with_its_reason_needs_nothing_under_what_we_did(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    data = _new_update(
        values, said="Open on Sundays", status="cant_do", reason="The hall is shut.", then="publish"
    )
    client.post(NEW, data=data)
    update_id = newest_update_ids(app)[0]
    html, values = page_form(client, f"/staff/updates/{update_id}/preview")
    assert "It is not ready to be public" not in html and "The hall is shut." in html
    assert client.post(f"/staff/updates/{update_id}/publish", data=values).status_code == 302
    assert get_update(app, update_id).published


def test_a_public_update_has_no_preview_to_publish_again(staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    response = client.get(f"/staff/updates/{updates.published}/preview")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/updates/{updates.published}")


def test_saving_as_a_draft_keeps_it_off_the_public_log(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    response = client.post(NEW, data=_new_update(values, people_count="12"))
    update = get_update(app, newest_update_ids(app)[0])
    assert response.status_code == 302
    assert not update.published and update.people_count == 12
    assert [e.kind for e in events(app, update.id)] == [EventKind.STATUS]


def test_the_same_form_sent_twice_saves_one_update(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    data = _new_update(values, said="Only once, please", then="publish")
    before = len(newest_update_ids(app))
    first = client.post(NEW, data=data)
    second = client.post(NEW, data=data)
    assert first.status_code == 302 and second.status_code == 302
    assert first.headers["Location"].endswith("/preview")
    assert second.headers["Location"].endswith("/staff/updates/")
    assert len(newest_update_ids(app)) == before + 1
    assert "already saved" in client.get("/staff/updates/").get_data(as_text=True)


def test_cant_do_without_a_reason_is_refused_with_a_linked_message_and_words_kept(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    before = len(newest_update_ids(app))
    data = _new_update(values, said="Open on Sundays", body="We looked into it.", status="cant_do")
    response = client.post(NEW, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<a href="#reason">Say why we can&#39;t do this</a>' in html
    assert 'value="Open on Sundays"' in html and "We looked into it." in html
    assert 'value="cant_do" checked' in html
    assert len(newest_update_ids(app)) == before


def test_empty_form_names_each_problem(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    _html, values = page_form(client, NEW)
    data = _new_update(values, said="", people_count="lots", themes="999999", surveys="x")
    html = client.post(NEW, data=data).get_data(as_text=True)
    assert '<a href="#said">Say what people told us</a>' in html
    assert '<a href="#people_count">' in html
    # The same words for two lists: each says which list it is about.
    assert '<a href="#themes-0">Themes from survey answers: Choose from the list</a>' in html
    assert '<a href="#surveys-0">Surveys: Choose from the list</a>' in html


def test_status_change_is_kept_in_the_history_with_its_date(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.published}"
    _html, values = page_form(client, path)
    response = client.post(f"{path}/status", data={**values, "status": "done", "reason": ""})
    assert response.status_code == 302
    assert [e.status for e in events(app, updates.published)][-1] == UpdateStatus.DONE
    html = client.get(path).get_data(as_text=True)
    with app.test_request_context():
        today = format_date(date.today(), "d MMM y")
    history = html.split("<h2>History</h2>")[1].split("<h2>Translations</h2>")[0]
    assert "Status: Done" in history and today in history and "Test coordinator" in history
    assert "Status changed." in html


def test_status_cant_do_without_reason_shows_the_page_again_with_a_linked_message(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.ADMIN)
    path = f"/staff/updates/{updates.published}"
    _html, values = page_form(client, path)
    before = len(events(app, updates.published))
    response = client.post(f"{path}/status", data={**values, "status": "cant_do", "reason": " "})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<a href="#reason">Say why we can&#39;t do this</a>' in html
    assert 'value="cant_do" checked' in html
    assert len(events(app, updates.published)) == before


def test_same_status_twice_is_a_calm_message_not_a_new_event(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.published}"
    _html, values = page_form(client, path)
    before = len(events(app, updates.published))
    response = client.post(
        f"{path}/status", data={**values, "status": "doing"}, follow_redirects=True
    )
    assert response.status_code == 200
    assert "already has that status" in response.get_data(as_text=True)
    assert len(events(app, updates.published)) == before


def test_publishing_twice_makes_one_published_event(app: Flask, staff_client, updates) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.draft}"
    _html, values = page_form(client, path)
    first = client.post(f"{path}/publish", data=values)
    second = client.post(f"{path}/publish", data=values, follow_redirects=True)
    assert first.status_code == 302 and second.status_code == 200
    assert "This update is already public." in second.get_data(as_text=True)
    published = [e for e in events(app, updates.draft) if e.kind == EventKind.PUBLISHED]
    assert len(published) == 1 and get_update(app, updates.draft).published


def test_editing_changes_the_words_and_dates_a_new_status(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    path = f"/staff/updates/{updates.draft}/edit"
    html, values = page_form(client, path)
    assert 'value="Some people would like a quiet room."' in html
    data = {
        **values,
        "said": "A quiet room, please",
        "body": "We found one.",
        "status": "done",
        "people_count": "",
        "project": "",
        "surveys": str(get_update(app, updates.draft).links[0].survey_id),
    }
    response = client.post(path, data=data)
    assert response.status_code == 302
    update = get_update(app, updates.draft)
    assert (update.said, update.body, update.status) == (
        "A quiet room, please",
        "We found one.",
        UpdateStatus.DONE,
    )
    assert [link.kind for link in update.links] == [LinkKind.SURVEY]
    assert [e.status for e in events(app, updates.draft)] == [
        UpdateStatus.CONSIDERING,
        UpdateStatus.DONE,
    ]


def test_list_shows_drafts_and_public_updates_the_latest_change_first(
    app: Flask, staff_client, updates
) -> None:
    client = staff_client(Role.VIEWER)
    html = client.get("/staff/updates/").get_data(as_text=True)
    order = [
        html.index(words) for words in ("Please open on Sundays.", "quiet room", "closes too early")
    ]
    assert order == sorted(order)
    assert html.count(">Draft<") == 1 and html.count(">Public<") == 2
    assert "Cymraeg</span>: 2 of 2" in html  # the published one is fully in Welsh
    assert "Write an update" not in html  # viewers only read


def test_show_page_counts_the_messages_queued_for_the_update(staff_client, updates) -> None:
    html = (
        staff_client(Role.FINANCE).get(f"/staff/updates/{updates.published}").get_data(as_text=True)
    )
    outbox = html.split("Messages to people who took part")[1]
    assert 'Waiting to be sent</dt><dd class="summary-value">1<' in outbox
    assert "Opening hours</bdi> – 0 people" in html and "Café workshop</bdi> – 2 people" in html


def test_unknown_update_is_not_found(staff_client, updates) -> None:
    client = staff_client(Role.ADMIN)
    for path in (
        "/staff/updates/999999",
        "/staff/updates/999999/edit",
        "/staff/updates/0/unpublish",
    ):
        assert client.get(path).status_code == 404
