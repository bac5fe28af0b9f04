"""What you told us: the staff page to choose and publish a survey's summary of results."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("summary_admin", __name__, url_prefix="/staff/surveys")
