"""A plain-words check for what staff write for participants: suggestions, never rules.

English gets three checks: a reading age (Flesch–Kincaid, from textstat 0.7.8, which carries its
own syllable dictionary and never downloads anything), sentences over 20 words, and words from
the jargon list in jargon.csv with a plainer choice for each. Other languages get the sentence
check only: textstat has no syllable data for Welsh, Arabic, Urdu or Bengali, and the jargon list
is English. Nothing here stops anything being saved; the pages show what it finds.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import textstat

LONGEST_SENTENCE = 20  # words; a longer sentence is named
AIM = (9, 11)  # the reading age to write for
# A US school grade is about the reader's age less five; a formula says little about a few words.
GRADE_TO_AGE = 5
FEWEST_WORDS_FOR_AGE = 20
SCORED_LANGUAGE = "en"

# A sentence ends at . ! ? … or the Arabic and Urdu question mark, the Urdu full stop or the
# Bengali danda, with any closing quotes or brackets, before a space. A new line ends one too.
_SENTENCE_END = re.compile(r"([.!?…؟۔।॥]+[\"'”’»)\]]*)\s+")
# Markdown that is not words: a link's address, emphasis marks, heading and list markers.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_MARKS = re.compile(r"^\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


@dataclass(frozen=True)
class ReadingAge:
    age: int  # the age a reader needs to be, about


@dataclass(frozen=True)
class LongSentence:
    sentence: str
    words: int


@dataclass(frozen=True)
class Jargon:
    found: str  # as written in the text
    plainer: str


Suggestion = ReadingAge | LongSentence | Jargon


@dataclass(frozen=True)
class Checked:
    """What the check found in one piece of a page (its place named in the staff's words)."""

    place: str
    language: str  # the language of the words checked
    suggestions: list[Suggestion]


def check(text: str, language: str) -> list[Suggestion]:
    """Suggestions for text written in language: reading age, long sentences, then jargon."""
    found = sentences(text)
    long = [LongSentence(s, n) for s in found if (n := word_count(s)) > LONGEST_SENTENCE]
    if language != SCORED_LANGUAGE:
        return list(long)
    age = reading_age(found)
    too_old = [ReadingAge(age)] if age is not None and age > AIM[1] else []
    return [*too_old, *long, *jargon_in(text)]


def check_pieces(pieces: Iterable[tuple[str, str]], language: str) -> list[Checked]:
    """Each (place, text) checked; only the places with something to suggest."""
    checked = (Checked(place, language, check(text, language)) for place, text in pieces)
    return [piece for piece in checked if piece.suggestions]


def sentences(text: str) -> list[str]:
    """The sentences of text (which may be Markdown), each on its own, without the marks."""
    words = _EMPHASIS.sub("", _LINE_MARKS.sub("", _LINK.sub(r"\1", text)))
    split = _SENTENCE_END.sub("\\1\n", words)
    return [" ".join(line.split()) for line in split.splitlines() if word_count(line)]


def word_count(sentence: str) -> int:
    """Words are what spaces part, in any of the site's scripts; lone punctuation is none."""
    return sum(any(c.isalnum() for c in token) for token in sentence.split())


def reading_age(found: list[str]) -> int | None:
    """About the age a reader needs to be for these English sentences; None when too few words."""
    if sum(word_count(s) for s in found) < FEWEST_WORDS_FOR_AGE:
        return None
    # Our sentences, each ended, so a list item or a line without a full stop counts as one.
    ended = " ".join(s if s[-1] in ".!?" else f"{s}." for s in found)
    return max(round(textstat.flesch_kincaid_grade(ended)) + GRADE_TO_AGE, 0)


def jargon_in(text: str) -> list[Jargon]:
    """Each listed word or phrase in text, once, in the order met, with its plainer choice."""
    listed = jargon_list()
    seen: dict[str, Jargon] = {}
    for match in _jargon_pattern().finditer(text):
        key = " ".join(match.group(0).lower().split())
        seen.setdefault(key, Jargon(match.group(0), listed[key]))
    return list(seen.values())


@cache
def jargon_list() -> dict[str, str]:
    """The jargon list kept in jargon.csv: lower-case words -> a plainer choice."""
    with resources.files(__package__).joinpath("jargon.csv").open(encoding="utf-8") as listed:
        return {row["words"]: row["plainer"] for row in csv.DictReader(listed)}


@cache
def _jargon_pattern() -> re.Pattern[str]:
    # Longest first, so "in receipt of" is found whole; spaces match any run of white space.
    phrases = sorted(jargon_list(), key=len, reverse=True)
    either = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"(?<![\w-])(?:{either})(?![\w-])", re.IGNORECASE)
