"""The public You said, we did log at /updates and each update's own page."""

from __future__ import annotations

import re
from datetime import UTC
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.db import utcnow
from app.extensions import db
from app.feedback import reading
from app.feedback import sources
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateStatus
from app.ledger.models import Project
from app.surveys.summary.models import ResultsSummary
from tests.feedback.public_helpers import london_day
from tests.feedback.public_helpers import make_update
from tests.feedback.public_helpers import move
from tests.feedback.public_helpers import put_back
from tests.feedback.public_helpers import set_times
from tests.feedback.public_helpers import take_down

PUBLISHED = "The café closes too early for people who work."
PUBLISHED_CY = "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio."
CANT_DO = "Please open on Sundays."
DRAFT = "Some people would like a quiet room."


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True).replace("&#39;", "'")


def _said(page: str) -> list[str]:
    """What people said, in the order the list shows it."""
    return re.findall(r'class="update-said"><a href="/updates/\d+"[^>]*>([^<]+)</a>', page)


def test_list_shows_public_updates_newest_first_and_never_drafts(client, updates) -> None:
    page = _page(client, "/updates")
    assert _said(page) == [CANT_DO, PUBLISHED]
    assert DRAFT not in page
    assert "Doing since" in page and "2 people said this" in page
    assert f'href="/updates/{updates.published}"' in page


def test_unpublished_and_draft_updates_are_not_found(app: Flask, client, updates) -> None:
    take_down(app, updates.published)
    assert PUBLISHED not in _page(client, "/updates")
    for update_id in (updates.published, updates.draft, 999999, 2**31 - 1):
        assert client.get(f"/updates/{update_id}").status_code == 404
    assert client.get(f"/updates/{updates.cant_do}").status_code == 200


def test_status_filter_shows_only_that_status(client, updates) -> None:
    assert _said(_page(client, "/updates?status=doing")) == [PUBLISHED]
    page = _page(client, "/updates?status=cant_do")
    assert _said(page) == [CANT_DO]
    assert '<option value="cant_do" selected>' in page
    assert "No updates match what you chose." in _page(client, "/updates?status=done")


@pytest.mark.parametrize(
    "query", ["status=nonsense", "project=abc", "project=99999", "survey=-1", "survey=1" + "0" * 40]
)
def test_filter_values_that_make_no_sense_show_everything(client, updates, query: str) -> None:
    assert _said(_page(client, f"/updates?{query}&page=x")) == [CANT_DO, PUBLISHED]


def test_project_and_survey_filters_offer_only_what_has_public_updates(
    app: Flask, client, survey, ledger, updates
) -> None:
    with app.app_context():
        hidden = Project(name="Secret project")
        db.session.add(hidden)
        db.session.commit()
        hidden_id = hidden.id
    make_update(app, "Not out yet.", project_id=hidden_id, publish=False)
    page = _page(client, "/updates")
    assert f'<option value="{ledger.project}">Café review</option>' in page
    assert "Secret project" not in page
    assert f'<option value="{survey.id}" lang="en">' in page
    assert _said(_page(client, f"/updates?project={ledger.project}")) == [PUBLISHED]
    # The published update came from a theme on the survey; the can't-do only from a session.
    assert _said(_page(client, f"/updates?survey={survey.id}")) == [PUBLISHED]
    assert _said(_page(client, f"/updates?project={hidden_id}")) == [CANT_DO, PUBLISHED]


def test_pages_of_ten_keep_the_filters(app: Flask, client, updates) -> None:
    for number in range(12):
        make_update(app, f"Idea number {number}.", status=UpdateStatus.DOING)
    first = _page(client, "/updates?status=doing")
    assert len(_said(first)) == 10 and "Page 1 of 2" in first
    assert 'href="/updates?page=2&amp;status=doing" rel="next"' in first
    second = _page(client, "/updates?status=doing&page=2")
    assert len(_said(second)) == 3 and 'rel="prev"' in second
    assert set(_said(first)).isdisjoint(_said(second))
    assert _said(_page(client, "/updates?status=doing&page=99")) == _said(second)
    assert _said(_page(client, "/updates?page=0")) == _said(_page(client, "/updates"))


def test_an_empty_log_says_so(client) -> None:
    page = _page(client, "/updates")
    assert "There are no updates yet." in page
    assert "<form" not in page  # nothing to filter


def test_welsh_reader_gets_the_welsh_words_and_english_where_untranslated(client, updates) -> None:
    page = _page(client, "/updates?locale=cy")
    assert f'lang="cy" dir="ltr">{PUBLISHED_CY}</a>' in page
    assert f'lang="en" dir="ltr">{CANT_DO}</a>' in page
    assert PUBLISHED not in page
    shown = _page(client, f"/updates/{updates.published}?locale=cy")
    assert '<div class="update-body" lang="cy" dir="ltr"><p>Byddwn ar agor' in shown
    assert "asked the volunteers" not in shown
    untranslated = _page(client, f"/updates/{updates.cant_do}?locale=ar")
    assert '<html lang="ar" dir="rtl">' in untranslated
    assert f'<h1 class="update-title" lang="en" dir="ltr">{CANT_DO}</h1>' in untranslated
    # A quiet note says so, in the reader's language; a translated update has none.
    assert '<p class="caption">لم يُترجم بعد</p>' in untranslated
    assert "Heb ei gyfieithu eto" not in shown
    listed = _page(client, "/updates?locale=cy")
    assert listed.count("Heb ei gyfieithu eto") == 1  # the can't-do one, not the translated one


