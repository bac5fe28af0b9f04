"""Staff see who will be told about an update, and are warned before writing one twice."""

from __future__ import annotations

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.people.models import Participant


def test_the_update_page_says_who_will_be_told_and_who_needs_telling_another_way(
    app: Flask, staff_client, ledger, updates
) -> None:
    with app.app_context():  # Ben took part and now asks to hear back, but has no email
        db.session.get(Participant, ledger.other_participant).hear_back = True
        db.session.commit()
    page = staff_client(Role.VIEWER).get(f"/staff/updates/{updates.cant_do}").get_data(as_text=True)
    rows = {
        "Took part under their own name": 2,
        "Get a message when it is public or its status changes": 1,  # Ama
        "Asked to hear back, but we cannot email them": 1,  # Ben
        "Did not ask to hear back, or are paused": 0,
    }
    for words, number in rows.items():
        assert f'{words}</dt><dd class="summary-value">{number}' in page
    assert "Tell them another way" in page


def test_writing_from_a_theme_that_already_has_an_update_points_to_it(
    staff_client, updates
) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/updates/new?theme={updates.theme}").get_data(as_text=True)
    assert "There is already an update about this" in page
    assert f'href="/staff/updates/{updates.published}"' in page
    fresh = client.get("/staff/updates/new").get_data(as_text=True)
    assert "There is already an update about this" not in fresh


def test_a_question_on_the_results_page_becomes_a_linked_update(
    app: Flask, staff_client, survey, updates
) -> None:
    from tests.conftest import csrf_token

    client = staff_client(Role.COORDINATOR)
    question = survey.questions["well"]
    results = client.get(f"/staff/surveys/{survey.id}/results").get_data(as_text=True)
    assert f'href="/staff/updates/new?question={question}"' not in results  # nobody answered
    _answer(app, survey.id, question)
    results = client.get(f"/staff/surveys/{survey.id}/results").get_data(as_text=True)
    assert f'href="/staff/updates/new?question={question}"' in results
    form = client.get(f"/staff/updates/new?question={question}").get_data(as_text=True)
    assert f'name="questions" value="{question}" checked>' in form  # ticked for them
    token = csrf_token(client, f"/staff/updates/new?question={question}")
    response = client.post(
        f"/staff/updates/new?question={question}",
        data={
            "csrf_token": token,
            "form_key": "q" * 32,
            "said": "People like the friendly staff.",
            "status": "done",
            "main_language": "en",
            "project": "",
            "questions": str(question),
        },
    )
    assert response.status_code == 302
    with app.app_context():
        from sqlalchemy import select

        from app.feedback.models import UpdateLink

        links = db.session.scalars(select(UpdateLink).where(UpdateLink.question_id.is_not(None)))
        assert [link.question_id for link in links] == [question]
    edit = client.get(response.headers["Location"] + "/edit").get_data(as_text=True)
    assert f'value="{question}"' in edit  # still chosen when changing it


def _answer(app: Flask, survey_id: int, question: int) -> None:
    from app.surveys.models import ResponseStatus
    from app.surveys.response_models import Answer
    from app.surveys.response_models import Response

    with app.app_context():
        db.session.add(
            Response(
                survey_id=survey_id,
                language="en",
                status=ResponseStatus.SUBMITTED,
                answers=[Answer(question_id=question, value="The staff are kind")],
            )
        )
        db.session.commit()
