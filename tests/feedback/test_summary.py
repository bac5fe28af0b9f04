"""What you told us, staff side: choosing charts and quotes, publishing, and what is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.models import Role
from app.db import utcnow
from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.models import SurveyStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from app.surveys.summary.models import ResultsSummary
from tests.conftest import MadeSurvey
from tests.conftest import csrf_token
from tests.factories import make_survey

NAME = "Zanele Okonkwo-Quill"  # a respondent's name: it must never reach a summary


def respond(
    app: Flask, survey: MadeSurvey, answers: dict[str, Any], consent: bool = True
) -> dict[str, int]:
    """One sent response; returns its answer ids by local question key."""
    with app.app_context():
        now = utcnow()
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language="en",
            respondent_name=NAME,
            consent_version=1 if consent else None,
            consent_text="You may quote me." if consent else None,
            consented_at=now if consent else None,
            submitted_at=now,
        )
        response.answers = [
            Answer(question_id=survey.questions[key], value=value) for key, value in answers.items()
        ]
        db.session.add(response)
        db.session.commit()
        return {key: a.id for key, a in zip(answers, response.answers, strict=True)}


@dataclass(frozen=True)
class Answered:
    survey: MadeSurvey
    tea: int  # "The tea is free" (consented)
    soup: int  # "Good soup" (consented)
    saturday: int  # a long answer (consented)
    secret: int  # "Do not quote me" (no consent)


@pytest.fixture
def answered(app: Flask, survey: MadeSurvey) -> Answered:
    """Three consented responses and one without consent, all sent, with names stored."""
    first = respond(app, survey, {"visited": "yes", "welcome": "5", "well": "The tea is free"})
    second = respond(app, survey, {"visited": "yes", "welcome": "4", "well": "Good soup"})
    third = respond(
        app,
        survey,
        {"visited": "no", "hard": ["travel"], "else": "Please open on Saturdays.\n\nI work."},
    )
    fourth = respond(app, survey, {"visited": "no", "well": "Do not quote me"}, consent=False)
    return Answered(survey, first["well"], second["well"], third["else"], fourth["well"])


def set_status(app: Flask, survey: MadeSurvey, status: SurveyStatus) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).status = status
        db.session.commit()


def edit_path(survey: MadeSurvey) -> str:
    return f"/staff/surveys/{survey.id}/summary"


def save(client: FlaskClient, survey: MadeSurvey, action: str = "publish", **fields: Any):
    data = {"csrf_token": csrf_token(client, edit_path(survey)), "action": action, **fields}
    return client.post(edit_path(survey), data=data)


@dataclass(frozen=True)
class Stored:
    intro: str
    published: bool
    published_at: Any
    questions: list[int]
    quotes: list[int]


def stored(app: Flask, survey: MadeSurvey) -> Stored | None:
    """What the database holds for the survey's summary, read outside any request."""
    with app.app_context():
        found = db.session.scalar(db.select(ResultsSummary).filter_by(survey_id=survey.id))
        if found is None:
            return None
        questions = [row.question_id for row in found.questions]
        quotes = [row.answer_id for row in found.quotes]
        return Stored(found.intro, found.published, found.published_at, questions, quotes)


