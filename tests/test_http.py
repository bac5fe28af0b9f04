"""Compression and caching: the fewest bytes for a phone on pay-as-you-go data."""

from __future__ import annotations

import gzip

from flask.testing import FlaskClient


def test_pages_are_gzipped_when_the_browser_accepts_it(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    html = gzip.decompress(response.get_data()).decode()
    assert "<h1>Have your say</h1>" in html


def test_pages_are_plain_for_a_browser_without_gzip(client: FlaskClient) -> None:
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert "Have your say" in response.get_data(as_text=True)


def test_stylesheet_is_versioned_compressed_and_cached_for_a_year(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    href = page.split('rel="stylesheet" href="')[1].split('"')[0]
    assert href.startswith("/static/site.css?v=")
    response = client.get(href, headers={"Accept-Encoding": "gzip"})
    response.close()
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert b".skip-link" in gzip.decompress(response.get_data())


def test_stylesheet_uses_logical_properties_so_rtl_mirrors(client: FlaskClient) -> None:
    with client.get("/static/site.css") as response:
        css = response.get_data(as_text=True)
    for physical in (
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align:left",
        "text-align:right",
        "float:",
        "border-left",
        "border-right",
        " left:",
        " right:",
    ):
        assert physical not in css, physical
