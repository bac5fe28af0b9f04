"""The page checker itself: it must see every HTML page a test fetches, or it checks nothing.

It once skipped every page, because the test client hands bodies back as streams. These tests feed
it broken pages in each form a page can arrive in, so it can never quietly switch off again."""

from __future__ import annotations

import gzip

import pytest
from flask import Flask
from flask import Response
from flask import stream_with_context
from flask.testing import FlaskClient

import tests.conftest as fixtures
from tests.conftest import CheckingClient
from tests.pagecheck import PageProblem

GOOD = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Good</title></head>'
    "<body><h1>Good</h1></body></html>"
)
BROKEN = '<!DOCTYPE html><html><head><title>Broken</title></head><body><h1>One</h1><h1>Two</h1><p id="x"></p><p id="x"></p></body></html>'


def _toy_client() -> FlaskClient:
    toy = Flask("toy")

    @toy.get("/plain/<which>")
    def plain(which: str) -> Response:
        return Response(GOOD if which == "good" else BROKEN, mimetype="text/html")

    @toy.get("/streamed")
    def streamed() -> Response:
        return Response(stream_with_context(iter([BROKEN[:40], BROKEN[40:]])), mimetype="text/html")

    @toy.get("/gzipped")
    def gzipped() -> Response:
        response = Response(gzip.compress(BROKEN.encode()), mimetype="text/html")
        response.headers["Content-Encoding"] = "gzip"
        return response

    @toy.get("/control")
    def control() -> Response:
        return Response(GOOD.replace("Good</h1>", "Good\x01</h1>"), mimetype="text/html")

    @toy.get("/gone")
    def gone() -> Response:
        return Response(BROKEN, status=404, mimetype="text/html")

    toy.test_client_class = CheckingClient
    return toy.test_client()


def test_a_well_made_page_passes() -> None:
    assert _toy_client().get("/plain/good").status_code == 200


@pytest.mark.parametrize("path", ["/plain/broken", "/streamed", "/gzipped", "/control", "/gone"])
def test_a_broken_page_fails_however_it_arrives(path: str) -> None:
    with pytest.raises(PageProblem):
        _toy_client().get(path)


def test_the_body_can_still_be_read_after_the_check() -> None:
    response = _toy_client().get("/plain/good")
    assert "<h1>Good</h1>" in response.get_data(as_text=True)


def test_every_real_page_the_suite_fetches_is_checked(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = fixtures.check_page

    def counting(html: str, path: str) -> None:
        seen.append(path)
        real(html, path)

    monkeypatch.setattr(fixtures, "check_page", counting)
    client.get("/")
    client.get("/updates", headers={"Accept-Encoding": "gzip"})
    client.get("/no-such-page")
    assert seen == ["/", "/updates", "/no-such-page"]
