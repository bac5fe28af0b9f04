"""CPU time of one request, in-process: the figure a busy shared machine cannot blur.

Run by tests/bench_serve.py as `python tests/bench_cpu.py '[["PATH", "COOKIE or empty"], ...]'`
from the root of the WithUs tree to measure, with the database in DATABASE_URL. Each path gets a
client of its own: a page fetched without a cookie is what a new visitor gets. Prints one JSON
object: milliseconds of CPU (time.process_time) per request for each path, and for bare Flask.
"""

from __future__ import annotations

import json
import os
import sys
import time

REQUESTS = 200


def cpu_ms(client, path: str, cookie: str) -> float:
    headers = {"Accept-Encoding": "gzip"}
    if cookie:  # the test client keeps its own cookie jar and drops a Cookie header
        name, _, value = cookie.partition("=")
        client.set_cookie(name, value, domain="127.0.0.1")
    # The site answers only to its public address (WITHUS_PUBLIC_URL, loopback for the bench).
    here = "http://127.0.0.1"
    for _ in range(10):  # warm: templates compiled, survey built
        assert client.get(path, headers=headers, base_url=here).status_code == 200, path
    started = time.process_time()
    for _ in range(REQUESTS):
        client.get(path, headers=headers, base_url=here)
    return (time.process_time() - started) / REQUESTS * 1000


def main() -> None:
    visits = json.loads(sys.argv[1])
    sys.path.insert(0, os.getcwd())  # the tree being measured, not this file's
    from wsgi import app  # noqa: PLC0415

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from bench_bare import app as bare  # noqa: PLC0415

    found = {path: cpu_ms(app.test_client(), path, cookie) for path, cookie in visits}
    found["bare"] = cpu_ms(bare.test_client(), "/", "")
    print(json.dumps(found))


if __name__ == "__main__":
    main()
