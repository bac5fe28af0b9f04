"""The staff pages for updates share this one blueprint: views.py and translate_views.py hang
their pages on it with @bp.route."""

from flask import Blueprint

bp = Blueprint("update_admin", __name__, url_prefix="/staff/updates")
