"""Every data table comes from templates/components/table.html, so each has the same caption,
scrolling region, phone layout and rules for amounts and dates: a table written by hand in a
page cannot slip in."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COMPONENT = "components/table.html"
# Templates that may still write a table by hand, and why. Take one off when it moves.
HAND_WRITTEN: dict[str, str] = {
    "survey_results/answers.html": "moving to the component in its own change",
    "survey_results/_parts.html": "moving to the component in its own change",
}
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TABLE = re.compile(r"<table\b", re.I)


def hand_tables(root: Path) -> set[str]:
    """The templates below root whose markup (comments aside) opens a table element."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and _TABLE.search(_COMMENT.sub("", path.read_text(encoding="utf-8")))
    }


def test_no_page_writes_a_table_by_hand() -> None:
    found = hand_tables(TEMPLATES) - {COMPONENT} - set(HAND_WRITTEN)
    assert found == set(), f"use the table macro from {COMPONENT} in: {sorted(found)}"


def test_the_component_is_still_where_pages_import_it_from() -> None:
    assert COMPONENT in hand_tables(TEMPLATES)


def test_every_exception_still_writes_a_table() -> None:
    found = hand_tables(TEMPLATES)
    moved = [name for name in HAND_WRITTEN if name not in found]
    assert moved == [], f"take these off HAND_WRITTEN, they no longer write a table: {moved}"


def test_the_check_finds_a_table_in_any_case_but_not_in_a_comment(tmp_path: Path) -> None:
    (tmp_path / "area").mkdir()
    (tmp_path / "area" / "page.html").write_text('<div>\n<TABLE class="table">\n</div>')
    (tmp_path / "area" / "words.html").write_text("{# not a <table> by hand #}<p>tables</p>")
    (tmp_path / "layout.html").write_text("<table\n  class=grid>")
    assert hand_tables(tmp_path) == {"area/page.html", "layout.html"}
