"""The bare one-route Flask app that `make bench` serves beside WithUs, as the yardstick.

Same gunicorn settings, a page of the size of a survey page, compressed like WithUs does, so
the ratio says what WithUs's own work costs and nothing else.
"""

from __future__ import annotations

import gzip

from flask import Flask
from flask import Response
from flask import request

app = Flask(__name__)
PAGE = (
    "<!doctype html><html lang=en><title>Bare</title><h1>Bare</h1>" + "<p>words " * 400
).encode()


@app.route("/")
def page() -> Response:
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        body = gzip.compress(PAGE, compresslevel=6, mtime=0)  # as WithUs does, per request
        return Response(body, mimetype="text/html", headers={"Content-Encoding": "gzip"})
    return Response(PAGE, mimetype="text/html")
