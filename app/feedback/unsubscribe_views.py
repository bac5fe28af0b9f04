"""One-click unsubscribe from messages about updates, without signing in.

The link in each message carries a signed token naming the person. Opening it only shows a
button (mail scanners open links); pressing it stops the messages. Mail apps that follow
RFC 8058 POST "List-Unsubscribe=One-Click" to a second address, which needs no form token.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import Response
from flask import abort
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _

from app.auth.guard import public
from app.core.errors import reshow_on_csrf_failure
from app.extensions import csrf
from app.feedback import update_messages as outbox
from app.forms import Form
from app.forms import form_page
from app.i18n import LOCALE_PARAMETER
from app.i18n import is_supported
from app.people import services as people
from app.transactions import writing

bp = Blueprint("unsubscribe", __name__)
ONE_CLICK_BODY = {"List-Unsubscribe": ["One-Click"]}
LONGEST_TOKEN = 200  # ours are far shorter; anything longer was not made by us


def _person_id(token: str) -> int:
    """Whose link this is; 404 for a link we did not make, or for someone no longer here.

    Raises outbox.LinkExpired for one of ours that is too old to act on.
    """
    person_id = outbox.participant_for_token(token) if len(token) <= LONGEST_TOKEN else None
    if person_id is None or people.get(person_id) is None:
        abort(404)
    return person_id


def _expired_page() -> Response:
    """An old link: a plain page saying how else to stop messages (410: it will not work again)."""
    preferences = url_for("me.preferences", **_locale())
    page = render_template("updates/unsubscribe_expired.html", preferences=preferences)
    return Response(page, status=410, mimetype="text/html")


def _locale() -> dict[str, str]:
    """Keep the language the message's link named on the next page too."""
    named = request.args.get(LOCALE_PARAMETER)
    return {LOCALE_PARAMETER: named} if is_supported(named) else {}


def _stop(person_id: int) -> None:
    with writing():  # also on GET, when they open the page again after stopping
        people.change(person_id, {"hear_back": False})  # doing it twice changes nothing


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
def confirm(token: str) -> Any:
    try:
        person_id = _person_id(token)
    except outbox.LinkExpired:
        return _expired_page()
    form = Form()
    if form.validate_on_submit() or not people.get(person_id).hear_back:
        _stop(person_id)  # or, opened again later, they had already stopped: say so, ask nothing
        preferences = url_for("me.preferences", **_locale())
        return render_template("updates/unsubscribe_done.html", preferences=preferences)
    action = url_for(".confirm", token=token, **_locale())
    return form_page("updates/unsubscribe.html", form, action=action)


@bp.route("/unsubscribe/<token>/one-click", methods=["GET", "POST"])
@public
@csrf.exempt
def one_click(token: str) -> Any:
    """RFC 8058: a mail app's unsubscribe button. Only that exact request skips the form token."""
    if request.method == "GET":  # an older mail app opening the address in a browser
        return redirect(url_for(".confirm", token=token))
    if request.files or request.form.to_dict(flat=False) != ONE_CLICK_BODY:
        abort(400)
    try:
        _stop(_person_id(token))
    except outbox.LinkExpired:
        return _expired_page()
    return Response(_("You will not get these messages any more."), mimetype="text/plain")