def test_update_page_shows_what_we_did_and_where_it_came_from(client, updates, ledger) -> None:
    page = _page(client, f"/updates/{updates.published}")
    assert "<strong>asked the volunteers</strong>" in page
    assert "2 people said this" in page
    assert '<span lang="en" dir="ltr">Opening hours</span>' in page
    assert "Café workshop" in page and "Session on" in page
    assert "Ama" not in page and "Ben" not in page  # names of people never appear
    assert "Why we can't" not in page
    cant = _page(client, f"/updates/{updates.cant_do}")
    assert "Why we can't" in cant and "we cannot pay for a key holder" in cant


def test_history_shows_each_status_with_its_date_in_london_time(
    app: Flask, client, updates
) -> None:
    # 23:30 UTC on 1 May is already 2 May in London (summer time).
    set_times(app, updates.published, datetime(2026, 5, 1, 23, 30, tzinfo=UTC))
    move(app, updates.published, UpdateStatus.DONE)
    page = _page(client, f"/updates/{updates.published}")
    history = page[page.index("What happened and when") :]
    assert history.index("<strong>2 May 2026</strong>: Doing") < history.index(
        f"<strong>{london_day(utcnow())}</strong>: Done"
    )
    assert "Done on" in _page(client, "/updates")


def test_taking_down_and_putting_back_is_never_shown_publicly(app: Flask, client, updates) -> None:
    take_down(app, updates.cant_do, reason="A private slip in the words.")
    put_back(app, updates.cant_do)
    page = _page(client, f"/updates/{updates.cant_do}")
    assert "A private slip in the words." not in page and "Taken down" not in page
    history = page[page.index("What happened and when") :]
    assert page.count("Can't do: we decided on") == 1  # the tag
    assert history.count("Can't do</li>") == 1  # and one history line, not two


def test_summary_link_appears_only_once_the_summary_is_published(
    app: Flask, client, survey, updates
) -> None:
    with app.app_context():
        summary = ResultsSummary(survey_id=survey.id, published=False)
        db.session.add(summary)
        db.session.commit()
        summary_id = summary.id
    assert f'href="/s/{survey.slug}"' not in _page(client, f"/updates/{updates.published}")
    with app.app_context():
        db.session.get(ResultsSummary, summary_id).published = True
        db.session.commit()
    page = _page(client, f"/updates/{updates.published}")
    assert f'<a href="/s/{survey.slug}" lang="en" dir="ltr">' in page
    # The can't-do came from a session only: no survey, so no summary.
    assert f'href="/s/{survey.slug}"' not in _page(client, f"/updates/{updates.cant_do}")


def test_hostile_words_are_shown_as_text_never_run(app: Flask, client, ledger) -> None:
    update_id = make_update(
        app,
        '<script>alert("said")</script>',
        body='<script>alert("body")</script> [click](javascript:alert(1)) <img src=x onerror=1>',
        links=[(LinkKind.SESSION, ledger.session)],
    )
    for path in ("/updates", f"/updates/{update_id}", "/"):
        page = client.get(path).get_data(as_text=True)
        assert "<script" not in page and "<img" not in page and 'href="javascript' not in page
        assert "&lt;script&gt;alert(&#34;said&#34;)&lt;/script&gt;" in page


def test_people_counts_on_a_page_match_the_single_update_rule(app: Flask, updates) -> None:
    make_update(app, "A count staff gave.", people_count=7)
    make_update(app, "Nothing linked, nobody counted.")
    with app.test_request_context():
        entries = reading.public_list(reading.Filters(), 1, "en").entries
        for entry in entries:
            record = db.session.get(Update, entry.id)
            assert entry.people == sources.people_behind(record), record.said
        assert {entry.people for entry in entries} == {2, 7, None}


def test_list_takes_the_same_few_queries_however_many_updates(
    app: Flask, client, updates, ledger, count_queries
) -> None:
    with count_queries() as few:
        client.get("/updates")
    for number in range(8):
        make_update(app, f"Idea {number}.", links=[(LinkKind.SESSION, ledger.session)])
    with count_queries() as many:
        client.get("/updates")
    assert len(many) == len(few)
    with count_queries() as filtered:
        client.get("/updates?status=doing")
    # A crowd opens this page: it stays within 8 statements, filtered or not.
    # A page drawn afresh (for someone signed in, or the first visitor after a change) stays
    # within 8 statements of its own, filtered or not, besides the shared pages' check...
    drawn = [s for s in many + filtered if "shared_page_generation" not in s]
    assert len(drawn) <= 16 and max(len(many), len(filtered)) <= 9, many
    # ...and the crowd after that visitor gets the shared copy for that one check.
    with count_queries() as shared:
        client.get("/updates?status=doing")
    assert shared == ["SELECT generation FROM shared_page_generation WHERE name = 'public'"]
