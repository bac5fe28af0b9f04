"""WTForms's own messages come in the page's language, read from disk once per language."""

from __future__ import annotations

from flask import Flask

from app.forms import Form


def _words(app: Flask, language: str):
    with app.test_request_context("/", headers={"Cookie": f"lang={language}"}):
        return Form().meta.get_translations(None)


def test_wtforms_messages_are_translated_and_read_once_per_language(app: Flask) -> None:
    polish = _words(app, "pl")
    assert polish.gettext("Not a valid choice.") != "Not a valid choice."
    assert _words(app, "pl") is polish  # not parsed again for the next request
    assert _words(app, "en").gettext("Not a valid choice.") == "Not a valid choice."
