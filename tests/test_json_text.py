"""Answers are kept as JSON text by one column type (app.db.JSONText), the same text as ever.

Database triggers and exports compare the stored text, so it must stay byte for byte what
json.dumps(value, ensure_ascii=False) writes. No module encodes or decodes answers by hand: the
scan below fails on json.loads or json.dumps anywhere in app/ but the type and the /me exports.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import insert
from sqlalchemy import null
from sqlalchemy import select
from sqlalchemy import update

from app.extensions import db
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import MadeSurvey
from tests.surveys.helpers import STORED_TEXT

APP = Path(__file__).resolve().parent.parent / "app"
# path under app/: why it may call json.dumps or json.loads
JSON_ALLOWED = {
    "db.py": "JSONText, the column type for answers",
    "me/held.py": "the person's own data as a download, pretty-printed",
    "me/views.py": "the same, as /me/data.json",
}
VALUES: list[Any] = [
    "plain words",
    "Croeso cynnes, café, naïve",
    "شكرا لكم",
    'quotes " and \\ and a tab\t',
    ["travel", "childcare"],
    3,
    0,
    None,  # a question left blank but not declined: JSON's null, the text "null"
]


def _stored_text(answer_id: int) -> str | None:
    return db.session.scalar(select(STORED_TEXT).where(Answer.id == answer_id))


def _response(survey: MadeSurvey) -> Response:
    response = Response(survey_id=survey.id, language="en", status=ResponseStatus.SUBMITTED)
    db.session.add(response)
    db.session.flush()
    return response


@pytest.mark.parametrize("value", VALUES)
def test_the_stored_text_is_what_json_dumps_always_wrote(
    app: Flask, survey: MadeSurvey, value: Any
) -> None:
    with app.app_context():
        response = _response(survey)
        answer = Answer(response_id=response.id, question_id=survey.questions["well"], value=value)
        db.session.add(answer)
        db.session.commit()
        assert _stored_text(answer.id) == json.dumps(value, ensure_ascii=False)
        db.session.expire_all()
        assert db.session.get(Answer, answer.id).value == value
        assert db.session.scalar(select(Answer.value).where(Answer.id == answer.id)) == value


def test_a_declined_answer_stores_no_text_at_all(app: Flask, survey: MadeSurvey) -> None:
    with app.app_context():
        response = _response(survey)
        unset = Answer(response_id=response.id, question_id=survey.questions["well"], declined=True)
        db.session.add(unset)
        db.session.flush()
        question = survey.questions["often"]
        given = db.session.scalar(
            insert(Answer)
            .values(response_id=response.id, question_id=question, value="weekly")
            .returning(Answer.id)
        )
        db.session.execute(update(Answer).where(Answer.id == given).values(value=null()))
        db.session.commit()
        assert (_stored_text(unset.id), _stored_text(given)) == (None, None)


def json_calls(source: str) -> int:
    return sum(
        1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr in ("loads", "dumps")
        and isinstance(node.value, ast.Name)
        and node.value.id == "json"
    )


def test_no_module_encodes_or_decodes_json_by_hand() -> None:
    found = {
        path.relative_to(APP).as_posix()
        for path in APP.rglob("*.py")
        if json_calls(path.read_text(encoding="utf-8"))
    }
    assert found - set(JSON_ALLOWED) == set(), (
        "Keep JSON in a column of type app.db.JSONText instead of encoding it by hand"
    )
    assert set(JSON_ALLOWED) - found == set(), "JSON_ALLOWED lists modules that no longer use it"
    assert json_calls("value = json.loads(stored)\n") == 1
