"""The You said, we did log as an Atom 1.0 feed, one per language.

Built with ElementTree, so every piece of text is escaped by the serialiser; the entry content
is HTML made only from escaped words and bodies cleaned by render_markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC
from datetime import datetime

from flask_babel import gettext as _
from markupsafe import Markup

from app.core.links import public_url
from app.core.markup import render_markdown
from app.db import utcnow
from app.feedback import dated
from app.feedback.models import UpdateStatus
from app.feedback.reading import Entry
from app.feedback.reading import Words

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def build(entries: Sequence[Entry], language: str, organisation: str) -> bytes:
    """The feed document for these entries, written for readers of the given language."""
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language})
    self_url = public_url("updates.feed", locale=language)
    _add(feed, "id", self_url)
    _add(feed, "title", _("You said, we did – %(organisation)s", organisation=organisation))
    _add(feed, "subtitle", _("What people told us, and what we did about it."))
    latest = max((entry.changed_at for entry in entries), default=utcnow())
    _add(feed, "updated", rfc3339(latest))
    _add(_add(feed, "author"), "name", organisation)
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    home = public_url("updates.index", locale=language)
    _add(feed, "link", rel="alternate", type="text/html", href=home)
    for entry in entries:
        _entry(feed, entry, language)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(feed: ET.Element, entry: Entry, language: str) -> None:
    element = _add(feed, "entry")
    _add(element, "id", public_url("updates.show", update_id=entry.id))
    title = _add(element, "title", entry.said.text)
    if entry.said.lang != language:
        title.set(XML_LANG, entry.said.lang or "")
    link = public_url("updates.show", update_id=entry.id, locale=language)
    _add(element, "link", rel="alternate", type="text/html", href=link)
    _add(element, "published", rfc3339(entry.published_at))
    _add(element, "updated", rfc3339(entry.changed_at))
    _add(element, "content", str(content(entry)), type="html")


def _in(words: Words, html: Markup) -> Markup:
    """Mark a piece written in another language, so it is read out in the right voice."""
    return Markup('<div lang="{}" dir="{}">{}</div>').format(words.lang, words.dir, html)


def content(entry: Entry) -> Markup:
    """The entry as HTML: its dated status, what we did, why we can't, how many said it."""
    html = Markup("<p><strong>{}</strong></p>").format(dated.status_line(entry.status, entry.since))
    if entry.body.text.strip():
        html += _in(entry.body, render_markdown(entry.body.text))
    if entry.status == UpdateStatus.CANT_DO and entry.reason.text:
        html += Markup("<h3>{}</h3>").format(_("Why we can't"))
        html += _in(entry.reason, Markup("<p>{}</p>").format(entry.reason.text))
    if entry.people:
        html += Markup("<p>{}</p>").format(dated.people_said(entry.people))
    return html
