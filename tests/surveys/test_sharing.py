"""Sharing a survey where people are: a link and QR code per language, a poster, a paper copy."""

from __future__ import annotations

import re

import segno
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete

from app.auth.models import Role
from app.extensions import db
from app.surveys.models import SurveyText
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.factories import MadeSurvey
from tests.survey_words import WORDS

WELSH, ARABIC = 0, 2  # places in tests/survey_words.py's LANGUAGES
LINK = "localhost/s/cafe?locale="  # the public address the tests run under


def _page(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response.get_data(as_text=True)


def _dark_modules(svg_path: str) -> set[tuple[int, int]]:
    """The squares an SVG path from app/core/qr.py paints: runs of "M x y h w v1 h-w z"."""
    dark = set()
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg_path):
        dark |= {(int(x) + i, int(y)) for i in range(int(width))}
    return dark


def _code_for(text: str) -> set[tuple[int, int]]:
    quiet = 4
    matrix = segno.make(text, error="m").matrix
    return {
        (x + quiet, y + quiet) for y, row in enumerate(matrix) for x, on in enumerate(row) if on
    }


def test_each_ready_language_has_its_own_link_and_a_qr_code_that_reads_as_it(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = _page(client, f"/staff/surveys/{survey.id}/share")
    for code in ("en", "cy", "pl", "ar", "ur", "bn"):
        assert f"{LINK}{code}</a>" in page
    drawn = re.findall(r'aria-labelledby="qr-(\w+)".*?<path d="([^"]+)"', page, re.S)
    assert [code for code, _path in drawn] == ["en", "cy", "pl", "ar", "ur", "bn"]
    for code, path in drawn:
        assert _dark_modules(path) == _code_for(f"http://{LINK}{code}"), code
    welsh = client.get("/s/cafe?locale=cy").get_data(as_text=True)
    assert '<html lang="cy"' in welsh  # the link opens the survey in its language


def test_a_language_not_fully_translated_is_not_offered_and_its_prints_are_not_found(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    with app.app_context():
        db.session.execute(
            delete(SurveyText).where(SurveyText.language == "pl", SurveyText.key == "title")
        )
        db.session.commit()
    client = staff_client(Role.COORDINATOR)
    page = _page(client, f"/staff/surveys/{survey.id}/share")
    assert f"{LINK}pl" not in page
    assert "Not ready to share yet" in page and f"/staff/surveys/{survey.id}/translate/pl" in page
    _page(client, f"/staff/surveys/{survey.id}/share/pl/poster", 404)
    _page(client, f"/staff/surveys/{survey.id}/share/pl/paper", 404)
    _page(client, f"/staff/surveys/{survey.id}/share/xx/paper", 404)
    _page(client, f"/staff/surveys/{survey.id + 1}/share/cy/poster", 404)


def test_a_welsh_poster_is_in_welsh_with_its_link_and_the_way_back_in_english(
    staff_client, survey: MadeSurvey
) -> None:
    page = _page(staff_client(Role.COORDINATOR), f"/staff/surveys/{survey.id}/share/cy/poster")
    assert '<html lang="cy" dir="ltr">' in page
    assert WORDS["title"][WELSH] in page
    assert WORDS["intro"][WELSH].split("\n\n")[0] in page  # one line on why
    assert "Dywedwch wrthym beth rydych chi'n ei feddwl." in page  # the site's own words, in Welsh
    assert f"{LINK}cy</p>" in page
    assert 'lang="en" dir="ltr">Back to sharing the survey</a>' in page
    assert 'lang="en" dir="ltr">Print this page from your browser: it fits one sheet of A4.' in page


def test_an_arabic_paper_copy_asks_every_question_in_order_and_says_where_a_branch_skips(
    staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = _page(client, f"/staff/surveys/{survey.id}/share/ar/paper")
    assert '<html lang="ar" dir="rtl">' in page
    shown = re.findall(r'class="paper-number">(\d+)\.</span> <span lang="ar">([^<]+)<', page)
    assert [int(number) for number, _text in shown] == list(range(1, len(survey.questions) + 1))
    assert shown[0][1] == WORDS["q.visited.text"][ARABIC]
    assert shown[1][1] == WORDS["q.often.text"][ARABIC]
    branch = re.search(r'class="paper-branch"><strong>([^<]+)<', page)
    assert branch and "1" in branch.group(1) and "«" not in branch.group(1)
    assert WORDS["o.often.weekly"][ARABIC] in page  # choices printed as boxes to tick
    assert "paper-large" not in page
    large = _page(client, f"/staff/surveys/{survey.id}/share/ar/paper?print=large")
    assert 'class="paper paper-large"' in large


def test_the_survey_page_leads_to_sharing_and_only_builders_may_share(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    overview = _page(staff_client(Role.COORDINATOR), f"/staff/surveys/{survey.id}")
    assert f'href="/staff/surveys/{survey.id}/share"' in overview
    viewer = app.test_client()
    assert sign_in(viewer, make_staff(app, Role.VIEWER).email).status_code == 302
    assert viewer.get(f"/staff/surveys/{survey.id}/share/cy/paper").status_code == 403
