"""How staff sign-in slows down password guessing without letting anyone lock a colleague out.

A limit on failures per email alone (what we had) lets anyone who knows a staff email stop that
person signing in: ten wrong passwords and the real person is refused too. Following OWASP's
"device cookies" design (Slow Down Online Guessing Attacks with Device Cookies) and the
Authentication Cheat Sheet, failures are counted in layers, and only failures count:

- per (email, network address), tightly: one attacker on one address gets a handful of guesses
  at an account, then waits;
- per network address, loosely: one address guessing many accounts waits too;
- per email from unknown devices: many addresses guessing one account (a botnet) are stopped;
- a browser where this person signed in fully before carries a signed "known device" cookie for
  that email. It is exempt from the three limits above, so the real person's own phone or
  laptop still gets in while an attacker hammers their account, and is held instead to its own
  per-device limit, so a stolen cookie gives no more guesses than a single wrong-password run.

A new device of the real person, on another address, is not held back by an attacker on one
address either: that attacker can only add a few failures to the per-email count before their
own (email, address) limit stops them. Every key uses the normalised email.
"""

from __future__ import annotations

import hashlib
import secrets

from flask import current_app
from flask import request
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature
from itsdangerous import URLSafeTimedSerializer
from werkzeug.wrappers import Response

from app.auth.services import normalise_email

DEVICE_COOKIE = "staff_device"
DEVICE_DAYS = 180
_SALT = "withus-staff-known-device"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def typed_email() -> str:
    return normalise_email(request.form.get("email", ""))[:254]


def _device() -> dict | None:
    raw = request.cookies.get(DEVICE_COOKIE, "")
    if not raw or len(raw) > 400:
        return None
    try:
        value = _serializer().loads(raw, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return None
    return value if isinstance(value, dict) else None


def _email_tag(email: str) -> str:
    # The cookie names the account without holding its address in readable form.
    return hashlib.sha256(email.encode("utf-8")).hexdigest()[:32]


def known_device() -> bool:
    """This browser signed in fully as the account whose email was typed."""
    device = _device()
    return device is not None and device.get("e") == _email_tag(typed_email())


def unknown_device() -> bool:
    return not known_device()


def device_key() -> str:
    device = _device() or {}
    return f"device:{device.get('n', '')}"


def pair_key() -> str:
    return f"pair:{typed_email()}|{get_remote_address()}"


def email_key() -> str:
    return "email:" + typed_email()


def remember_device(response: Response, email: str) -> None:
    """Mark this browser as one where this person really signed in."""
    value = _serializer().dumps({"e": _email_tag(email), "n": secrets.token_urlsafe(12)})
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_DAYS * 86400,
        path="/login",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
