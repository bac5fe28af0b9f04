"""One save per form: each form carries a random key, used up with the save it guards."""

from __future__ import annotations

import secrets

from flask import g
from flask import has_request_context
from sqlalchemy.exc import IntegrityError

from app.core.models import FormSubmission
from app.extensions import db


def new_key() -> str:
    key = secrets.token_urlsafe(24)
    if has_request_context() and "shared_keys" in g:
        g.shared_keys.append(key)  # a shared page gets a new one for each visitor (shared_pages)
    return key


def use_key(key: str | None) -> bool:
    """Record key inside the current transaction; False if it was already used (or is missing).

    Call it before the save and commit both together: a second request with the same key,
    however close behind, finds the row (or waits on its lock) and saves nothing.
    """
    if not key or len(key) > 64:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(FormSubmission(key=key))
    except IntegrityError:
        return False
    return True
