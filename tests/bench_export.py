"""Benchmark: the results page and the streamed CSV export of a survey with many responses.

Run with `python -m tests.bench_export` (not collected by pytest). It builds a throwaway SQLite
database with the real migrations, fills it with bulk inserts, downloads the export through the
test client a chunk at a time, and prints rows, seconds and peak memory (tracemalloc: Python
allocations). It also times the survey's results page (target: under 300 ms with 100,000
responses). It exits with status 1 when the peak passes the budget or the page is too slow, so
the export can never quietly start holding every row in memory. `make bench` runs it with
125,000 responses to the 8-question demo survey: 1,000,000 answers.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import insert

from app import create_app
from app.auth.models import Role
from app.db import utcnow
from app.demo.survey import create_demo_survey
from app.extensions import db
from app.surveys.models import Channel
from app.surveys.models import Question
from app.surveys.models import QuestionKind
from app.surveys.models import ResponseStatus
from app.surveys.models import Survey
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from tests.conftest import make_staff
from tests.conftest import sign_in

CHUNK = 5_000
LANGUAGES = ["en"] * 6 + ["cy", "pl", "ar", "ur", "bn"]
TEXTS = ["The staff are kind", "=1+1 tea", "Croeso cynnes", "شكرا لكم", "Warm, and free"]


def random_value(rng: random.Random, question: Question) -> Any:
    """A plausible answer to any kind of question; None means "I'd rather not say"."""
    values = [o.value for o in question.options]
    if rng.random() < 0.08:
        return None
    if question.kind == QuestionKind.YES_NO:
        return rng.choice(["yes", "no"])
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return rng.sample(values, rng.randint(1, 3))
    if question.kind == QuestionKind.PRIORITIES:
        return rng.sample(values, rng.randint(1, question.pick_count or 3))
    if question.kind == QuestionKind.NUMBER:
        return rng.randint(1, 8)
    if question.kind.is_text:
        return rng.choice(TEXTS)
    return rng.choice(values)


def fill(survey: Survey, count: int, seed: int = 7) -> None:
    """Insert count sent responses with an answer to every question; tag some text answers."""
    rng = random.Random(seed)
    themes = [Theme(survey_id=survey.id, name=n) for n in ("Staff", "Food", "Cost")]
    db.session.add_all(themes)
    db.session.commit()
    answer_id = 0
    for first in range(1, count + 1, CHUNK):
        responses, answers, declined, tags = [], [], [], []
        for response_id in range(first, min(first + CHUNK, count + 1)):
            when = utcnow() - timedelta(minutes=rng.randint(0, 90_000))
            responses.append(
                {
                    "id": response_id,
                    "survey_id": survey.id,
                    "status": ResponseStatus.SUBMITTED,
                    "language": rng.choice(LANGUAGES),
                    "channel": rng.choice(list(Channel)),
                    "consent_version": 1,
                    "created_at": when,
                    "submitted_at": when,
                }
            )
            for question in survey.questions:
                answer_id += 1
                value = random_value(rng, question)
                row = {"id": answer_id, "response_id": response_id, "question_id": question.id}
                if value is None:  # declined: no value at all (SQL NULL), so not in this insert
                    declined.append({**row, "declined": True})
                else:
                    answers.append({**row, "value": value, "declined": False})
                if question.kind.is_text and value is not None and rng.random() < 0.3:
                    tags.append({"answer_id": answer_id, "theme_id": rng.choice(themes).id})
        db.session.execute(insert(Response), responses)
        db.session.execute(insert(Answer), answers)
        if declined:
            db.session.execute(insert(Answer), declined)
        db.session.execute(insert(AnswerTheme), tags)
        db.session.commit()


def build(directory: Path, count: int) -> tuple[Flask, int]:
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{directory / 'bench.db'}")
    with app.app_context():
        upgrade()
        survey = create_demo_survey(None, {})
        db.session.commit()
        fill(survey, count)
        survey_id = survey.id
        db.session.remove()
    return app, survey_id


def download(app: Flask, survey_id: int) -> tuple[int, float, int]:
    """(data rows, seconds, peak bytes) for one streamed download of the export."""
    client = app.test_client()
    sign_in(client, make_staff(app, Role.ADMIN).email)
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/staff/surveys/{survey_id}/export.csv", buffered=False)
    assert response.status_code == 200, response.status_code
    lines = 0
    for chunk in response.response:
        # Text answers never hold "\r\n" (they are cleaned to "\n"), so this counts rows.
        lines += chunk.count(b"\r\n")
    response.close()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return lines - 1, seconds, peak


RESULTS_BUDGET_MS = 300.0


def results_page(app: Flask, survey_id: int, tries: int = 5) -> list[float]:
    """Milliseconds for each of a few views of the survey's results page, signed in as staff."""
    client = app.test_client()
    sign_in(client, make_staff(app, Role.COORDINATOR, "results@example.org").email)
    times = []
    for _ in range(tries):
        started = time.perf_counter()
        response = client.get(f"/staff/surveys/{survey_id}/results")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--budget-mb", type=float, default=64.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        app, survey_id = build(Path(directory), args.responses)
        print(f"built {args.responses:,} responses in {time.perf_counter() - started:.1f} s")
        times = sorted(results_page(app, survey_id))
        rows, seconds, peak = download(app, survey_id)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    peak_mb = peak / 1024 / 1024
    median = times[len(times) // 2]
    mark = "ok  " if median < RESULTS_BUDGET_MS else "MISS"
    print(
        f"{mark} results page, {args.responses:,} responses: median {median:.0f} ms, "
        f"slowest {times[-1]:.0f} ms (target < {RESULTS_BUDGET_MS:.0f} ms)"
    )
    print(f"exported rows={rows:,} seconds={seconds:.1f} peak_mb={peak_mb:.1f}")
    if median >= RESULTS_BUDGET_MS:
        print(f"FAIL: the results page took {median:.0f} ms", file=sys.stderr)
        return 1
    if rows != args.responses:
        print(f"FAIL: expected {args.responses:,} rows", file=sys.stderr)
        return 1
    if peak_mb > args.budget_mb:
        print(f"FAIL: peak memory {peak_mb:.1f} MB is over {args.budget_mb:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
