"""Staff-written Markdown made safe to show to anyone: the only place WithUs cleans HTML.

Markdown is rendered with raw HTML switched off, then cleaned by bleach against a short
allow-list. Headings move down two levels so a page keeps its one h1 and its h2 sections.
Links may only go to http, https or mailto addresses (or to a page of this site) and are
marked rel="nofollow noopener"; an address written out in full (https://…) becomes a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import bleach
from bleach.html5lib_shim import Filter
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {"p", "br", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
    | {"code", "pre", "hr"}
)
# No link titles: they only show on hover, which phones and many screen readers never do,
# and they would be the one attribute carrying free text.
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"], "ol": ["start"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
# Browsers ignore these inside a scheme ("java\tscript:" runs), so they are ignored here too.
_IGNORED_IN_SCHEME = re.compile(r"[`\x00-\x20\x7f-\xa0\s\ufffd]+")
# One fixed prefix and one character class: linear time however hostile the text. (bleach's
# own linkify pattern backtracks for minutes on 50,000 characters such as "a-.a-.a-." or "(((".)
_FULL_ADDRESS = re.compile(r"(?<![a-z0-9.+-])https?://[^\s<>\"'`\\]+", re.IGNORECASE)
_TRAILING = frozenset(".,:;!?*_~")


def allowed_href(href: str) -> bool:
    """True for an http, https or mailto address, or a scheme-less address on this site.

    A colon before the first "/", "?" or "#" means a scheme: only the three above may have one,
    so "%6Aavascript:" and other look-alikes are refused rather than guessed at.
    """
    value = _IGNORED_IN_SCHEME.sub("", href).lower()
    head = re.split(r"[/?#]", value, maxsplit=1)[0]
    return ":" not in head or head.split(":", 1)[0] in ALLOWED_PROTOCOLS


@dataclass(frozen=True)
class _Found:
    """One address found in text, in the shape markdown-it's linkify rule reads."""

    index: int
    last_index: int
    url: str
    text: str
    schema: str


def _trim(address: str) -> str:
    """Drop full stops, commas and unmatched closing brackets that end a sentence, not a link."""
    balance = address.count("(") - address.count(")")
    end = len(address)
    while end and (address[end - 1] in _TRAILING or (address[end - 1] == ")" and balance < 0)):
        balance += address[end - 1] == ")"
        end -= 1
    return address[:end]


class _FullAddresses:
    """Finds http and https addresses written out in full, for markdown-it's linkify rule."""

    def pretest(self, text: str) -> bool:
        return "://" in text

    def test(self, text: str) -> bool:
        return bool(self.match(text))

    def match(self, text: str) -> list[_Found]:
        return [found for hit in _FULL_ADDRESS.finditer(text) if (found := _found(hit))]


def _found(hit: re.Match[str]) -> _Found | None:
    address = _trim(hit.group())
    if address.endswith("://"):
        return None
    schema = address.split("//", 1)[0]
    return _Found(hit.start(), hit.start() + len(address), address, address, schema)


class _SafeLinks(Filter):
    """The last word on links: an <a> without an allowed address loses its tag, not its words;
    every other <a> gets rel. Links never nest in cleaned HTML, so one flag is enough."""

    def __iter__(self) -> Iterator[dict]:
        dropping = False
        for token in super().__iter__():
            if token.get("name") == "a" and token["type"] == "StartTag":
                href = (token.get("data") or {}).get((None, "href"), "")
                dropping = not href or not allowed_href(href)
                if dropping:
                    continue
                token["data"][(None, "rel")] = LINK_REL
            elif token.get("name") == "a" and token["type"] == "EndTag" and dropping:
                dropping = False
                continue
            yield token


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
_markdown.disable("image")  # no pictures: they cost participants data and need alt text
_markdown.linkify = _FullAddresses()
# Only the rule that reads whole runs of text: the in-line one searches all text before each
# "://" again, which takes minutes on 50,000 characters such as "a://a://a://".
_markdown.core.ruler.enable(["linkify"])
_markdown.validateLink = allowed_href  # stricter than its own

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_SafeLinks],
)


def render_markdown(text: str) -> Markup:
    """Safe HTML for a piece of staff-written Markdown (empty text gives empty markup)."""
    if not text or not text.strip():
        return Markup("")
    tokens = _markdown.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + 2)}"
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return Markup(_cleaner.clean(html))  # noqa: S704  cleaned by the allow-list just above