def test_coordinator_publishes_two_charts_and_two_quotes_from_the_results_page(
    app: Flask, staff_client, answered: Answered
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey = answered.survey
    results_page = client.get(f"/staff/surveys/{survey.id}/results").get_data(as_text=True)
    link = re.search(r'href="([^"]+)">What you told us: publish a summary', results_page)
    assert link and link.group(1) == edit_path(survey)
    page = client.get(link.group(1)).get_data(as_text=True)
    assert "“The tea is free”" in page and "Please open on Saturdays." in page
    assert "Do not quote me" not in page and NAME not in page
    questions = [survey.questions["visited"], survey.questions["hard"]]
    response = save(
        client,
        survey,
        intro="We read **every** answer.",
        questions=questions,
        quotes=[answered.soup, answered.tea],
    )
    assert response.status_code == 302 and response.headers["Location"] == edit_path(survey)
    assert "Summary saved and published." in client.get(edit_path(survey)).get_data(as_text=True)
    summary = stored(app, survey)
    assert summary is not None and summary.published and summary.published_at is not None
    assert summary.questions == questions
    assert summary.quotes == [answered.soup, answered.tea]
    assert summary.intro == "We read **every** answer."


def test_saved_choices_are_ticked_when_the_page_opens_again(
    app: Flask, staff_client, answered: Answered
) -> None:
    client = staff_client(Role.ADMIN)
    survey = answered.survey
    save(client, survey, "draft", intro="Thanks", quotes=[answered.tea])
    page = client.get(edit_path(survey)).get_data(as_text=True)
    assert re.search(rf'value="{answered.tea}" aria-describedby="[^"]+" checked', page)
    assert not re.search(rf'value="{answered.soup}" aria-describedby="[^"]+" checked', page)
    assert re.search(r">\s*Thanks</textarea>", page) and "Saved as a draft" in page
    assert not stored(app, survey).published


def test_viewer_cannot_edit_and_sees_no_link(staff_client, answered: Answered) -> None:
    client = staff_client(Role.VIEWER)
    survey = answered.survey
    assert client.get(edit_path(survey)).status_code == 403
    results_page = client.get(f"/staff/surveys/{survey.id}/results").get_data(as_text=True)
    assert "publish a summary" not in results_page


def _refused(response, message: str) -> None:
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and "There is a problem" in page


def test_quote_from_another_survey_is_refused(app: Flask, staff_client, answered: Answered) -> None:
    with app.app_context():
        other_survey = make_survey("other", translated=False)
    foreign = respond(app, other_survey, {"well": "From elsewhere"})["well"]
    client = staff_client(Role.COORDINATOR)
    response = save(client, answered.survey, quotes=[answered.tea, foreign])
    _refused(response, "Only answers from people who agreed to take part can be quoted")
    assert stored(app, answered.survey) is None


def test_quote_without_consent_is_refused(app: Flask, staff_client, answered: Answered) -> None:
    client = staff_client(Role.COORDINATOR)
    response = save(client, answered.survey, quotes=[answered.secret])
    _refused(response, "Choose quotes from the list.")
    assert "Do not quote me" not in response.get_data(as_text=True)
    assert stored(app, answered.survey) is None


def test_a_chart_answer_cannot_be_quoted(app: Flask, staff_client, answered: Answered) -> None:
    with app.app_context():
        choice_answer = db.session.scalar(
            db.select(Answer.id).filter_by(question_id=answered.survey.questions["visited"])
        )
    response = save(staff_client(Role.COORDINATOR), answered.survey, quotes=[choice_answer])
    _refused(response, "Choose quotes from the list.")


def test_more_than_six_quotes_is_a_plain_error(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    ids = [respond(app, survey, {"well": f"Answer number {n}"})["well"] for n in range(7)]
    client = staff_client(Role.COORDINATOR)
    response = save(client, survey, quotes=ids)
    _refused(response, "Choose 6 quotes or fewer.")
    assert 'href="#quotes-0"' in response.get_data(as_text=True)
    assert save(client, survey, quotes=ids[:6]).status_code == 302
    assert len(stored(app, survey).quotes) == 6


@pytest.mark.parametrize(
    "fields",
    [
        {"questions": "abc"},
        {"quotes": "99999999999999999999"},
        {"quotes": "-3"},
        {"questions": "2147483647"},
    ],
)
def test_tampered_ids_get_a_plain_400_never_a_500(
    app: Flask, staff_client, answered: Answered, fields: dict
) -> None:
    response = save(staff_client(Role.COORDINATOR), answered.survey, **fields)
    assert response.status_code == 400
    assert "Choose" in response.get_data(as_text=True)
    assert stored(app, answered.survey) is None


def test_text_question_cannot_be_a_chart(staff_client, answered: Answered) -> None:
    client = staff_client(Role.COORDINATOR)
    response = save(client, answered.survey, questions=[answered.survey.questions["well"]])
    _refused(response, "Choose charts from the list.")


def test_publishing_nothing_is_refused_but_an_empty_draft_is_kept(
    app: Flask, staff_client, survey: MadeSurvey
) -> None:
    client = staff_client(Role.COORDINATOR)
    _refused(save(client, survey, intro="   "), "before you publish")
    assert save(client, survey, "draft").status_code == 302
    publish = client.post(
        f"{edit_path(survey)}/publish", data={"csrf_token": csrf_token(client, edit_path(survey))}
    )
    _refused(publish, "before you publish")
    assert not stored(app, survey).published


def test_preview_shows_the_draft_and_offers_to_publish_it(
    app: Flask, staff_client, answered: Answered
) -> None:
    client = staff_client(Role.COORDINATOR)
    survey = answered.survey
    save(client, survey, "draft", intro="Draft *words*", questions=[survey.questions["welcome"]])
    page = client.get(f"{edit_path(survey)}/preview").get_data(as_text=True)
    assert "<em>words</em>" in page and "How welcome do you feel at the café?" in page
    assert "It is a draft" in page and f'action="{edit_path(survey)}/publish"' in page
    assert "2 people answered." in page  # the two who answered that question, of four


def test_a_published_summary_stays_published_and_cannot_be_emptied(
    app: Flask, staff_client, answered: Answered
) -> None:
    client = staff_client(Role.COORDINATOR)
    save(client, answered.survey, intro="First", quotes=[answered.tea])
    assert save(client, answered.survey, "save", intro="Second").status_code == 302
    summary = stored(app, answered.survey)
    assert summary and summary.published and summary.intro == "Second" and summary.quotes == []
    _refused(save(client, answered.survey, "save"), "before you publish")
    assert stored(app, answered.survey).intro == "Second"
