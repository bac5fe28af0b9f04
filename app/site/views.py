"""Home, language choice and health check: the pages anyone can reach."""

from __future__ import annotations

from flask import Blueprint
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from app.auth.guard import public
from app.core.errors import RETRY_AFTER_SECONDS
from app.core.errors import reshow_on_csrf_failure
from app.core.links import safe_local_path
from app.core.shared_pages import shared
from app.extensions import db
from app.feedback import dated
from app.feedback import reading
from app.forms import form_page
from app.i18n import current_language
from app.i18n import set_language_cookie
from app.site.forms import LanguageForm
from app.surveys.content import open_surveys
from app.transactions import unit_of_work

bp = Blueprint("site", __name__)

HOME_UPDATES = 3  # the latest few, kept short so the home page stays small


@bp.route("/")
@public
@shared
def home() -> str:
    language = current_language().code
    updates = reading.latest(language, HOME_UPDATES, people=False)
    return render_template(
        "site/home.html",
        surveys=open_surveys(language),
        updates=updates,
        done_count=reading.done_count() if updates else 0,
        changed_count=dated.changed_count,
    )


@bp.route("/language", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def language() -> tuple[str, int] | Response:
    form = LanguageForm()
    if request.method == "GET":
        form.next.data = safe_local_path(request.args.get("next"), url_for("site.home"))
        form.language.data = current_language().code
    if form.validate_on_submit():
        response = redirect(safe_local_path(form.next.data, url_for("site.home")))
        return set_language_cookie(response, form.language.data or "en")
    return form_page("site/language.html", form)


# Staff pages and people's own pages are nobody's search result; public pages may be found.
ROBOTS = """User-agent: *
Disallow: /staff/
Disallow: /me
Disallow: /login
Disallow: /resume
Allow: /
"""


@bp.route("/robots.txt")
@public
def robots() -> tuple[str, int, dict[str, str]]:
    return ROBOTS, 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.route("/healthz")
@public
def healthz() -> tuple[str, int, dict[str, str]]:
    """Liveness for a proxy or monitor: 200 when the database answers, 503 when it does not."""
    try:
        with unit_of_work():  # a read, ended at once
            db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.remove()
        return (
            "unavailable\n",
            503,
            {
                "Content-Type": "text/plain; charset=utf-8",
                "Retry-After": str(RETRY_AFTER_SECONDS),
                "Cache-Control": "no-store",
            },
        )
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
