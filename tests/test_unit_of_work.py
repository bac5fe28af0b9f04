"""Every write is a unit of work: it commits when the work ends and rolls back when it raises.

app.transactions.unit_of_work is the only place that commits or rolls back. The scan below
fails when commit() or rollback() appears anywhere else in app/, except the few places listed
in ALLOWED, each saying why; a view or a service that wants to save calls (or is) a unit of work.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from app.core.idempotency import use_key
from app.core.models import FormSubmission
from app.extensions import db
from app.ledger.models import Setting
from app.transactions import unit_of_work

APP = Path(__file__).resolve().parent.parent / "app"
HOME = "transactions.py"  # unit_of_work, writing() and the end of each request

# path under app/: (how many commit()/rollback() calls, why they are not a unit of work)
ALLOWED: dict[str, tuple[int, str]] = {
    "core/dropped.py": (1, "lets go of a connection the database dropped, then retries the read"),
    "core/errors.py": (
        2,
        "a statement the database refused has broken the transaction; the layout's lookup of "
        "who is signed in failed, and the page is drawn without it",
    ),
}


class Refused(Exception):
    pass


def ends_transactions(source: str) -> int:
    """How many .commit() and .rollback() calls the source makes."""
    return sum(
        1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("commit", "rollback")
    )


def found_in_app() -> dict[str, int]:
    found = {}
    for path in sorted(APP.rglob("*.py")):
        name = path.relative_to(APP).as_posix()
        count = ends_transactions(path.read_text(encoding="utf-8"))
        if count and name != HOME:
            found[name] = count
    return found


def test_only_the_unit_of_work_commits_or_rolls_back() -> None:
    allowed = {name: count for name, (count, _why) in ALLOWED.items()}
    found = found_in_app()
    unlisted = {name: n for name, n in found.items() if allowed.get(name) != n}
    assert not unlisted, (
        "Save through app.transactions.unit_of_work (a decorator on the service, or a with "
        f"block) instead of calling commit() or rollback(): {unlisted}"
    )
    assert not set(allowed) - set(found), "ALLOWED lists places that no longer end transactions"


def test_the_scan_finds_a_commit_however_it_is_written() -> None:
    planted = """
def save(form):
    db.session.add(form.thing())
    db.session.commit()

def undo(session):
    session.rollback()
"""
    assert ends_transactions(planted) == 2
    assert ends_transactions("commit = 'a word, not a call'\n") == 0


def _stored(key: str) -> str | None:
    with unit_of_work():
        return db.session.scalar(select(Setting.value).where(Setting.key == key))


def test_work_that_ends_is_committed(app: Flask) -> None:
    with app.app_context():
        with unit_of_work():
            db.session.add(Setting(key="unit.kept", value="yes"))
        db.session.remove()  # a new session sees only what was committed
        assert _stored("unit.kept") == "yes"


def test_work_that_raises_leaves_nothing(app: Flask) -> None:
    with app.app_context():
        with pytest.raises(Refused), unit_of_work():
            db.session.add(Setting(key="unit.gone", value="no"))
            db.session.flush()
            raise Refused
        assert _stored("unit.gone") is None


def test_a_refused_save_leaves_its_form_key_unused(app: Flask) -> None:
    @unit_of_work()
    def save_once(key: str) -> None:
        assert use_key(key)
        db.session.add(Setting(key="unit.saved", value="once"))
        raise Refused  # a check after the key was taken

    with app.app_context():
        with pytest.raises(Refused):
            save_once("unit-key")
        assert db.session.get(FormSubmission, "unit-key") is None
        with unit_of_work():
            assert use_key("unit-key")  # the same form can be sent again once fixed


def test_a_unit_inside_another_joins_it(app: Flask) -> None:
    @unit_of_work()
    def inner() -> None:
        db.session.add(Setting(key="unit.inner", value="joined"))

    with app.app_context():
        with pytest.raises(Refused), unit_of_work():
            inner()  # does not commit on its own
            raise Refused
        assert _stored("unit.inner") is None
        with unit_of_work():
            inner()
        assert _stored("unit.inner") == "joined"


def test_a_unit_after_a_refused_one_starts_clean(app: Flask) -> None:
    with app.app_context():
        with pytest.raises(Refused), unit_of_work():
            db.session.add(Setting(key="unit.first", value="refused"))
            raise Refused
        with unit_of_work():
            db.session.add(Setting(key="unit.second", value="kept"))
        assert (_stored("unit.first"), _stored("unit.second")) == (None, "kept")
