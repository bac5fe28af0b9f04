"""Answers are tied to a signed-in participant only when a survey asks for names."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import select

from app.extensions import db
from app.surveys.models import Survey
from app.surveys.response_models import Response


def _start(client, slug: str) -> None:
    page = client.get(f"/s/{slug}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    key = re.search(r'name="form_key" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(f"/s/{slug}", data={"csrf_token": token, "form_key": key})
    assert response.status_code == 302


@pytest.mark.parametrize(("anonymous", "tied"), [(False, True), (True, False)])
def test_a_signed_in_participant_is_tied_to_their_answers_only_on_named_surveys(
    app: Flask, survey, ledger, participant_client, anonymous: bool, tied: bool
) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).anonymous = anonymous
        db.session.commit()
    _start(participant_client(ledger.participant), survey.slug)
    with app.app_context():
        owner = db.session.scalar(select(Response.participant_id))
    assert owner == (ledger.participant if tied else None)


def test_someone_not_signed_in_is_never_tied_to_answers(app: Flask, client, survey) -> None:
    with app.app_context():
        db.session.get(Survey, survey.id).anonymous = False
        db.session.commit()
    _start(client, survey.slug)
    with app.app_context():
        assert db.session.scalar(select(Response.participant_id)) is None
