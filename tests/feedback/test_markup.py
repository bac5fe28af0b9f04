"""The Markdown sanitiser: hostile input never becomes markup that runs, ordinary writing survives."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Comment
from xml.etree.ElementTree import Element

import html5lib
import pytest
from markupsafe import Markup

from app.core.markup import render_markdown
from tests.feedback.hostile_markup import HOSTILE

ROOT = Path(__file__).resolve().parents[2]
TAGS = {"p", "br", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
TAGS |= {"code", "pre", "hr"}
ATTRIBUTES = {"a": {"href", "title", "rel"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}
FORBIDDEN_IN_VALUES = ("<script", "javascript:", "vbscript:", "data:")
# What a browser skips inside a scheme, plus the invisible characters a reader would not see.
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\s\u200b-\u200f\u2028-\u202e\u2060\ufeff\ufffd]+")


def _parse(markup: str) -> Element:
    return html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False)


def _elements(markup: str) -> list[Element]:
    """Every element of the fragment; comments fail the test, as none may survive."""
    found = []
    for node in _parse(markup).iter():
        assert node.tag is not Comment, f"a comment survived: {markup!r}"
        if node.tag != "DOCUMENT_FRAGMENT":
            found.append(node)
    return found


def _text(markup: str) -> str:
    return "".join(_parse(markup).itertext())


def _normalised(value: str) -> list[str]:
    """The value as a browser might read it: unescaped, squeezed, lowercased, and percent-decoded."""
    plain = INVISIBLE.sub("", html.unescape(value)).lower()
    return [plain, INVISIBLE.sub("", unquote(plain))]


def _assert_href_allowed(href: str) -> None:
    for value in _normalised(href):
        head = re.split(r"[/?#]", value, maxsplit=1)[0]
        if ":" in head:
            assert head.split(":", 1)[0] in SCHEMES, f"scheme not allowed: {href!r}"


def _assert_safe(markup: str) -> None:
    assert "<script" not in markup.lower()
    for element in _elements(markup):
        assert element.tag in TAGS, f"element <{element.tag}> in {markup[:300]!r}"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"handler {name} in {markup[:300]!r}"
            assert name in ATTRIBUTES.get(element.tag, set()), f"{element.tag}[{name}]"
            for seen in _normalised(value):
                assert not any(bad in seen for bad in FORBIDDEN_IN_VALUES), f"{name}={value!r}"
        if element.tag == "a" and "href" in element.attrib:
            _assert_href_allowed(element.attrib["href"])
            assert element.attrib.get("rel") == "nofollow noopener"
        if element.tag == "ol" and "start" in element.attrib:
            assert element.attrib["start"].isdigit()


def test_the_corpus_is_large_and_every_entry_has_its_own_name() -> None:
    names = [name for name, _text in HOSTILE]
    assert len(names) >= 60 and len(names) == len(set(names))


@pytest.mark.parametrize("text", [text for _name, text in HOSTILE], ids=[n for n, _t in HOSTILE])
def test_hostile_input_renders_only_allowed_markup(text: str) -> None:
    rendered = render_markdown(text)
    assert isinstance(rendered, Markup)
    _assert_safe(str(rendered))


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<!-- note --><iframe src=x></iframe>",
    ],
)
def test_html_written_in_markdown_is_shown_as_words_not_dropped(text: str) -> None:
    assert _text(str(render_markdown(text))).strip() == text


def test_script_in_code_stays_as_text_inside_code() -> None:
    span = str(render_markdown("Type `<script>alert(1)</script>` to see."))
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in span
    block = str(render_markdown("```html\n<script>alert(1)</script>\n```"))
    assert block.startswith("<pre><code>&lt;script&gt;") and "class=" not in block


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](%6Aavascript:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](foo:bar)",
        "[x][1]\n\n[1]: vbscript:msgbox(1)",
    ],
)
def test_a_link_to_a_refused_address_is_not_a_link(text: str) -> None:
    rendered = str(render_markdown(text))
    assert not [e for e in _elements(rendered) if e.tag == "a"]
    assert "x" in _text(rendered)


def test_only_full_http_and_https_addresses_become_links_by_themselves() -> None:
    rendered = str(render_markdown("ftp://example.org and data://example.org and https://a.org/b."))
    links = [e.attrib["href"] for e in _elements(rendered) if e.tag == "a"]
    assert links == ["https://a.org/b"]


def test_images_are_never_shown() -> None:
    for text in ("![a picture](http://example.org/x.png)", "![x](javascript:alert(1))"):
        assert "img" not in {e.tag for e in _elements(str(render_markdown(text)))}


def test_headings_move_down_two_levels() -> None:
    rendered = str(render_markdown("# One\n\n## Two\n\n### Three\n\n###### Six"))
    assert [e.tag for e in _elements(rendered)] == ["h3", "h4", "h5", "h6"]


def test_ordinary_writing_keeps_its_formatting() -> None:
    text = (
        "# What we did\n\n## Next\n\nWe **asked the volunteers** and *listened*.\n\n"
        "- Longer hours\n- Hot soup\n\n1. First\n2. Second\n\n> It made a difference.\n\n"
        "Use `code` here. Read [the rota](https://example.org/rota), see "
        "https://example.org/news, or write to <hello@example.org>.\n\n"
        "Fish & chips cost < £5 if 2 > 1.\n\n---"
    )
    rendered = str(render_markdown(text))
    _assert_safe(rendered)
    tags = [e.tag for e in _elements(rendered)]
    for tag in ("h3", "h4", "strong", "em", "ul", "ol", "li", "blockquote", "code", "hr"):
        assert tag in tags, tag
    links = {e.attrib["href"]: e.attrib["rel"] for e in _elements(rendered) if e.tag == "a"}
    assert links == {
        "https://example.org/rota": "nofollow noopener",
        "https://example.org/news": "nofollow noopener",
        "mailto:hello@example.org": "nofollow noopener",
    }
    assert "Fish &amp; chips cost &lt; £5 if 2 &gt; 1." in rendered
    assert "Fish & chips cost < £5 if 2 > 1." in _text(rendered)


def test_empty_text_gives_empty_markup() -> None:
    assert render_markdown("") == Markup("") and render_markdown("  \n ") == Markup("")


def _python_files() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _modules_matching(pattern: re.Pattern[str]) -> set[str]:
    return {_relative(path) for path in _python_files() if pattern.search(path.read_text())}


def test_only_the_markup_module_cleans_html() -> None:
    cleaning = re.compile(r"^\s*(from|import)\s+(bleach|markdown_it|html5lib)\b", re.MULTILINE)
    assert _modules_matching(cleaning) == {"app/core/markup.py"}


def test_elsewhere_markup_is_only_made_from_written_words() -> None:
    """Markup("<p>{}</p>").format(x) escapes x; Markup(x) would trust it, so only cleaning may."""
    trusting = re.compile(r"\bMarkup\(\s*(?![\s\"'])")
    assert _modules_matching(trusting) == {"app/core/markup.py"}


def test_templates_only_mark_their_own_words_safe() -> None:
    """|safe may follow a string written in the template itself, never a value from outside."""
    safe = re.compile(r"\|\s*safe\b")
    literal_then_safe = re.compile(r"""("[^"{}]*"|'[^'{}]*')\s*\|\s*safe\b""")
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = path.read_text()
        assert "autoescape false" not in text.replace("  ", " "), _relative(path)
        assert len(safe.findall(text)) == len(literal_then_safe.findall(text)), _relative(path)
