"""Error summaries: every link lands on an element, and no form posts a #fragment on."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from app.extensions import db
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.pagecheck import PageProblem
from tests.pagecheck import check_page
from tests.pagecheck import parse
from tests.surveys.helpers import answer
from tests.surveys.helpers import start

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# A wrong answer for each kind of question, so even a question one may skip shows an error.
WRONG_ANSWERS = {
    "visited": ({"answer": "maybe"}, "answer-0"),  # yes or no
    "often": ({"answer": "never"}, "answer-0"),  # one choice
    "welcome": ({"answer": "9"}, "answer-0"),  # a scale
    "hard": ({"answer": ["nope"]}, "answer-0"),  # choose all that apply
    "priorities": ({"answer-1": "nope"}, "answer-1"),  # drop-downs
    "household": ({"answer": "lots"}, "answer"),  # a number
}


def summary_links(html: str) -> list[str]:
    """The #targets of the error summary's links, checking each names an element on the page."""
    tree = parse(html)
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    summary = next(
        (div for div in tree.iter("div") if "error-summary" in (div.get("class") or "")), None
    )
    assert summary is not None, "no error summary on the page"
    targets = [a.get("href")[1:] for a in summary.iter("a") if a.get("href", "").startswith("#")]
    assert targets, "the error summary links to nothing"
    assert not [t for t in targets if t not in ids], f"{targets} are not all ids on the page"
    return targets


@pytest.mark.parametrize("key", WRONG_ANSWERS)
def test_error_link_on_every_kind_of_question_lands_on_its_first_choice(
    client: FlaskClient, survey: MadeSurvey, key: str
) -> None:
    start(client, survey)
    if key != "visited":
        answer(client, survey, "visited", {"answer": "yes"})
    data, target = WRONG_ANSWERS[key]
    response = answer(client, survey, key, data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert summary_links(html) == [target]
    assert f'id="{target}"' in html


@pytest.mark.parametrize("key", ["visited", "welcome", "hard"])
def test_a_required_choice_left_empty_links_to_its_first_choice(
    app: Flask, client: FlaskClient, survey: MadeSurvey, key: str
) -> None:
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE questions SET required = :yes WHERE id = :id"),
            {"yes": True, "id": survey.questions[key]},
        )
    start(client, survey)
    response = answer(client, survey, key, {})
    assert response.status_code == 400
    assert summary_links(response.get_data(as_text=True)) == ["answer-0"]


def test_language_page_error_links_to_the_first_language(client: FlaskClient) -> None:
    token = csrf_token(client, "/language")
    response = client.post("/language", data={"csrf_token": token})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert summary_links(html) == ["language-0"]
    assert 'id="language-0"' in html


def test_staff_radio_error_links_to_the_first_choice(app: Flask, staff_client) -> None:
    from app.auth.models import Role

    client = staff_client(Role.ADMIN)
    token = csrf_token(client, "/staff/accounts/new")
    response = client.post("/staff/accounts/new", data={"csrf_token": token, "role": "pirate"})
    assert response.status_code == 400
    assert "role-0" in summary_links(response.get_data(as_text=True))


def test_error_summary_is_focused_first_without_javascript(client: FlaskClient) -> None:
    token = csrf_token(client, "/language")
    html = client.post("/language", data={"csrf_token": token}).get_data(as_text=True)
    summary = next(d for d in parse(html).iter("div") if d.get("class") == "error-summary")
    assert summary.get("tabindex") == "-1" and summary.get("autofocus") is not None
    assert html.count("autofocus") == 1


def test_every_form_template_that_posts_says_where_to() -> None:
    """Without an action a form posts to the address bar, #fragment and all, and the redirect
    after it keeps the fragment: the next page opens scrolled to a field."""
    missing = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        for line in template.read_text(encoding="utf-8").splitlines():
            if "<form" in line and "action=" not in line:
                missing.append(f"{template.relative_to(TEMPLATES)}: {line.strip()}")
    assert missing == []


def test_the_page_after_a_form_carries_no_fragment(client: FlaskClient, survey: MadeSurvey) -> None:
    start(client, survey)
    path = f"/s/{survey.slug}/q/{survey.questions['visited']}"
    html = client.get(path).get_data(as_text=True)
    assert f'<form method="post" action="{path}"' in html


def test_a_form_keeps_the_query_that_matters_in_its_action(client: FlaskClient) -> None:
    html = client.get("/login?next=/staff/people/").get_data(as_text=True)
    assert '<form method="post" action="/login?next=/staff/people/"' in html


PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main id="main-content">'
    "<h1>Question</h1>{}</main></body></html>"
)


def test_page_check_finds_an_error_link_that_goes_nowhere() -> None:
    check_page(
        PAGE.format('<a href="#answer-0">x</a><input type="radio" id="answer-0" aria-label="a">'),
        "/ok",
    )
    with pytest.raises(PageProblem, match="#answer but no element"):
        check_page(PAGE.format('<a href="#answer">Choose an answer</a>'), "/broken")


def test_page_check_finds_a_form_that_posts_without_an_action() -> None:
    check_page(PAGE.format('<form method="post" action="/here"></form>'), "/ok")
    check_page(PAGE.format('<form method="get"></form>'), "/ok")
    with pytest.raises(PageProblem, match="has no action"):
        check_page(PAGE.format('<form method="post"></form>'), "/broken")
