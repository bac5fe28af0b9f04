"""What the plain-words check found, said to staff in their own language.

Each suggestion becomes one sentence that names its place ("Question 3"), the word or the
sentence, and what to try. The words quoted keep their own language and direction: the jargon
list is English, a long sentence is in the language it was written in. Everything a member of
staff typed is escaped here, so a note is safe to show as it is.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup
from markupsafe import escape

from app.core.plain_words import AIM
from app.core.plain_words import SCORED_LANGUAGE
from app.core.plain_words import Checked
from app.core.plain_words import Jargon
from app.core.plain_words import LongSentence
from app.core.plain_words import Suggestion
from app.i18n import BY_CODE

SHOWN_WORDS = 15  # of a long sentence: enough to find it
# ngettext fills in the number; these stay as they are, to go in escaped afterwards.
_LATER = {"place": "%(place)s", "sentence": "%(sentence)s"}


def notes(checked: list[Checked]) -> list[Markup]:
    """One sentence for each suggestion, in the order of the places and then as found."""
    return [_note(piece, suggestion) for piece in checked for suggestion in piece.suggestions]


def _note(piece: Checked, suggestion: Suggestion) -> Markup:
    place = escape(piece.place)
    if isinstance(suggestion, Jargon):
        return escape(_("%(place)s: “%(word)s”, try “%(plainer)s”")) % {
            "place": place,
            "word": _quoted(suggestion.found, SCORED_LANGUAGE),
            "plainer": _quoted(suggestion.plainer, SCORED_LANGUAGE),
        }
    if isinstance(suggestion, LongSentence):
        said = ngettext(
            "%(place)s: this sentence has %(num)d word. Try two shorter ones: “%(sentence)s”",
            "%(place)s: this sentence has %(num)d words. Try two shorter ones: “%(sentence)s”",
            suggestion.words,
            **_LATER,
        )
        quote = _quoted(_start_of(suggestion.sentence), piece.language)
        return escape(said) % {"place": place, "sentence": quote}
    said = ngettext(
        "%(place)s: a reading age of about %(num)d. Aim for %(low)d to %(high)d.",
        "%(place)s: a reading age of about %(num)d. Aim for %(low)d to %(high)d.",
        suggestion.age,
        low=AIM[0],
        high=AIM[1],
        **_LATER,
    )
    return escape(said) % {"place": place}


def _start_of(sentence: str) -> str:
    words = sentence.split()
    return sentence if len(words) <= SHOWN_WORDS else " ".join(words[:SHOWN_WORDS]) + " …"


def _quoted(words: str, language: str) -> Markup:
    direction = BY_CODE[language].direction
    return Markup('<span lang="{}" dir="{}">{}</span>').format(language, direction, words)
