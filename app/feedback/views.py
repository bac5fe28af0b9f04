"""The public You said, we did log: /updates, each update's page, and the Atom feed."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from werkzeug.wrappers import Response

from app.auth.guard import public
from app.core.markup import render_markdown
from app.core.numbers import positive_int
from app.core.shared_pages import shared
from app.feedback import dated
from app.feedback import feed
from app.feedback import reading
from app.feedback.models import UpdateStatus
from app.feedback.words import STATUS_WORDS
from app.i18n import current_language

bp = Blueprint("updates", __name__)
FEED_SIZE = 20


# The words every list of updates uses, wherever it appears (home, /me, /updates); globals
# rather than context so the shared macro in templates/updates/_entry.html can reach them.
bp.add_app_template_global(dated.status_line, "status_line")
bp.add_app_template_global(dated.people_said, "people_said")


def _number(raw: str | None) -> int:
    return positive_int(raw, largest=999_999) or 1


def _chosen(raw: str | None, choices: list[reading.Choice]) -> int | None:
    """An id from the list offered; anything else (typed by hand, or gone) means no filter."""
    wanted = positive_int(raw)
    return wanted if wanted in {choice.id for choice in choices} else None


def _filters(args: Mapping[str, str], projects: list, surveys: list) -> reading.Filters:
    status = args.get("status", "")
    return reading.Filters(
        status=UpdateStatus(status) if status in {s.value for s in UpdateStatus} else None,
        project=_chosen(args.get("project"), projects),
        survey=_chosen(args.get("survey"), surveys),
    )


@bp.route("/updates")
@public
@shared
def index() -> str:
    language = current_language().code
    projects, surveys = reading.project_choices(), reading.survey_choices(language)
    filters = _filters(request.args, projects, surveys)
    listing = reading.public_list(filters, _number(request.args.get("page")), language)
    public_count, done_count = reading.counts()
    return render_template(
        "updates/index.html",
        listing=listing,
        filters=filters,
        filtered=bool(filters.args()),
        statuses=STATUS_WORDS,
        projects=projects,
        surveys=surveys,
        public_count=public_count,
        done_count=done_count,
        changed_count=dated.changed_count,
    )


@bp.route("/updates/<int:update_id>")
@public
@shared
def show(update_id: int) -> str:
    detail = reading.one(update_id, current_language().code)
    if detail is None:
        abort(404)
    return render_template(
        "updates/show.html",
        detail=detail,
        entry=detail.entry,
        body=render_markdown(detail.entry.body.text),
        day=dated.day,
        statuses={status.value: words for status, words in STATUS_WORDS.items()},
    )


@bp.route("/updates.atom", endpoint="feed")
@public
def feed_view() -> Response:
    """The latest updates as Atom, in the language asked for with ?locale= (or the reader's)."""
    language = current_language().code
    entries = reading.latest(language, FEED_SIZE)
    body = feed.build(entries, language, current_app.config["ORGANISATION_NAME"])
    return Response(body, content_type="application/atom+xml; charset=utf-8")
