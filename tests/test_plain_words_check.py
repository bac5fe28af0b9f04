"""The plain-words check on what staff write for participants (app/core/plain_words.py): reading
age, long sentences and jargon in English, sentence length in the other languages, the jargon list
it reads, the notes staff see, and a scorer that never reaches for the network."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

from flask import Flask
from flask_babel import force_locale

from app.core import plain_words
from app.core.plain_words import Checked
from app.core.plain_words import Jargon
from app.core.plain_words import LongSentence
from app.core.plain_words import ReadingAge
from app.core.plain_words import check
from app.core.plain_words import check_pieces
from app.core.plain_words import jargon_list
from app.core.plain_words import sentences
from app.core.plain_words_notes import notes

PLAIN = (
    "We run the drop-in café every Tuesday and Thursday. We want to make it better for you. "
    "Tell us what works, what is hard, and what we should change first."
)
WORDY = (
    "We would like to facilitate your participation in this consultation exercise in order to "
    "ascertain the principal requirements of individuals who utilise our services and who are "
    "in receipt of benefits at this moment in time."
)
LONG_ARABIC = "ما رأيك في المقهى؟ " + " ".join(["نريد"] * 22) + "؟ شكرا لك."


def test_plain_english_gets_no_suggestions() -> None:
    assert check(PLAIN, "en") == []


def test_an_empty_text_gets_no_suggestions_in_any_language() -> None:
    for language in ("en", "cy", "ar", "bn"):
        assert check("", language) == []
        assert check("  \n\n ", language) == []


def test_a_jargon_word_is_named_with_its_plainer_choice_whatever_its_case() -> None:
    found = check("Please Utilise the side door.", "en")
    assert found == [Jargon("Utilise", "use")]


def test_a_phrase_is_found_whole_across_line_breaks_before_its_own_words() -> None:
    found = check("You are in\nreceipt of a letter.", "en")
    assert found == [Jargon("in\nreceipt of", "getting")]


def test_jargon_is_matched_on_word_boundaries_only() -> None:
    # "utilised" is listed on its own; "statement" holds "state", "prioritisers" is no word listed
    assert check("The facilitation was good.", "en") == []
    assert check("We sent a statement to the prioritisers.", "en") == []
    assert [j.found for j in check("It is utilised, (utilise) and non-utilise.", "en")] == [
        "utilised",
        "utilise",
    ]


def test_each_jargon_word_is_named_once_in_the_order_met() -> None:
    found = check("Prior to the meeting, utilise the form. Utilise it prior to June.", "en")
    assert found == [Jargon("Prior to", "before"), Jargon("utilise", "use")]


def test_a_wordy_text_gets_its_reading_age_its_long_sentence_and_its_jargon() -> None:
    found = check(WORDY, "en")
    age, long, *words = found
    assert isinstance(age, ReadingAge) and age.age > 11
    assert long == LongSentence(WORDY, 36)
    plainer = {word.found.lower(): word.plainer for word in words}
    assert plainer["facilitate"] == "help"
    assert plainer["in receipt of"] == "getting"
    assert plainer["at this moment in time"] == "now"
    assert "receipt" not in plainer  # the whole phrase, not a piece of it


def test_a_sentence_of_exactly_twenty_words_passes_and_twenty_one_is_named() -> None:
    twenty = " ".join(["word"] * 20) + "."
    assert check(twenty, "cy") == []
    assert check(twenty[:-1] + " more.", "cy") == [LongSentence(twenty[:-1] + " more.", 21)]


def test_arabic_gets_only_the_sentence_check_split_on_its_question_mark() -> None:
    found = check(LONG_ARABIC, "ar")
    assert found == [LongSentence(" ".join(["نريد"] * 22) + "؟", 22)]
    assert sentences(LONG_ARABIC)[0] == "ما رأيك في المقهى؟"


def test_urdu_and_bengali_full_stops_end_sentences() -> None:
    assert sentences("یہ اچھا ہے۔ آپ کیسے ہیں؟") == ["یہ اچھا ہے۔", "آپ کیسے ہیں؟"]
    assert sentences("আমরা ক্যাফে চালাই। আপনি কেমন আছেন?") == ["আমরা ক্যাফে চালাই।", "আপনি কেমন আছেন?"]


def test_other_languages_get_no_jargon_or_reading_age() -> None:
    assert check(WORDY, "pl") == [LongSentence(WORDY, 36)]
    assert check("Please utilise the side door.", "cy") == []


def test_markdown_marks_and_lines_are_not_words() -> None:
    body = "We **asked** the [volunteers](https://example.org/a-very-long-address).\n- one\n- two"
    assert sentences(body) == ["We asked the volunteers.", "one", "two"]


def test_check_pieces_keeps_only_places_with_something_to_say() -> None:
    checked = check_pieces([("Title", PLAIN), ("Question 3", "Utilise it.")], "en")
    assert checked == [Checked("Question 3", "en", [Jargon("Utilise", "use")])]


def test_the_jargon_list_has_at_least_150_well_formed_entries_and_no_repeats() -> None:
    path = resources.files("app.core").joinpath("jargon.csv")
    with path.open(encoding="utf-8") as listed:
        rows = list(csv.reader(listed))
    assert rows[0] == ["words", "plainer"]
    entries = rows[1:]
    assert len(entries) >= 150
    for entry in entries:
        assert len(entry) == 2, entry
        words, plainer = entry
        assert words == " ".join(words.split()) == words.lower() != "", entry
        assert plainer == " ".join(plainer.split()) != "", entry
        assert words != plainer, entry
    listed_words = [words for words, _ in entries]
    assert len(set(listed_words)) == len(listed_words)
    assert len(jargon_list()) == len(entries)
    assert jargon_list()["in receipt of"] == "getting"


def test_notes_name_the_place_word_and_sentence_in_the_staff_language(app: Flask) -> None:
    checked = check_pieces([("Question 3", WORDY)], "en")
    with app.test_request_context(), force_locale("en"):
        said = [str(note) for note in notes(checked)]
    assert re.fullmatch(r"Question 3: a reading age of about \d+\. Aim for 9 to 11\.", said[0])
    assert said[1].startswith(
        'Question 3: this sentence has 36 words. Try two shorter ones: “<span lang="en" dir="ltr">'
        "We would like to facilitate"
    )
    assert said[1].endswith(" …</span>”")
    assert (
        'Question 3: “<span lang="en" dir="ltr">facilitate</span>”, try '
        '“<span lang="en" dir="ltr">help</span>”'
    ) in said


def test_notes_are_translated_and_quote_arabic_right_to_left(app: Flask) -> None:
    checked = check_pieces([("Cwestiwn 1", LONG_ARABIC)], "ar")
    with app.test_request_context(), force_locale("cy"):
        (said,) = notes(checked)
    assert "Cwestiwn 1" in said and "22" in said
    assert "sentence" not in said  # Welsh, not the English msgid
    assert '<span lang="ar" dir="rtl">' in said


def test_hostile_words_are_escaped_in_notes(app: Flask) -> None:
    hostile = "<script>alert(1)</script> " + " ".join(["word"] * 25) + " utilise."
    checked = check_pieces([("<b>place</b>", hostile)], "en")
    with app.test_request_context(), force_locale("en"):
        said = "".join(notes(checked))
    assert "<script>" not in said and "<b>" not in said
    assert "&lt;script&gt;" in said and "&lt;b&gt;place&lt;/b&gt;" in said


def test_the_scorer_reads_no_network_and_needs_no_downloaded_data(tmp_path: Path) -> None:
    # A fresh interpreter, so nothing is loaded yet; every way out to the network raises, and
    # the places NLTK and the user's home would keep downloaded data are empty.
    script = f"""
import socket
def refuse(*args, **kwargs):
    raise OSError("the network was reached")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from importlib.metadata import version
assert version("textstat") == "0.7.8", version("textstat")
from app.core.plain_words import check
found = check({WORDY!r}, "en")
print(found[0].age)
"""
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin"}
    root = Path(plain_words.__file__).parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 11
