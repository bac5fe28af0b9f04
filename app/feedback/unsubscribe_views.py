"""One-click unsubscribe from messages about updates, without signing in."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("unsubscribe", __name__)
