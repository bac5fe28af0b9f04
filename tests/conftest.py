"""Fixtures: an app on a database built by the real migrations, a checking client, staff."""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import make_url
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import create_app
from app.auth import services
from app.auth.models import TWO_STEP_ROLES
from app.auth.models import Role
from app.core.models import SharedPageGeneration
from app.extensions import db
from app.extensions import limiter
from app.ledger.audit import create_triggers
from app.ledger.audit import drop_triggers
from tests.factories import MadeSurvey
from tests.factories import make_survey
from tests.pagecheck import check_page
from tests.staff_helpers import enrol_two_step
from tests.staff_helpers import finish_two_step
from tests.survey_words import WORDY

PASSWORD = "correct horse battery staple"
# A real site will not start without its public address; tests that build the production config
# get this one unless they set (or remove) it themselves.
os.environ.setdefault("WITHUS_PUBLIC_URL", "https://withus.example")


# Under pytest-xdist each worker ("gw0", "gw1", …) gets a database and a Redis database of its own,
# so workers never empty each other's tables or reset each other's rate limits.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def _limits_store() -> dict[str, str]:
    """This worker's own Redis database for rate limits (the config read the shared one)."""
    shared = os.environ.get("RATELIMIT_STORAGE_URI", "")
    if not (WORKER and shared.startswith("redis://")):
        return {}
    own = urlsplit(shared)._replace(path=f"/{int(WORKER[2:]) + 1}").geturl()
    return {"RATELIMIT_STORAGE_URI": own}


def _database_url(tmp_dir: Path) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_dir / 'withus-test.db'}"
    if not WORKER:
        return url
    shared = make_url(url)
    own = shared.set(database=f"{shared.database}_{WORKER}")
    engine = create_engine(shared, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %s", (own.database,)
        ).first()
        if not exists:
            connection.exec_driver_sql(f'CREATE DATABASE "{own.database}"')
    engine.dispose()
    return own.render_as_string(hide_password=False)


def _reset_postgres_schema() -> None:
    with db.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


_built: list[Flask] = []


def build_app(database_url: str, **overrides: object) -> Flask:
    settings = {**_limits_store(), **overrides}
    application = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, **settings)
    _built.append(application)
    return application


@pytest.fixture(scope="session", autouse=True)
def _close_database_connections() -> Iterator[None]:
    """Close every pooled connection at the end, so none is left for the garbage collector."""
    yield
    for application in _built:
        with application.app_context():
            db.session.remove()
            for engine in db.engines.values():
                engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _database_url(tmp_path_factory.mktemp("db"))


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    application = build_app(database_url)
    with application.app_context():
        if db.engine.dialect.name == "postgresql":
            _reset_postgres_schema()
        upgrade()
        db.session.remove()
    yield application


_WRITES = ("insert", "update", "delete", "replace", "with", "create", "alter", "drop", "truncate")
_wrote = [True]  # whether any SQL that can change a row ran since the tables were last emptied


@event.listens_for(Engine, "before_cursor_execute")
def _note_writes(conn, cursor, statement, parameters, context, executemany) -> None:
    if not _wrote[0] and statement.lstrip()[:8].lower().startswith(_WRITES):
        _wrote[0] = True


@pytest.fixture(autouse=True)
def _clean_state(app: Flask) -> Iterator[None]:
    """Each test starts with empty tables and fresh rate limits. Tests that wrote nothing (most
    pages only read) leave nothing to empty, so they skip the clean-up."""
    yield
    with app.app_context():
        db.session.remove()
        if _wrote[0]:
            _empty_tables()
            _wrote[0] = False
        limiter.reset()


