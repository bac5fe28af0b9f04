"""Staff-written Markdown made safe to show to anyone: the only place WithUs cleans HTML.

Markdown is rendered with raw HTML switched off, then cleaned by bleach against a short
allow-list. Headings move down two levels so a page keeps its one h1 and its h2 sections.
Links may only go to http, https or mailto addresses and are marked rel="nofollow noopener".
"""

from __future__ import annotations

from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {"p", "br", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
    | {"code", "pre", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "ol": ["start"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.disable("image")  # no pictures: they cost participants data and need alt text


def _link_rel(attrs: dict, new: bool = False) -> dict:  # noqa: ARG001  bleach's callback shape
    href = attrs.get((None, "href"), "")
    if not href:
        return attrs
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags={"pre", "code"})],
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
