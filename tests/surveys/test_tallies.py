"""Kept tallies (migration 0018) always equal a fresh count of the raw rows, however responses
and answers are sent, withdrawn, corrected, moved or deleted; and the results agree with the
old GROUP BY counting (tests/surveys/tally_oracle.py), filters included."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import asdict

import pytest
from flask import Flask
from flask_migrate import downgrade
from flask_migrate import upgrade
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.db import utcnow
from app.demo.survey import add_demo_responses
from app.demo.survey import create_demo_survey
from app.extensions import db
from app.surveys import services
from app.surveys.content import load_survey_by_id
from app.surveys.content import view_of
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTally
from app.surveys.response_models import Response
from app.surveys.results import tallies as results
from tests.bench_export import random_value
from tests.conftest import MadeSurvey
from tests.factories import add_responses
from tests.surveys import tally_oracle

LANGUAGES = ["en", "en", "cy", "pl", "ar"]
FILTERS = [
    results.Filters(),
    results.Filters(language="cy"),
    results.Filters(channel="paper"),
    results.Filters(language="en", channel="online"),
    results.Filters(language="bn"),
]


def _answer(rng: random.Random, question: Question) -> Answer:
    """Answered, declined, or now and then a row with neither (never counted)."""
    if rng.random() < 0.05:  # value left unset: SQL NULL, as no real answer is stored
        return Answer(question_id=question.id, declined=False)
    value = random_value(rng, question)
    if value is None:
        return Answer(question_id=question.id, declined=True)
    return Answer(question_id=question.id, value=value, declined=False)


class Crowd:
    """A random mix of everything that changes what is counted, each as the app or staff do it."""

    def __init__(self, rng: random.Random, survey_id: int, hot: bool = False) -> None:
        self.rng, self.survey_id = rng, survey_id
        # Hot: everyone in one language and channel, so all land on the same tally rows.
        self.languages = ["en"] if hot else LANGUAGES
        self.channels = [Channel.ONLINE] if hot else list(Channel)
        self.questions = list(
            db.session.scalars(select(Question).where(Question.survey_id == survey_id))
        )

    def _pick(self, status: ResponseStatus | None = None) -> Response | None:
        query = select(Response).where(Response.survey_id == self.survey_id)
        if status is not None:
            query = query.where(Response.status == status)
        found = list(db.session.scalars(query.order_by(Response.id)))
        return self.rng.choice(found) if found else None

    def _new(self, status: ResponseStatus) -> None:
        rng = self.rng
        response = Response(
            survey_id=self.survey_id,
            status=status,
            language=rng.choice(self.languages),
            channel=rng.choice(self.channels),
        )
        asked = [q for q in self.questions if rng.random() < 0.8]
        response.answers = [_answer(rng, q) for q in asked]
        db.session.add(response)

    def start(self) -> None:
        self._new(ResponseStatus.IN_PROGRESS)

    def enter_on_paper(self) -> None:
        """A sent response and its answers inserted together, as paper entry does."""
        self._new(ResponseStatus.SUBMITTED)

    def submit(self) -> None:
        if found := self._pick(ResponseStatus.IN_PROGRESS):
            db.session.execute(
                update(Response)
                .where(Response.id == found.id)
                .values(status=ResponseStatus.SUBMITTED)
            )

    def withdraw(self) -> None:
        """Typed in by mistake: kept, but no longer counted."""
        if found := self._pick(ResponseStatus.SUBMITTED):
            found.withdrawn_at = utcnow()

    def take_back(self) -> None:
        """Back from sent or withdrawn (the app has no way yet; the counts must not care)."""
        if found := self._pick(ResponseStatus.SUBMITTED):
            if found.withdrawn_at is not None and self.rng.random() < 0.5:
                found.withdrawn_at = None
            else:
                found.status = ResponseStatus.IN_PROGRESS

    def delete_with_the_orm(self) -> None:
        """The ORM deletes the answers first, then the response."""
        if found := self._pick():
            db.session.delete(found)

    def delete_in_the_database(self) -> None:
        """One DELETE: the database removes the answers (ON DELETE CASCADE)."""
        if found := self._pick():
            db.session.execute(delete(Response).where(Response.id == found.id))
            db.session.expire_all()

    def change_language_or_channel(self) -> None:
        if found := self._pick():
            if self.rng.random() < 0.5:
                found.language = self.rng.choice(LANGUAGES)
            else:
                found.channel = self.rng.choice(list(Channel))

    def correct_an_answer(self) -> None:
        if (found := self._pick()) and found.answers:
            answer = self.rng.choice(found.answers)
            fresh = _answer(self.rng, next(q for q in self.questions if q.id == answer.question_id))
            answer.value, answer.declined = fresh.value, fresh.declined

    def add_an_answer(self) -> None:
        if found := self._pick():
            have = {a.question_id for a in found.answers}
            missing = [q for q in self.questions if q.id not in have]
            if missing:
                found.answers.append(_answer(self.rng, self.rng.choice(missing)))

    def remove_an_answer(self) -> None:
        if (found := self._pick()) and found.answers:
            gone = self.rng.choice(found.answers)
            db.session.execute(delete(Answer).where(Answer.id == gone.id))
            db.session.expire_all()

    def steps(self) -> list[Callable[[], None]]:
        return [
            self.start,
            self.start,
            self.enter_on_paper,
            self.submit,
            self.submit,
            self.withdraw,
            self.take_back,
            self.delete_with_the_orm,
            self.delete_in_the_database,
            self.change_language_or_channel,
            self.correct_an_answer,
            self.add_an_answer,
            self.remove_an_answer,
        ]


def _assert_tallies_are_true() -> None:
    assert tally_oracle.kept_answers() == tally_oracle.counted_answers()
    assert tally_oracle.kept_responses() == tally_oracle.counted_responses()


def _assert_results_agree(survey_id: int) -> None:
    survey = load_survey_by_id(survey_id)
    assert survey is not None
    for filters in FILTERS:
        kept = results.survey_results(survey, filters)
        counted = tally_oracle.survey_results(survey, filters)
        assert kept.total == counted.total, filters
        for mine, theirs in zip(kept.questions, counted.questions, strict=True):
            assert asdict(mine) == asdict(theirs), (filters, mine.text)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tallies_equal_a_fresh_count_after_any_mix_of_changes(
    app: Flask, survey: MadeSurvey, seed: int
) -> None:
    rng = random.Random(seed)
    with app.app_context():
        crowd = Crowd(rng, survey.id)
        steps = crowd.steps()
        for round_ in range(30):
            # Several changes in one transaction, as a staff correction or a submit can be.
            for _ in range(rng.randint(1, 4)):
                rng.choice(steps)()
                db.session.flush()
            db.session.commit()
            if round_ % 3 == 2:
                _assert_tallies_are_true()
        for _ in range(6):  # enough sent responses for every filter to find some
            crowd.enter_on_paper()
        db.session.commit()
        _assert_tallies_are_true()
        _assert_results_agree(survey.id)


def test_every_correction_of_a_sent_answer_moves_its_count(app: Flask, survey: MadeSurvey) -> None:
    """Declined, then neither (not counted), then answered, then another answer, then gone."""
    with app.app_context():
        response = Response(survey_id=survey.id, status=ResponseStatus.SUBMITTED, language="cy")
        answer = Answer(question_id=survey.questions["visited"], value=None, declined=True)
        response.answers = [answer]
        db.session.add(response)
        db.session.commit()
        for value, declined in ((None, False), ('"yes"', False), ('"no"', False), (None, True)):
            answer.value, answer.declined = value, declined
            db.session.commit()
            _assert_tallies_are_true()
        db.session.delete(answer)
        db.session.commit()
        assert tally_oracle.kept_answers() == {}
        assert tally_oracle.kept_responses() == {(survey.id, "cy", "online"): 1}


def test_a_transaction_rolled_back_leaves_the_tallies_as_they_were(
    app: Flask, survey: MadeSurvey
) -> None:
    with app.app_context():
        crowd = Crowd(random.Random(4), survey.id)
        for _ in range(5):
            crowd.enter_on_paper()
        db.session.commit()
        before = tally_oracle.kept_answers()
        crowd.enter_on_paper()
        crowd.withdraw()
        db.session.flush()
        db.session.rollback()
        assert tally_oracle.kept_answers() == before
        _assert_tallies_are_true()


def test_the_demo_results_are_the_same_as_counted_before(app: Flask) -> None:
    with app.app_context():
        demo = create_demo_survey(None, {})
        db.session.commit()
        add_demo_responses(demo, 300)
        db.session.commit()
        _assert_tallies_are_true()
        _assert_results_agree(demo.id)
        found = results.survey_results(load_survey_by_id(demo.id), results.Filters())
        assert found.total == 300


def test_deleting_a_question_or_a_survey_takes_its_tallies(app: Flask, survey: MadeSurvey) -> None:
    with app.app_context():
        add_responses(survey.id, 20)
        db.session.commit()
        db.session.execute(delete(Question).where(Question.id == survey.questions["household"]))
        db.session.commit()
        _assert_tallies_are_true()
        db.session.delete(load_survey_by_id(survey.id))
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(AnswerTally)) == 0
        assert tally_oracle.kept_responses() == {}


def test_the_migration_counts_what_was_already_there(app: Flask, survey: MadeSurvey) -> None:
    """Responses sent before the tallies existed are counted when the migration runs."""
    with app.app_context():
        add_responses(survey.id, 40)
        crowd = Crowd(random.Random(5), survey.id)
        crowd.start()
        crowd.withdraw()
        db.session.commit()
        counted = tally_oracle.counted_answers()
        db.session.remove()
        try:
            downgrade(revision="0017")
        finally:
            upgrade()
        assert tally_oracle.kept_answers() == counted
        _assert_tallies_are_true()


def test_many_people_sending_at_once_are_each_counted_once(app: Flask, survey: MadeSurvey) -> None:
    """Eight sends and four paper entries at the same moment, all on the same hot tally rows."""
    people, entries = 8, 4
    with app.app_context():
        crowd = Crowd(random.Random(6), survey.id, hot=True)
        for _ in range(people):
            crowd.start()
        db.session.commit()
        waiting = list(db.session.scalars(select(Response.id).order_by(Response.id)))
    barrier = threading.Barrier(people + entries)
    outcomes: list[object] = []

    def act(index: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                if index < people:
                    view = view_of(load_survey_by_id(survey.id), "en")
                    outcomes.append(services.submit(waiting[index], view))
                else:
                    Crowd(random.Random(index), survey.id, hot=True).enter_on_paper()
                    db.session.commit()
                    outcomes.append(True)
            except Exception as error:  # noqa: BLE001 - any failure is shown by the assert below
                outcomes.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=act, args=(i,)) for i in range(people + entries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == [True] * (people + entries)
    with app.app_context():
        _assert_tallies_are_true()
        assert results.sent_count(survey.id) == people + entries