def _empty_tables() -> None:
    """Empty every table, children first, and start every id again from 1. The audit trail
    refuses DELETE, so its guard is lifted while we do (on PostgreSQL, for this transaction only:
    one round trip of DELETEs is far quicker than TRUNCATE … CASCADE)."""
    # The shared pages' counter stays, and moves: a page drawn in the last test is never true now.
    tables = [
        t
        for t in reversed(db.metadata.sorted_tables)
        if t.name != SharedPageGeneration.__tablename__
    ]
    bump = "UPDATE shared_page_generation SET generation = generation + 1"
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            sequences = connection.exec_driver_sql(
                "SELECT sequence_name FROM information_schema.sequences"
                " WHERE sequence_schema = 'public'"
            ).scalars()
            script = ["SET LOCAL session_replication_role = replica"]
            script += [f'DELETE FROM "{table.name}"' for table in tables]  # noqa: S608 (our own names)
            script += [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
            connection.exec_driver_sql("; ".join([*script, bump]))
            return
        drop_triggers(connection)
        for table in tables:
            connection.execute(table.delete())
        create_triggers(connection)
        connection.exec_driver_sql(bump)


class CheckingClient(FlaskClient):
    """A test client that fails the test when an HTML page it fetches is not well made.

    Every HTML body is checked: the test client hands bodies back as streams, and gzip-compressed
    ones are unpacked first. Only redirects and bodiless answers (HEAD, 204, 304) are let through.
    """

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            body = response.get_data()  # buffers a streamed body, so the test can still read it
            if body:
                if response.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "?")
                check_page(body.decode(response.mimetype_params.get("charset", "utf-8")), str(path))
        return response


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    app.test_client_class = CheckingClient
    return app.test_client()


def csrf_token(client: FlaskClient, path: str) -> str:
    """The form token from the page at path, as a browser would have it."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, f"no csrf_token on {path}"
    return match.group(1)


@dataclass(frozen=True)
class Staff:
    id: int
    email: str
    role: Role


def make_staff(app: Flask, role: Role = Role.COORDINATOR, email: str | None = None) -> Staff:
    with app.app_context():
        user = services.create_staff_user(
            email=email or f"{role.value}@example.org",
            name=f"Test {role.value}",
            role=role,
            password=PASSWORD,
        )
        staff = Staff(user.id, user.email, user.role)
    if role in TWO_STEP_ROLES:  # as if they had set up their authenticator app already
        enrol_two_step(app, staff.id)
    return staff


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD, next_path: str = ""):
    token = csrf_token(client, "/login")
    url = "/login" + (f"?next={next_path}" if next_path else "")
    response = client.post(url, data={"email": email, "password": password, "csrf_token": token})
    return finish_two_step(client, response)


@pytest.fixture
def staff_client(app: Flask, client: FlaskClient):
    """Sign in as a new member of staff with the given role: staff_client(Role.ADMIN)."""

    def _sign_in(role: Role = Role.COORDINATOR) -> FlaskClient:
        user = make_staff(app, role)
        response = sign_in(client, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return _sign_in


@pytest.fixture
def survey(app: Flask) -> MadeSurvey:
    """An open survey with every question kind and a branch, fully translated, no responses."""
    with app.app_context():
        return make_survey()


@pytest.fixture
def named_survey(app: Flask) -> int:
    """The demo survey again at another address, asking each person's name; its id."""
    from app.surveys.models import Survey

    with app.app_context():
        made = make_survey("named")
        db.session.get(Survey, made.id).anonymous = False
        db.session.commit()
        return made.id


@pytest.fixture
def wordy_survey(app: Flask) -> int:
    """The test survey again at another address, in English only, with jargon and a long
    sentence for the plain-words check to find; its id."""
    from app.surveys.models import Survey

    with app.app_context():
        made = make_survey("wordy", translated=False)
        survey = db.session.get(Survey, made.id)
        survey.intro, survey.consent_text = WORDY["intro"], WORDY["consent_text"]
        first = survey.questions[0]
        first.text, first.help_text = WORDY["question"], WORDY["help"]
        db.session.commit()
        return made.id


