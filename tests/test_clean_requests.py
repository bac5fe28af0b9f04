"""Control characters are taken out of every form and query value before any view sees them."""

from __future__ import annotations

import io

from flask import Flask
from flask import request

from app.core.requests import without_controls


def test_form_and_query_values_lose_control_characters_but_keep_line_breaks(app: Flask) -> None:
    with app.test_request_context(
        "/?page=2%01&next=/me%0d%0a",
        method="POST",
        data={"name": "Amina\x00\x1b[31m", "note": "one\r\ntwo\tthree", "odd": "a\x85b\ufffe"},
    ):
        assert request.args["page"] == "2"
        assert request.args["next"] == "/me\r\n"
        assert request.form["name"] == "Amina[31m"
        assert request.form["note"] == "one\r\ntwo\tthree"
        assert request.form["odd"] == "ab"


def test_repeated_fields_and_files_survive(app: Flask) -> None:
    with app.test_request_context(
        "/",
        method="POST",
        data={"attendees": ["1\x07", "2"], "receipt": (io.BytesIO(b"\x00\x01"), "r.jpg")},
    ):
        assert request.form.getlist("attendees") == ["1", "2"]
        assert request.files["receipt"].read() == b"\x00\x01"


def test_arabic_welsh_and_emoji_are_untouched() -> None:
    words = "مرحبا — Shw'mae ŵ 👋🏽 ١٢٣"
    assert without_controls(words) == words
