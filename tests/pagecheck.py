"""Checks every HTML page the test client fetches: valid, titled, one h1, lang, ids, labels,
links within the page that land somewhere, and forms that say where they post."""

from __future__ import annotations

from collections import Counter

import html5lib

LABELLABLE = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageProblem(AssertionError):
    pass


def parse(html: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        raise PageProblem(f"HTML does not parse cleanly: {error}") from error


def check_page(html: str, path: str) -> None:
    """Raise PageProblem naming the page when a basic page quality is missing."""
    tree = parse(html)
    problems: list[str] = []
    root = tree if tree.tag == "html" else tree.find(".//html")
    if root is None or not root.get("lang"):
        problems.append("<html> has no lang")
    title = tree.find(".//title")
    if title is None or not (title.text or "").strip():
        problems.append("no <title>")
    if len(tree.findall(".//h1")) != 1:
        problems.append(f"{len(tree.findall('.//h1'))} <h1> elements, expected 1")
    ids = Counter(el.get("id") for el in tree.iter() if el.get("id"))
    problems += [f"id {i!r} used {n} times" for i, n in ids.items() if n > 1]
    problems += _unlabelled(tree)
    problems += _links_to_nowhere(tree, set(ids))
    problems += _forms_without_action(tree)
    if problems:
        raise PageProblem(f"{path}: " + "; ".join(problems))


def _unlabelled(tree) -> list[str]:
    labelled_ids = {label.get("for") for label in tree.iter("label")}
    wrapped = {id(el) for label in tree.iter("label") for el in label.iter()}
    problems = []
    for element in tree.iter():
        if element.tag not in LABELLABLE:
            continue
        if element.tag == "input" and element.get("type") in UNLABELLED_INPUT_TYPES:
            continue
        if element.get("id") in labelled_ids or id(element) in wrapped:
            continue
        if element.get("aria-label") or element.get("aria-labelledby"):
            continue
        problems.append(f"<{element.tag} name={element.get('name')!r}> has no label")
    return problems


def _links_to_nowhere(tree, ids: set[str]) -> list[str]:
    """An error summary link (or any #link) must name an element on the page, or it does nothing."""
    targets = (a.get("href", "")[1:] for a in tree.iter("a") if a.get("href", "").startswith("#"))
    return [
        f"link to #{target} but no element has that id"
        for target in targets
        if target and target not in ids
    ]


def _forms_without_action(tree) -> list[str]:
    """A form with no action posts to the page's address with its #fragment, and the redirect
    after it keeps that fragment: the next page opens scrolled to some field."""
    return [
        "a <form method=post> has no action"
        for form in tree.iter("form")
        if (form.get("method") or "").lower() == "post" and not form.get("action")
    ]
