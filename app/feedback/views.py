"""The public You said, we did log: /updates, each update's page, and the Atom feed."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("updates", __name__)
