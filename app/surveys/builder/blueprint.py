"""The survey builder's one blueprint: every page for building, translating, previewing and
entering surveys hangs on it with @bp.route, from the view modules beside this one."""

from flask import Blueprint

bp = Blueprint("survey_admin", __name__, url_prefix="/staff/surveys")
