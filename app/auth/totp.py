"""Authenticator-app codes (TOTP, RFC 6238 over HOTP, RFC 4226); the set-up QR code is drawn by
app/core/qr.py.

Written with the standard library: thirty lines are easier to check than a dependency.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote
from urllib.parse import urlencode

STEP_SECONDS = 30
DIGITS = 6
# One step either side, for a phone clock a little off; never more (RFC 6238 section 5.2).
DRIFT_STEPS = 1


def new_secret() -> str:
    """160 random bits, base32 without padding, as authenticator apps expect."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // STEP_SECONDS)


def code_at(secret: str, step: int) -> str:
    """The code an authenticator app shows for this key during this step."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The step (within the allowed drift) whose code this is, or None."""
    if not (len(code) == DIGITS and code.isascii() and code.isdigit()):
        return None
    here = current_step(now)
    for step in range(here - DRIFT_STEPS, here + DRIFT_STEPS + 1):
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def setup_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    label = quote(f"{issuer}:{account}")
    fields = {"secret": secret, "issuer": issuer, "digits": DIGITS, "period": STEP_SECONDS}
    query = urlencode(fields)
    return f"otpauth://totp/{label}?{query}"


def group_key(secret: str) -> str:
    """The key in groups of four, easier to type into a phone by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
