"""Races: eight threads at once against one claim, batch or form; exactly one wins each time.

Each thread has its own app context and so its own database session and connection, as two
app processes would. The tests run on whichever database the suite is on: SQLite by default,
PostgreSQL with TEST_DATABASE_URL. Run with -s to see the figures.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import date

from flask import Flask

from app.auth.models import Role
from app.extensions import db
from app.ledger import claims
from app.ledger import export
from app.ledger.claims import Actor
from app.ledger.claims import AlreadyDone
from app.ledger.claims import Payment
from app.ledger.models import Category
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import LineKind
from app.ledger.models import PaymentBatch
from app.ledger.models import PaymentMethod
from tests.conftest import make_staff
from tests.ledger.claim_helpers import form_key
from tests.ledger.claim_helpers import token

THREADS = 8
ROUNDS = 10
WON, LOST = "won", "already done"


def race(app: Flask, work: Callable[[int], object], lose: type[Exception]) -> Counter:
    """Start THREADS threads at the same moment; count winners, losers and anything else."""
    barrier = threading.Barrier(THREADS)
    results: list[str] = [""] * THREADS

    def run(index: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                work(index)
                results[index] = WON
            except lose:
                results[index] = LOST
            except Exception as error:  # noqa: BLE001 - any other outcome fails the test below
                results[index] = f"{type(error).__name__}: {error}"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return Counter(results)


def _dialect(app: Flask) -> str:
    with app.app_context():
        return db.engine.dialect.name


def _claim(app: Flask, participant: int, maker: int, status: ClaimStatus) -> int:
    with app.app_context():
        claim = Claim(participant_id=participant, status=status, created_by_staff_id=maker)
        claim.lines = [
            ClaimLine(
                kind=LineKind.EXPENSE,
                category=Category.TRAVEL,
                spent_on=date.today(),
                description="Train",
                amount_pence=1250,
            )
        ]
        db.session.add(claim)
        db.session.commit()
        return claim.id


def _events(app: Flask, claim_id: int, to: ClaimStatus) -> int:
    with app.app_context():
        return db.session.query(ClaimEvent).filter_by(claim_id=claim_id, to_status=to.value).count()


def _finance_team(app: Flask) -> list[int]:
    return [make_staff(app, Role.FINANCE, email=f"f{i}@example.org").id for i in range(THREADS)]


def _report(name: str, app: Flask, tally: Counter) -> None:
    print(f"\n[{_dialect(app)}] {name}: {ROUNDS} rounds x {THREADS} threads -> {dict(tally)}")


def test_eight_approvers_at_once_make_one_approval(app, ledger) -> None:
    team = _finance_team(app)
    total: Counter = Counter()
    for _round in range(ROUNDS):
        claim_id = _claim(app, ledger.participant, ledger.coordinator, ClaimStatus.SUBMITTED)

        def approve(i: int, claim_id: int = claim_id) -> None:
            claims.move(claim_id, ClaimStatus.APPROVED, Actor(staff_id=team[i], role=Role.FINANCE))

        tally = race(app, approve, AlreadyDone)
        assert tally == Counter({WON: 1, LOST: THREADS - 1}), tally
        assert _events(app, claim_id, ClaimStatus.APPROVED) == 1
        total += tally
    _report("approve", app, total)


def test_eight_payers_at_once_make_one_payment(app, ledger) -> None:
    team = _finance_team(app)
    total: Counter = Counter()
    for _round in range(ROUNDS):
        claim_id = _claim(app, ledger.participant, ledger.coordinator, ClaimStatus.APPROVED)

        def pay(i: int, claim_id: int = claim_id) -> None:
            paid = Payment(PaymentMethod.BANK_TRANSFER, f"REF-{i}", date.today())
            actor = Actor(staff_id=team[i], role=Role.FINANCE)
            claims.move(claim_id, ClaimStatus.PAID, actor, payment=paid)

        tally = race(app, pay, AlreadyDone)
        assert tally == Counter({WON: 1, LOST: THREADS - 1}), tally
        assert _events(app, claim_id, ClaimStatus.PAID) == 1
        with app.app_context():
            claim = db.session.get(Claim, claim_id)
            winner = team.index(claim.paid_by_id)
            assert claim.status == ClaimStatus.PAID and claim.paid_reference == f"REF-{winner}"
        total += tally
    _report("pay", app, total)


def test_eight_exports_at_once_put_each_line_in_one_batch(app, ledger) -> None:
    team = _finance_team(app)
    total: Counter = Counter()
    for _round in range(ROUNDS):
        made = [
            _claim(app, ledger.participant, ledger.coordinator, ClaimStatus.APPROVED)
            for _ in range(3)
        ]
        with app.app_context():
            line_ids = [line.line_id for line in export.pending_lines()]
            batches_before = db.session.query(PaymentBatch).count()
        assert len(line_ids) == 3

        def run_export(i: int, line_ids: list[int] = line_ids) -> None:
            export.export_batch(line_ids, team[i])

        tally = race(app, run_export, export.NothingToExport)
        assert tally == Counter({WON: 1, LOST: THREADS - 1}), tally
        with app.app_context():
            lines = db.session.query(ClaimLine).filter(ClaimLine.claim_id.in_(made)).all()
            assert len({line.batch_id for line in lines}) == 1 and lines[0].batch_id is not None
            assert db.session.query(PaymentBatch).count() == batches_before + 1
        total += tally
    _report("export", app, total)


def test_a_claim_form_sent_eight_times_at_once_saves_one_claim(
    app, ledger, participant_client
) -> None:
    total: Counter = Counter()
    for _round in range(ROUNDS):
        first = participant_client(ledger.other_participant)
        data = {
            "csrf_token": token(first, "/me/claims/new"),
            "form_key": form_key(first, "/me/claims/new"),
            "category": "travel",
            "spent_on": date.today().isoformat(),
            "description": "Bus",
            "amount": "2.50",
        }
        cookie = first.get_cookie(app.config["SESSION_COOKIE_NAME"])
        clients = [app.test_client() for _ in range(THREADS)]
        for client in clients:
            client.set_cookie(cookie.key, cookie.value)
        statuses: list[int] = [0] * THREADS

        def send(i: int, data: dict = data, clients: list = clients, statuses=statuses) -> None:
            statuses[i] = clients[i].post("/me/claims/new", data=data).status_code

        tally = race(app, send, AlreadyDone)
        assert tally == Counter({WON: THREADS}), tally
        assert statuses == [302] * THREADS
        with app.app_context():
            saved = db.session.query(Claim).filter_by(form_key=data["form_key"]).all()
            assert len(saved) == 1 and saved[0].status == ClaimStatus.SUBMITTED
            saved_id = saved[0].id
            db.session.remove()
        assert _events(app, saved_id, ClaimStatus.SUBMITTED) == 1
        total += Counter({"saved": 1, "not saved twice": THREADS - 1})
    with app.app_context():
        claims_made = db.session.query(Claim).filter_by(participant_id=ledger.other_participant)
        assert claims_made.count() == ROUNDS
    _report("claim form", app, total)