@pytest.fixture
def entered_response(app: Flask, survey: MadeSurvey) -> int:
    """A Welsh paper form typed in to the demo survey by a coordinator, with a skipped answer
    kept as a note; its response id."""
    from app.db import utcnow
    from app.surveys.models import Channel
    from app.surveys.models import ResponseStatus
    from app.surveys.response_models import Answer
    from app.surveys.response_models import Response
    from app.surveys.response_models import ResponseNote

    staff = make_staff(app, Role.COORDINATOR, email="typed-it-in@example.org")
    with app.app_context():
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language="cy",
            channel=Channel.PAPER,
            entered_by_id=staff.id,
            submitted_at=utcnow(),
            answered_on=date(2026, 3, 12),
            consent_version=1,
            consent_text="Mae cymryd rhan yn ddewis i chi.",
            consented_at=utcnow(),
            answers=[Answer(question_id=survey.questions["visited"], value="no")],
            notes=[ResponseNote(question_text="How often do you come?", answer_text="Every week")],
        )
        db.session.add(response)
        db.session.commit()
        return response.id


@pytest.fixture
def count_queries(app: Flask):
    """Count the SQL statements run inside a block: `with count_queries() as queries: ...`."""
    from contextlib import contextmanager

    from sqlalchemy import event

    @contextmanager
    def _counting():
        statements: list[str] = []

        def record(_conn, _cursor, statement, *_args):
            if not statement.startswith(("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK")):
                statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return _counting


@dataclass(frozen=True)
class LedgerData:
    participant: int  # Ama: receives benefits, prefers Welsh, hears back
    other_participant: int  # Ben: no benefits
    project: int
    session: int  # a workshop Ama and Ben attended
    claim: int  # Ama's submitted claim: a bus fare and a payment for time
    coordinator: int  # the member of staff who logged the session and made the claim


@pytest.fixture
def ledger(app: Flask) -> LedgerData:
    """A small, realistic slice of the ledger, made straight from the models."""
    from datetime import date
    from datetime import timedelta

    from app.ledger.models import ActivityType
    from app.ledger.models import Attendance
    from app.ledger.models import AttendanceRole
    from app.ledger.models import Category
    from app.ledger.models import Claim
    from app.ledger.models import ClaimLine
    from app.ledger.models import ClaimStatus
    from app.ledger.models import InvolvementSession
    from app.ledger.models import LineKind
    from app.ledger.models import PaymentBatch
    from app.ledger.models import PaymentChoice
    from app.ledger.models import Receipt
    from app.people.models import Participant
    from app.projects.models import Project

    staff = make_staff(app, Role.COORDINATOR, email="ledger-coordinator@example.org")
    with app.app_context():
        ama = Participant(
            name="Ama",
            email="ama@example.org",
            preferred_language="cy",
            hear_back=True,
            receives_benefits=True,
            benefits=["universal_credit"],
            contact_ways=["email"],
            access_needs=["step_free"],
        )
        ben = Participant(name="Ben", phone="07700 900123", contact_ways=["text"])
        project = Project(name="Café review")
        db.session.add_all([ama, ben, project])
        db.session.flush()
        held = date.today() - timedelta(days=3)
        workshop = InvolvementSession(
            project_id=project.id,
            title="Café workshop",
            activity_type=ActivityType.WORKSHOP,
            held_on=held,
            minutes=120,
            created_by_id=staff.id,
            attendances=[
                Attendance(participant_id=ama.id, role=AttendanceRole.NOTE_TAKING),
                Attendance(participant_id=ben.id, role=AttendanceRole.TAKING_PART),
            ],
        )
        db.session.add(workshop)
        db.session.flush()
        claim = Claim(
            participant_id=ama.id,
            status=ClaimStatus.SUBMITTED,
            created_by_staff_id=staff.id,
            lines=[
                ClaimLine(
                    kind=LineKind.EXPENSE,
                    category=Category.TRAVEL,
                    spent_on=held,
                    description="Bus fare",
                    amount_pence=480,
                ),
                ClaimLine(
                    kind=LineKind.PAYMENT,
                    category=Category.TIME,
                    spent_on=held,
                    description="Workshop, 2 hours",
                    amount_pence=3000,
                    offered_pence=3000,
                    counts_as_income=True,
                    choice=PaymentChoice.ACCEPT,
                    attendance_id=workshop.attendances[0].id,
                ),
            ],
        )
        db.session.add(claim)
        db.session.flush()
        # A receipt and payment batch 1, so the receipt and batch addresses have something.
        db.session.add(Receipt(claim_id=claim.id, content_type="image/jpeg", data=_tiny_jpeg()))
        db.session.add(PaymentBatch(number=1, created_by_id=staff.id))
        db.session.commit()
        return LedgerData(ama.id, ben.id, project.id, workshop.id, claim.id, staff.id)


