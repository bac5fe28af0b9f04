"""Translating surveys and updates: one way for both. Each piece of main-language words gets a
box on the translate page; each box carries a fingerprint of the words its translator was shown,
so words changed meanwhile are caught, not marked as translated; saving keeps, per piece, the
words it was translated from, so a later change marks it as needing an update."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flask import abort
from flask import flash
from flask import redirect
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import BooleanField
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import Length

from app.extensions import db
from app.forms import Form
from app.forms import choice_field
from app.forms import clean
from app.forms import form_page
from app.i18n import BY_CODE
from app.i18n import LANGUAGES


@dataclass(frozen=True)
class Piece:
    """One piece of words to translate (a title, a question, what we did)."""

    key: str  # as stored: 'title', 'q:12:text', 'said'
    field: str  # the form field's name and id
    name: str  # what staff see as its label
    source: str  # the words in the main language
    long: bool  # a paragraph (a large box) rather than a line
    limit: int  # the most characters a translation may have
    was: str | None = None  # the words it was translated from, when those have changed since

    @property
    def fits(self) -> str:
        """The name of the tick box that says the translation still fits the new words."""
        return f"{self.field}-fits"

    @property
    def seen(self) -> str:
        """The name of the hidden field with the fingerprint of the words shown."""
        return f"{self.field}-seen"


def main_language_field() -> RadioField:
    """The language a survey or an update is written in first; the others translate from it."""
    return choice_field(
        _l("Main language"),
        [SelectChoice(language.code, language.name) for language in LANGUAGES],
        _l("Choose the main language"),
    )


def check_language(language: str, main_language: str) -> None:
    """A translate page is there for each language we offer but the main one: else 404."""
    if language not in BY_CODE or language == main_language:
        abort(404)


def fingerprint(words: str) -> str:
    return hashlib.sha256(words.encode()).hexdigest()[:16]


def seen_field(words: str) -> Field:
    """A hidden field holding the fingerprint of the words shown beside a box."""
    return HiddenField(default=fingerprint(words))


def check_seen(box: Field, seen: Field, words: str, touched: bool) -> bool:
    """False, with a message on the box, when the translator changed or confirmed (touched) a
    translation made from words that have changed since the page was opened."""
    if not touched or seen.data == fingerprint(words):
        return True
    box.errors = [
        *box.errors,
        _("These words changed while you were translating. Check the words now, then save again."),
    ]
    seen.data = fingerprint(words)  # saving again, having seen them, is allowed
    return False


def translation_form(
    found: list[Piece], current: dict[str, str], too_long: Callable[[int], Any]
) -> Form:
    """A box per piece holding its current translation; for each piece needing an update, a
    tick box to say its translation still fits the new words; for each, the words' fingerprint.
    too_long(limit) is the message for a translation over its piece's limit."""

    class TranslationForm(Form):
        pass

    for piece in found:
        kind = TextAreaField if piece.long else StringField
        length = Length(max=piece.limit, message=too_long(piece.limit))
        box = kind(
            piece.name, default=current.get(piece.key, ""), validators=[length], filters=[clean]
        )
        setattr(TranslationForm, piece.field, box)
        if piece.was is not None:
            fits = BooleanField(_l("The translation still fits the new words"))
            setattr(TranslationForm, piece.fits, fits)
        setattr(TranslationForm, piece.seen, seen_field(piece.source))
    return TranslationForm()


def submitted(
    form: Form, found: list[Piece], current: dict[str, str]
) -> tuple[dict[str, str], frozenset[str]] | None:
    """The translations sent (key -> words) and the keys said to still fit the new words, or
    None when the form is not sent, has errors, or a touched piece's words changed meanwhile."""
    if not form.validate_on_submit():
        return None
    texts = {p.key: form[p.field].data or "" for p in found}
    fits = frozenset(p.key for p in found if p.was is not None and form[p.fits].data)
    touched = {p.key: texts[p.key] != current.get(p.key, "") or p.key in fits for p in found}
    checks = [check_seen(form[p.field], form[p.seen], p.source, touched[p.key]) for p in found]
    return (texts, fits) if all(checks) else None


def translate_page(
    languages: tuple[str, str],
    found: list[Piece],
    current: dict[str, str],
    too_long: Callable[[int], Any],
    save: Callable[[dict[str, str], frozenset[str]], None],
    saved_url: str,
    template: str,
    **shown: Any,
) -> Any:
    """The page to translate a survey or an update from its main language into another
    (languages: the other, the main): on a good save(texts, still_fits), go to saved_url;
    else show template with the form, the pieces, the two languages, how many need an update
    and, once a translation is begun, which are still to do."""
    language, main_language = languages
    check_language(language, main_language)
    form = translation_form(found, current, too_long)
    sent = submitted(form, found, current)
    if sent is not None:
        save(*sent)
        flash(_("Your translations are saved."))
        return redirect(saved_url)
    return form_page(
        template,
        form,
        pieces=found,
        target=BY_CODE[language],
        main=BY_CODE.get(main_language, BY_CODE["en"]),
        stale=sum(p.was is not None for p in found),
        missing={p.key for p in found if not current.get(p.key)} if current else set(),
        **shown,
    )


def save_translations(
    model: type,
    owner: dict[str, int],
    language: str,
    texts: dict[str, str],
    sources: dict[str, str],
    still_fits: frozenset[str] = frozenset(),
) -> None:
    """Store the owner's pieces (texts: key -> words) in one language, in rows of model with
    the owner's column (owner: column -> id). A blank piece is removed, so it counts as still to
    do. A piece typed anew, or said to still fit, is marked as made from today's main-language
    words (sources); one sent back unchanged keeps any "needs updating" mark, since the whole
    page is sent. The caller commits."""
    rows = db.session.scalars(select(model).filter_by(language=language, **owner))
    existing = {row.key: row for row in rows}
    for key, text in texts.items():
        row = existing.get(key)
        if row is None:
            if text:
                db.session.add(
                    model(**owner, language=language, key=key, text=text, source=sources[key])
                )
        elif not text:
            db.session.delete(row)
        elif row.text != text or key in still_fits:
            row.text, row.source = text, sources[key]


def texts_of(owner: Any, ids: Iterable[int], language: str) -> dict[tuple[int, str], str]:
    """The translated pieces of many surveys or updates in one language: (id, key) -> words.
    owner is the column naming whose they are (SurveyText.survey_id, UpdateText.update_id)."""
    wanted = list(ids)
    if not wanted:
        return {}
    model = owner.class_
    rows = db.session.execute(
        select(owner, model.key, model.text).where(owner.in_(wanted), model.language == language)
    )
    return {(owner_id, key): text for owner_id, key, text in rows}
