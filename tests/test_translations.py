"""Every catalogue is whole, current and keeps its placeholders; the build compiles them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations/messages.pot"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
CODES = [language.code for language in LANGUAGES]


def _catalogue(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _ids(catalogue) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}


def test_messages_pot_is_not_stale(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing = _ids(_catalogue(fresh)) - _ids(_catalogue(POT))
    extra = _ids(_catalogue(POT)) - _ids(_catalogue(fresh))
    assert not missing and not extra, (
        f"messages.pot is stale; run `make translations`. New: {sorted(missing)[:5]} "
        f"Gone: {sorted(extra)[:5]}"
    )


@pytest.mark.parametrize("code", CODES)
def test_catalogue_is_complete_and_keeps_placeholders(code: str) -> None:
    catalogue = _catalogue(ROOT / f"translations/{code}/LC_MESSAGES/messages.po", code)
    assert _ids(catalogue) == _ids(_catalogue(POT)), f"{code} is out of step with messages.pot"
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{code}: no translation for {message.id!r}"
        assert not message.fuzzy, f"{code}: fuzzy translation for {message.id!r}"
        source = message.id if isinstance(message.id, str) else message.id[0]
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in strings:
            found = sorted(PLACEHOLDER.findall(text))
            if isinstance(message.id, tuple):
                # A plural form may say its number in words (Arabic "جلستين", two sessions).
                wanted_here = [p for p in wanted if p != "%(num)d" or p in found]
            else:
                wanted_here = wanted
            assert found == wanted_here, f"{code}: placeholders differ in {message.id!r}"


@pytest.mark.parametrize("code", CODES)
def test_catalogue_is_compiled_by_the_build(code: str) -> None:
    compiled = ROOT / f"translations/{code}/LC_MESSAGES/messages.mo"
    source = compiled.with_suffix(".po")
    assert compiled.exists(), "run `make test` (it compiles translations) rather than pytest alone"
    assert compiled.stat().st_mtime >= source.stat().st_mtime, f"{code} .mo is older than .po"
