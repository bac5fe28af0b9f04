"""No type checker runs on WithUs, so a comment telling one to look away would silence nothing
and only suggest a check that does not happen: none may come back."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "type: " + "ignore"  # spelt in two, so this file does not find itself


def test_no_comment_pretends_a_type_checker_runs() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("app", "tests", "migrations")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if MARK in line
    ]
    assert found == []
