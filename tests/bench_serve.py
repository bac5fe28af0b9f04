"""Benchmark: WithUs under gunicorn beside a bare Flask app, driven by wrk (`make bench`).

Run with `python -m tests.bench_serve` (never collected by pytest). It builds a throwaway
database with the demo data, serves it and tests/bench_bare.py with the same gunicorn.conf.py,
and prints each figure beside its target: requests per second as a share of bare Flask's in
the same run, both driven at the same moment (so a busy shared machine is fair to both), p99
at 32 connections, and answering
by 24 people at once (tests/bench_answer.lua) on SQLite, then on PostgreSQL when one answers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import create_engine
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
CONF = ROOT / "gunicorn.conf.py"
LUA = ROOT / "tests" / "bench_answer.lua"
PAGE_SHARE, PAGE_P99_MS = 0.25, 100.0
ANSWERS_PER_S, ANSWER_P95_MS, PEOPLE = 300.0, 100.0, 24
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/wt_perf_bench"


@dataclass(frozen=True)
class Load:
    rps: float
    p99_ms: float
    bad: int  # socket errors plus responses that were not 2xx or 3xx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "WITHUS_ENV": "production",
        "SECRET_KEY": "bench-only-" + "k" * 40,
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": "memory://",
        "PYTHONWARNINGS": "ignore",
        # A real site will not start without its public address; the bench serves on loopback.
        "WITHUS_PUBLIC_URL": "http://127.0.0.1",
    }


def _flask(source: Path, database_url: str, *args: str) -> None:
    subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=source,
        env=_env(database_url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _empty_postgres(url: str) -> bool:
    """A fresh wt_perf_bench database, or False when no PostgreSQL answers."""
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    name = url.rsplit("/", 1)[1]
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001  no PostgreSQL here: say so and skip it
        print(f"PostgreSQL not reachable ({type(error).__name__}); skipping it")
        return False
    finally:
        admin.dispose()
    return True


@contextmanager
def serving(source: Path, target: str, database_url: str) -> Iterator[int]:
    port = _free_port()
    command = [str(BIN / "gunicorn"), "-c", str(CONF), "--bind", f"127.0.0.1:{port}", target]
    server = subprocess.Popen(command, cwd=source, env=_env(database_url))
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wrk_command(url: str, seconds: int, connections: int, cookie: str) -> list[str]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    return [*command, url]


def _parse(out: str) -> Load:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s*(\d+)", out))
    for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out):
        bad += int(n)
    return Load(rps, float(p99.group(1)) * scale, bad)


def wrk(url: str, seconds: int, connections: int = 32, cookie: str = "") -> Load:
    command = _wrk_command(url, seconds, connections, cookie)
    return _parse(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def side_by_side(url: str, bare_url: str, seconds: int, cookie: str) -> tuple[Load, Load]:
    """WithUs and bare Flask driven at the same moment, so both meet the same machine load."""
    ours = subprocess.Popen(
        _wrk_command(url, seconds, 32, cookie), stdout=subprocess.PIPE, text=True
    )
    bare = subprocess.Popen(
        _wrk_command(bare_url, seconds, 32, ""), stdout=subprocess.PIPE, text=True
    )
    return _parse(ours.communicate()[0]), _parse(bare.communicate()[0])


class Person:
    """One browser, over one keep-alive connection: its session cookie and form token."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def go(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        try:
            return self._go(method, path, form)
        except (http.client.RemoteDisconnected, ConnectionError):
            self.connection.close()  # the server closed an idle keep-alive connection: reopen
            return self._go(method, path, form)

    def _go(self, method: str, path: str, form: dict[str, str] | None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = urlencode(form) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        page = response.read().decode()
        found = re.match(r"(session=[^;]*)", response.getheader("Set-Cookie") or "")
        if found:
            self.cookie = found.group(1)
        return response.status, page

    def token(self, page: str, name: str = "csrf_token") -> str:
        return re.search(rf'name="{name}" type="hidden" value="([^"]+)"', page).group(1)


def _ready_person(port: int, slug: str) -> Person:
    """Someone who has opened the survey, started it and agreed to take part."""
    person = Person(port)
    _status, page = person.go("GET", f"/s/{slug}")
    form = {"csrf_token": person.token(page), "form_key": person.token(page, "form_key")}
    assert person.go("POST", f"/s/{slug}", form)[0] == 302
    _status, page = person.go("GET", f"/s/{slug}/consent")
    assert (
        person.go("POST", f"/s/{slug}/consent", {"csrf_token": person.token(page), "agree": "y"})[0]
        == 302
    )
    return person


def _steps(database_url: str, slug: str) -> list[tuple[str, str]]:
    """(path, form body) for each demo question, in an order every branch allows."""
    from app.demo.survey import QUESTIONS
    from tests.surveys.helpers import FULL_ANSWERS

    engine = create_engine(database_url)
    with engine.connect() as connection:
        ids = connection.execute(
            text(
                "SELECT q.id FROM questions q JOIN surveys s ON s.id = q.survey_id "
                "WHERE s.slug = :slug AND NOT q.retired ORDER BY q.position"
            ),
            {"slug": slug},
        ).scalars()
        by_key = {key: qid for (key, *_rest), qid in zip(QUESTIONS, ids, strict=True)}
    engine.dispose()
    return [
        (f"/s/{slug}/q/{by_key[key]}", urlencode(data, doseq=True))
        for key, data in FULL_ANSWERS.items()
    ]


def _answers_stored_once(database_url: str) -> bool:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        twice = connection.execute(
            text(
                "SELECT COUNT(*) FROM (SELECT response_id, question_id FROM answers "
                "GROUP BY response_id, question_id HAVING COUNT(*) > 1) AS repeated"
            )
        ).scalar()
    engine.dispose()
    return twice == 0


def answering(port: int, database_url: str, seconds: int, slug: str = "cafe") -> dict[str, float]:
    people = [_ready_person(port, slug) for _ in range(PEOPLE)]
    steps = _steps(database_url, slug)
    with tempfile.TemporaryDirectory() as scratch:
        people_file, steps_file = Path(scratch) / "people", Path(scratch) / "steps"
        tokens = [p.token(p.go("GET", steps[0][0])[1]) for p in people]
        people_file.write_text(
            "".join(f"{p.cookie}\t{t}\n" for p, t in zip(people, tokens, strict=True))
        )
        steps_file.write_text("".join(f"{path}\t{body}\n" for path, body in steps))
        for p in people:
            p.connection.close()
        env = {**os.environ, "BENCH_PEOPLE": str(people_file), "BENCH_STEPS": str(steps_file)}
        command = ["wrk", f"-t{PEOPLE}", f"-c{PEOPLE}", f"-d{seconds}s", "-s", str(LUA)]
        command.append(f"http://127.0.0.1:{port}/")
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    found = dict(re.findall(r"(\w+)=([\d.]+)", out.split("BENCH", 1)[1]))
    figures = {key: float(value) for key, value in found.items()}
    figures["per_second"] = figures["answers"] / figures["seconds"]
    figures["stored_once"] = float(_answers_stored_once(database_url))
    return figures


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _machine() -> str:
    model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return f"{os.cpu_count()} cores, {model.group(1).strip() if model else 'unknown CPU'}"


def _mark(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def pages(source: Path, database_url: str, seconds: int) -> list[str]:
    lines = []
    with (
        serving(source, "wsgi:app", database_url) as port,
        serving(ROOT, "tests.bench_bare:app", database_url) as bare_port,
    ):
        person = _ready_person(port, "cafe")
        first = _steps(database_url, "cafe")[0][0]
        bare_url = f"http://127.0.0.1:{bare_port}/"
        targets = [
            ("survey start /s/cafe", "/s/cafe", ""),
            ("a question page", first, person.cookie),
            ("/updates", "/updates", ""),
            ("/ (home)", "/", ""),
        ]
        for label, path, cookie in targets:
            url = f"http://127.0.0.1:{port}{path}"
            wrk(url, 1, cookie=cookie)  # warm: templates compiled, caches filled
            ours, bare = side_by_side(url, bare_url, seconds, cookie)
            share = ours.rps / bare.rps
            ok = share >= PAGE_SHARE and ours.p99_ms < PAGE_P99_MS and ours.bad == 0
            lines.append(
                f"{_mark(ok)} {label:<22} {ours.rps:7.0f} req/s = {share:5.1%} of bare "
                f"{bare.rps:6.0f} (target >= {PAGE_SHARE:.0%}); p99 {ours.p99_ms:6.1f} ms "
                f"(target < {PAGE_P99_MS:.0f}); errors {ours.bad}"
            )
            print(lines[-1], flush=True)
        visits = [(path, cookie) for _label, path, cookie in targets]
        lines.append(_cpu_line(source, database_url, visits))
        print(lines[-1], flush=True)
    return lines


def _cpu_line(source: Path, database_url: str, visits: list[tuple[str, str]]) -> str:
    """CPU per request in-process beside bare Flask's: for the record, not a target. Each page
    is fetched as wrk fetched it: with the person's cookie, or as a visitor without one."""
    paths = [path for path, _cookie in visits]
    command = [PYTHON, str(ROOT / "tests" / "bench_cpu.py"), json.dumps(visits)]
    out = subprocess.run(
        command, cwd=source, env=_env(database_url), capture_output=True, text=True, check=True
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    shown = ", ".join(f"{path} {found[path]:.2f}" for path in paths)
    return f"info CPU ms per request in-process: {shown}; bare Flask {found['bare']:.2f}"


def answers(source: Path, database_url: str, seconds: int, name: str) -> str:
    with serving(source, "wsgi:app", database_url) as port:
        figures = answering(port, database_url, seconds)
    ok = (
        figures["per_second"] >= ANSWERS_PER_S
        and figures["p95_ms"] < ANSWER_P95_MS
        and figures["errors"] == 0
        and figures["stored_once"] == 1.0
    )
    line = (
        f"{_mark(ok)} answering on {name:<10} {figures['per_second']:6.0f} answers/s "
        f"(target >= {ANSWERS_PER_S:.0f}) by {PEOPLE} people; p95 {figures['p95_ms']:.1f} ms "
        f"p99 {figures['p99_ms']:.1f} ms per request (target p95 < {ANSWER_P95_MS:.0f}); "
        f"errors {figures['errors']:.0f}; every answer stored once: "
        f"{'yes' if figures['stored_once'] else 'NO'}"
    )
    print(line, flush=True)
    return line


def _demo_database(source: Path, url: str) -> None:
    _flask(source, url, "db", "upgrade")
    _flask(source, url, "withus", "seed-demo")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--source", type=Path, default=ROOT, help="a WithUs tree to measure")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--only", choices=["pages", "answers"], default=None)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is missing: `apt-get install wrk` (make bench does it)", file=sys.stderr)
        return 2
    print(f"machine: {_machine()}; load average before: {_load_average()}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        sqlite_url = f"sqlite:///{Path(scratch) / 'bench.db'}"
        _demo_database(args.source, sqlite_url)
        if args.only in (None, "pages"):
            lines += pages(args.source, sqlite_url, args.seconds)
        if args.only in (None, "answers"):
            lines.append(answers(args.source, sqlite_url, args.seconds, "SQLite"))
    if args.only in (None, "answers") and not args.no_postgres and _empty_postgres(POSTGRES):
        _demo_database(args.source, POSTGRES)
        lines.append(answers(args.source, POSTGRES, args.seconds, "PostgreSQL"))
    print(f"load average after: {_load_average()}")
    print("\n".join(lines))
    return 0 if all(line.startswith(("ok", "info")) for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
