"""A consistent copy of the SQLite database while the site keeps running.

SQLite's online backup API copies every page inside one read transaction, so the copy is the
database as it was at one moment even while others write; copying the file with cp is not.
PostgreSQL has its own tool for this, pg_dump, and we point to it rather than imitate it.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from pathlib import Path

from sqlalchemy.engine import URL


class BackupRefused(Exception):
    """No backup was made; the message says what to do instead."""


def backup_sqlite(database: Path, target: Path) -> int:
    """Copy the database at `database` to `target` (never over an existing file); its page count."""
    if target.exists():
        raise BackupRefused(f"{target} already exists. Choose a new file name.")
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(database, timeout=30)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)  # all pages in one step: one snapshot
        check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        pages = copy.execute("PRAGMA page_count").fetchone()[0]
    finally:
        copy.close()
        source.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupRefused(f"The copy failed its integrity check: {check}")
    os.replace(partial, target)  # a half-written copy never carries the real name
    return pages


def pg_dump_command(url: URL, target: str) -> str:
    """The pg_dump line for this database, without its password (pg_dump asks for it)."""
    parts = ["pg_dump", "--format=custom", f"--file={target}"]
    if url.host:
        parts.append(f"--host={url.host}")
    if url.port:
        parts.append(f"--port={url.port}")
    if url.username:
        parts.append(f"--username={url.username}")
    parts.append(url.database or "")
    return shlex.join(parts)
