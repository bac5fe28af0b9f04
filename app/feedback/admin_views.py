"""Staff pages to write, publish, translate and take down updates."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("update_admin", __name__, url_prefix="/staff/updates")