def _tiny_jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 255, 255)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def participant_client(app: Flask):
    """A client signed in as the given participant: participant_client(ledger.participant).

    Pages come in English unless another language is asked for (language=None: the person's own).
    """

    def _as(participant_id: int, language: str | None = "en") -> FlaskClient:
        from app.people.models import Participant

        client = app.test_client()
        client.__class__ = CheckingClient
        with app.app_context():
            version = db.session.get(Participant, participant_id).session_version
        with client.session_transaction() as session:
            session.update(participant_id=participant_id, participant_version=version)
        if language is not None:
            client.set_cookie("lang", language)
        return client

    return _as


@dataclass(frozen=True)
class UpdatesData:
    published: int  # public, "doing", from the demo survey's theme and the ledger's workshop
    draft: int  # not public yet, "considering"
    cant_do: int  # public, "can't do" with its reason
    theme: int  # "Opening hours", a theme on the demo survey's last question
    coordinator: int


@pytest.fixture
def updates(app: Flask, survey: MadeSurvey, ledger: LedgerData) -> UpdatesData:
    """Three updates made through the real services: one public (and translated into Welsh),
    one draft, and one public that we can't do. Publishing queues a message for Ama."""
    from app.feedback import services
    from app.feedback.models import LinkKind
    from app.feedback.models import UpdateStatus
    from app.surveys.response_models import Theme

    with app.test_request_context():
        theme = Theme(survey_id=survey.id, name="Opening hours")
        db.session.add(theme)
        db.session.commit()
        published = services.create(
            services.UpdateDraft(
                said="The café closes too early for people who work.",
                body="We **asked the volunteers** and will open until 7pm on Thursdays.",
                status=UpdateStatus.DOING,
                project_id=ledger.project,
                links=[(LinkKind.THEME, theme.id), (LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        ).id
        services.save_translations(
            published,
            "cy",
            {
                "said": "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio.",
                "body": "Byddwn ar agor tan 7pm ar ddydd Iau.",
            },
        )
        services.publish(published, ledger.coordinator)
        draft = services.create(
            services.UpdateDraft(
                said="Some people would like a quiet room.",
                body="We will ask the library about its quiet room.",
                links=[(LinkKind.SURVEY, survey.id)],
            ),
            ledger.coordinator,
        ).id
        cant_do = services.create(
            services.UpdateDraft(
                said="Please open on Sundays.",
                status=UpdateStatus.CANT_DO,
                reason="The building is closed on Sundays and we cannot pay for a key holder.",
                links=[(LinkKind.SESSION, ledger.session)],
            ),
            ledger.coordinator,
        ).id
        services.publish(cant_do, ledger.coordinator)
        return UpdatesData(published, draft, cant_do, theme.id, ledger.coordinator)


@pytest.fixture
def wordy_update(app: Flask, updates: UpdatesData) -> int:
    """A draft update with jargon and a long sentence for the plain-words check; its id."""
    from app.feedback import services

    with app.test_request_context():
        draft = services.UpdateDraft(said=WORDY["said"], body=WORDY["body"])
        return services.create(draft, updates.coordinator).id
