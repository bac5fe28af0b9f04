"""Where it is safe to send someone next."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_local_path(target: str | None, default: str) -> str:
    """Only ever redirect to a path on this site, never to another one."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default  # a line break would split the Location header; NUL has no place here
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
