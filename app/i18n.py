"""Languages the site speaks, how one is chosen, and which way text runs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from babel.lists import format_list
from flask import current_app
from flask import has_request_context
from flask import request
from flask_babel import format_date
from flask_babel import format_time
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from markupsafe import Markup
from markupsafe import escape
from werkzeug.wrappers import Response

LANGUAGE_COOKIE = "lang"
OWN_LANGUAGE = "withus.own_language"  # the signed-in participant's language, if any
ONE_YEAR = 365 * 24 * 3600


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name for itself, never translated
    called: object  # its name in the reader's language (lazy): "Welsh", "Cymraeg", "Walijski"
    direction: str = "ltr"


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", _l("English")),
    Language("cy", "Cymraeg", _l("Welsh")),
    Language("pl", "Polski", _l("Polish")),
    Language("ar", "العربية", _l("Arabic"), "rtl"),
    Language("ur", "اردو", _l("Urdu"), "rtl"),
    Language("bn", "বাংলা", _l("Bengali")),
)
BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT = "en"
LOCALE_PARAMETER = "locale"
# The locale dates, times and numbers are written in. English here is British English:
# "17 May 2026" and "07:00", never Babel's plain "en" (US) "May 17, 2026" and "7:00 AM".
FORMATTING = {"en": "en_GB"}


def is_supported(code: str | None) -> bool:
    return code in BY_CODE


def select_locale() -> str:
    """A link that names a language (?locale=cy, as in the messages we send) wins; then the
    cookie the person set at /language; otherwise their browser's preference."""
    if not has_request_context():
        return DEFAULT  # commands run in English
    named = request.args.get(LOCALE_PARAMETER)
    if is_supported(named):
        return named
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if is_supported(chosen):
        return chosen
    own = _signed_in_participants_language()
    if is_supported(own):
        return own
    return preferred(request.accept_languages.values())


def formatting_locale(code: str) -> str:
    """The Babel locale to write a language's dates and numbers in ("en" is en_GB)."""
    return FORMATTING.get(code, code)


def select_formatting_locale() -> str:
    """Flask-Babel's locale for this request: the language chosen, written the British way.

    Translations still load from translations/en (gettext falls back from en_GB to en).
    """
    return formatting_locale(select_locale())


def format_moment(moment: datetime) -> str:
    """A day and time to the minute, as the reader writes them: "3 Dec 2026, 07:00".

    Babel's "medium" date-and-time shows seconds, which say nothing to anyone reading a claim.
    """
    locale = get_locale()
    pattern = locale.datetime_formats["medium"] if locale else "{1}, {0}"
    return pattern.format(format_time(moment, "short"), format_date(moment, "medium"))


def _signed_in_participants_language() -> str | None:
    """People sit above i18n, so the app factory hands over how to find their language."""
    own_language = current_app.extensions.get(OWN_LANGUAGE)
    return own_language() if own_language is not None else None


def set_language_cookie(response: Response, code: str) -> Response:
    response.set_cookie(
        LANGUAGE_COOKIE,
        code,
        max_age=ONE_YEAR,
        secure=current_app.config["HTTPS"],
        httponly=True,
        samesite="Lax",
    )
    return response


def keep_named_language(response: Response) -> Response:
    """A link that named a language (from a message in Welsh, say) keeps the site in it after."""
    named = request.args.get(LOCALE_PARAMETER)
    if is_supported(named) and request.cookies.get(LANGUAGE_COOKIE) != named:
        set_language_cookie(response, named)
    return response


def preferred(ranked: Iterable[str]) -> str:
    """The first language the browser asks for that we speak, matching on the main code.

    "ar-SA, en;q=0.8" must give Arabic: a regional tag of the first choice beats an exact
    match further down the list.
    """
    for tag in ranked:
        code = tag.replace("_", "-").split("-")[0].lower()
        if is_supported(code):
            return code
    return DEFAULT


def direction(code: str) -> str:
    return BY_CODE.get(code, BY_CODE[DEFAULT]).direction


def current_language() -> Language:
    """The language this request is answered in."""
    locale = get_locale()
    return BY_CODE.get(str(locale.language) if locale else DEFAULT, BY_CODE[DEFAULT])


def language_names(codes: Iterable[str]) -> Markup:
    """'Cymraeg and العربية': each name in its own language, in site order, joined as the reader
    would join them."""
    wanted = set(codes)
    names = [
        Markup('<span lang="{}" dir="{}">{}</span>').format(lang.code, lang.direction, lang.name)
        for lang in LANGUAGES
        if lang.code in wanted
    ]
    return joined(names)


def one_of(words: Iterable[str], code: str, more: int = 0) -> Markup:
    """'Yes or No': words written in the language code, joined as the reader would list
    choices; with more, 'A, B or 3 more'."""
    pieces = [Markup('<span lang="{}">{}</span>').format(code, word) for word in words]
    if more:
        pieces.append(escape(ngettext("%(num)d more", "%(num)d more", more)))
    return joined(pieces, "or")


def joined(pieces: list[Markup], style: str = "standard") -> Markup:
    """Pieces of markup in a list the reader's way: 'a, b and c' ("standard"), 'a, b or c'
    ("or")."""
    # Join placeholders, then fill them: the joining words get escaped too.
    places = [f"{{{n}}}" for n in range(len(pieces))]
    pattern = format_list(places, style=style, locale=get_locale() or DEFAULT)
    return escape(pattern).format(*pieces)
