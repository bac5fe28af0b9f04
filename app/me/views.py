"""A participant's own area at /me, and signing in to it without a password."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_babel import format_date
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from markupsafe import Markup
from werkzeug.wrappers import Response

from app.auth.guard import public
from app.core.errors import reshow_on_csrf_failure
from app.core.links import public_url
from app.core.links import safe_local_path
from app.db import utcnow
from app.extensions import limiter
from app.feedback import reading
from app.forms import form_page
from app.forms import needs_token
from app.i18n import current_language
from app.ledger.claims import status_label
from app.ledger.models import ROLE_NAMES
from app.ledger.models import ClaimStatus
from app.ledger.money import format_pence
from app.ledger.statement_pages import hours_text
from app.ledger.statement_pages import letter_page
from app.ledger.statement_pages import statement_page
from app.me import export
from app.me import held
from app.people import mail
from app.people import services
from app.people import signin
from app.people.forms import ButtonForm
from app.people.forms import CardCodeForm
from app.people.forms import EmailCodeForm
from app.people.forms import EmailForm
from app.people.forms import LinkForm
from app.people.forms import MyPreferencesForm
from app.people.forms import describe_person
from app.people.guard import current_participant
from app.people.guard import participant_required
from app.people.guard import sign_in_participant
from app.people.guard import sign_out_participant
from app.transactions import writing

bp = Blueprint("me", __name__, url_prefix="/me")
STAFF_LANGUAGE = "en"  # staff type session titles and the like in English
SENT_EMAIL = "me_sign_in_email"  # the address a code was asked for, to fill in the next page


def _failed_limit() -> str:
    return current_app.config["SIGN_IN_LIMIT"]


def _address_limit() -> str:
    return current_app.config["SIGN_IN_ADDRESS_LIMIT"]


def _send_limit() -> str:
    return current_app.config.get("ME_EMAIL_LIMIT", "5 per 15 minutes")


def _send_address_limit() -> str:
    return current_app.config.get("ME_EMAIL_ADDRESS_LIMIT", "20 per 15 minutes")


def _failed(response: Response) -> bool:
    return response.status_code != 302


# Typing a code with an email address and typing it on an emailed link's page draw on the same
# limits, keyed on the person as the lookup cleans the address. Failures count in two layers, as
# for staff (app/auth/throttle.py): tightly per person and network address, so a stranger who
# guesses at someone's code is stopped without stopping the person on their own phone; and more
# loosely per person from everywhere, so many addresses together still get few guesses at a
# six-digit code that lives ten minutes. Asking for codes is layered the same way.
GUESSES = "me-code-guesses"
GUESSES_EVERYWHERE = "me-code-guesses-everywhere"


def _person_limit() -> str:
    return current_app.config["SIGN_IN_PERSON_LIMIT"]


def _send_person_limit() -> str:
    return current_app.config["ME_EMAIL_PERSON_LIMIT"]


def _email_key() -> str:
    return signin.limit_key(request.form.get("email", ""))


def _link_key() -> str:
    return signin.limit_key_for_code(request.form.get("c"))


def _email_pair_key() -> str:
    return f"{_email_key()}|{get_remote_address()}"


def _link_pair_key() -> str:
    return f"{_link_key()}|{get_remote_address()}"


def _signed_in(person: Any) -> Response:
    signin.revoke_codes(person.id)  # codes still in their inbox are no use to anyone now
    sign_in_participant(person)
    flash(_("You are signed in."), "success")
    target = safe_local_path(request.args.get("next"), url_for(".home"))
    return redirect(target if target.startswith("/me") else url_for(".home"))


def _guesses_limited(pair_key: Any, person_key: Any) -> Any:
    """Refused codes count per network address, per person and address (shared by the typed
    code and the emailed link, so switching between them gains nothing), and per person from
    everywhere, looser."""

    def decorate(view: Any) -> Any:
        for limit in (
            limiter.shared_limit(
                _person_limit,
                GUESSES_EVERYWHERE,
                methods=["POST"],
                key_func=person_key,
                deduct_when=_failed,
            ),
            limiter.shared_limit(
                _failed_limit, GUESSES, methods=["POST"], key_func=pair_key, deduct_when=_failed
            ),
            limiter.limit(_address_limit, methods=["POST"], deduct_when=_failed),
        ):
            view = limit(view)
        return view

    return decorate


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@limiter.limit(_failed_limit, methods=["POST"], deduct_when=_failed)
def sign_in() -> Any:
    if request.method == "GET" and current_participant() is not None:
        return redirect(url_for(".home"))
    form = CardCodeForm()
    if form.validate_on_submit():
        person = signin.participant_by_card(form.code.data or "")
        if person is not None:
            return _signed_in(person)
        form.code.errors.append(_("That code did not work. Check it and try again."))
    return form_page("me/sign_in.html", form)


@bp.route("/sign-in/by-email", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@limiter.limit(_send_address_limit, methods=["POST"])
@limiter.limit(_send_limit, methods=["POST"], key_func=_email_pair_key)
@limiter.limit(_send_person_limit, methods=["POST"], key_func=_email_key)
def by_email() -> Any:
    form = EmailForm()
    if form.validate_on_submit():
        for issued in signin.issue_email_codes(form.email.data or ""):
            # Which code, never the code itself: addresses end up in logs and histories.
            link = public_url("me.email_link", c=issued.code_id)
            mail.send_sign_in_code(issued, link)
        session[SENT_EMAIL] = signin.normalise_email(form.email.data or "")
        # The same words whether or not we know the address, so nobody can test who is here.
        flash(_("If we have that email address, we have sent a code to it."))
        return redirect(url_for(".code"))
    return form_page("me/by_email.html", form)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@_guesses_limited(_email_pair_key, _email_key)
def code() -> Any:
    form = EmailCodeForm()
    if request.method == "GET":
        form.email.data = session.get(SENT_EMAIL, "")
    if form.validate_on_submit():
        person = signin.redeem_typed_code(form.email.data or "", form.code.data or "")
        if person is not None:
            return _signed_in(person)
        form.code.errors.append(_not_working())
    return form_page("me/code.html", form)


def _not_working() -> str:
    return _("That code did not work. Codes work once, for 10 minutes. You can ask for a new one.")


@bp.route("/sign-in/email", methods=["GET", "POST"])
@public
@reshow_on_csrf_failure
@_guesses_limited(_link_pair_key, _link_key)
def email_link() -> Any:
    """The emailed link says which code, never the code: the person types it from the email.

    So the secret never sits in an address (logs, history), mail scanners opening the link sign
    nobody in, and the page is the same for any ?c=, live, used or made up: it reveals nothing.
    """
    form = LinkForm()
    if request.method == "GET":
        form.c.data = str(signin.parse_code_id(request.args.get("c")) or "")
    if form.validate_on_submit():
        found = signin.parse_code_id(form.c.data)
        person = signin.redeem_link(found, form.code.data or "") if found else None
        if person is not None:
            return _signed_in(person)
        form.code.errors.append(_not_working())
    return form_page("me/email_link.html", form)


@bp.route("/sign-out", methods=["POST"])
@participant_required
@needs_token
def sign_out() -> Response:
    sign_out_participant()
    flash(_("You have signed out."), "success")
    return redirect(url_for(".sign_in"))


def _me() -> Any:
    person = current_participant()
    assert person is not None  # participant_required has checked
    return person


@bp.route("")
@participant_required
def home() -> str:
    person = _me()
    looked_at = utcnow()  # before reading, so an update changed meanwhile stays new next time
    updates = reading.for_participant(person.id, current_language().code, person.updates_seen_at)
    page = _home_page(person, updates)
    with writing():  # a page view that writes: see app.transactions
        reading.mark_seen(person.id, looked_at)
    return page


def _home_page(person: Any, updates: list[reading.Entry]) -> str:
    sessions = export.involvement(person.id)
    rows = [
        (
            format_date(s.held_on),
            _staff_words(s.title),
            str(ROLE_NAMES.get(s.role, s.role)),
            _hours(s.minutes),
        )
        for s in sessions
    ]
    claims = [
        (format_date(claim.created_at), status_label(claim.status), format_pence(total))
        for claim, total in export.claims_of(person.id)
    ]
    return render_template(
        "me/home.html",
        person=person,
        sessions=rows,
        total_time=hours_text(sum(s.minutes for s in sessions)),
        claims=claims[:5],
        claims_url="/me/claims",
        button_form=ButtonForm(),
        updates=updates,
    )


def _staff_words(text: str) -> str | Markup:
    """Words staff typed (a session's title) are in English: marked so on other languages' pages,
    so screen readers say them in English and they run left to right."""
    if current_language().code == STAFF_LANGUAGE:
        return text
    return Markup('<span lang="{}" dir="ltr">{}</span>').format(STAFF_LANGUAGE, text)


def _hours(minutes: int) -> str:
    return format_decimal(minutes / 60, format="#,##0.##")


@bp.route("/preferences", methods=["GET", "POST"])
@participant_required
@reshow_on_csrf_failure
def preferences() -> Any:
    person = _me()
    form = MyPreferencesForm(data=None if request.method == "POST" else _prefs(person))
    if form.validate_on_submit():
        services.change(person.id, {**form.details(), "paused": form.paused.data == "yes"})
        flash(_("Your choices are saved."), "success")
        return redirect(url_for(".home"))
    return form_page("me/preferences.html", form)


def _prefs(person: Any) -> dict[str, Any]:
    return {
        "preferred_language": person.preferred_language,
        "contact_ways": list(person.contact_ways or []),
        "hear_back": "yes" if person.hear_back else "no",
        "access_needs": list(person.access_needs or []),
        "interpreter_language": person.interpreter_language,
        "access_other": person.access_other,
        "payment_preference": person.payment_preference.value,
        "paused": "yes" if person.paused else "no",
    }


@bp.route("/data")
@participant_required
def data() -> str:
    person = _me()
    return _data_page(person, export.everything_about(person.id))


def _data_page(person: Any, everything: dict[str, Any]) -> str:
    return render_template(
        "me/data.html",
        rows=describe_person(person, staff=False),
        held=everything,
        when=_when,
        role_words=ROLE_NAMES,
        status_words={status.value: status_label(status) for status in ClaimStatus},
    )


def _when(iso: str | None) -> str:
    """A stored moment, as a date the reader knows; a dash when it never happened."""
    return format_date(datetime.fromisoformat(iso)) if iso else "–"


@bp.route("/data.json")
@participant_required
def data_json() -> Response:
    body = json.dumps(export.everything_about(_me().id), ensure_ascii=False, indent=2)
    return _download(body, "application/json", held.EXPORT_NAME)


@bp.route("/data.zip")
@participant_required
def data_zip() -> Response:
    """The same data with the receipt photos beside it, in one file any phone can open."""
    person = _me()
    everything = export.everything_about(person.id)
    # The page they can read, beside the file a computer reads and the photos.
    readable = _data_page(person, everything)
    body = held.as_zip(everything, held.receipt_images(person.id), readable)
    return _download(body, "application/zip", "my-data.zip")


def _download(body: str | bytes, mimetype: str, filename: str) -> Response:
    disposition = f'attachment; filename="{filename}"'
    headers = {"Content-Disposition": disposition, "Cache-Control": "no-store"}
    return Response(body, mimetype=mimetype, headers=headers)


@bp.route("/statement")
@participant_required
def statement() -> Any:
    """Their own payment statement, to print or keep; dates as for staff."""
    return statement_page("ledger/statements/statement.html", _me().id, ".letter", for_them=True)


@bp.route("/letter")
@participant_required
def letter() -> Any:
    """Their own letter for the benefits office."""
    return letter_page(_me().id, ".letter", for_them=True)
