"""Staff pages for the people who take part: add, edit, pause, print a sign-in card."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth.guard import current_staff
from app.auth.guard import roles_required
from app.auth.guard import staff_has
from app.auth.models import ALL_STAFF
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.links import public_url
from app.extensions import db
from app.forms import form_page
from app.forms import needs_token
from app.i18n import BY_CODE
from app.i18n import DEFAULT
from app.i18n import formatting_locale
from app.i18n import language_names
from app.people import services
from app.people import signin
from app.people.forms import CONTACT_WAY_WORDS
from app.people.forms import ButtonForm
from app.people.forms import ParticipantForm
from app.people.forms import PauseForm
from app.people.forms import describe_person
from app.people.models import Participant
from app.people.staff_link import is_own_record

bp = Blueprint("people", __name__, url_prefix="/staff/people")
EDITORS = (Role.ADMIN, Role.COORDINATOR)
NEW_PERSON = {
    "preferred_language": "en",
    "hear_back": "no",
    "receives_benefits": "no",
    "payment_preference": "bank_transfer",
}


def _person(participant_id: int) -> Participant:
    return db.get_or_404(Participant, participant_id)


def _live_person(participant_id: int) -> Participant:
    """A person whose details may change; an erased record is kept only for payments."""
    person = _person(participant_id)
    if person.erased_at is not None:
        abort(404)
    return person


def _may_change() -> bool:
    return staff_has(*EDITORS)


def _is_admin() -> bool:
    return staff_has(Role.ADMIN)


@bp.route("/")
@roles_required(*ALL_STAFF)
def index() -> str:
    return render_template(
        "people/index.html",
        people=services.list_people(),
        may_change=_may_change(),
        contact_words=CONTACT_WAY_WORDS,
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def add() -> Any:
    form = ParticipantForm(data=None if request.method == "POST" else NEW_PERSON)
    if form.validate_on_submit():
        try:
            participant_id = services.add(form.details(), form.form_key.data)
        except services.AlreadyDone:
            flash(_("That person was already added."))
            return redirect(url_for(".index"))
        flash(_("Person added."))
        return redirect(url_for(".view", participant_id=participant_id))
    form.form_key.data = form.form_key.data or new_key()
    return form_page("people/form.html", form, person=None)


@bp.route("/<int:participant_id>")
@roles_required(*ALL_STAFF)
def view(participant_id: int) -> str:
    person = _person(participant_id)
    return render_template(
        "people/view.html",
        person=person,
        rows=describe_person(person, staff=True),
        may_change=_may_change() and person.erased_at is None,
        may_erase=_is_admin() and person.erased_at is None,
        button_form=ButtonForm(),
    )


@bp.route("/<int:participant_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
@reshow_on_csrf_failure
def edit(participant_id: int) -> Any:
    person = _live_person(participant_id)
    form = ParticipantForm(data=None if request.method == "POST" else _as_form_data(person))
    if form.validate_on_submit():
        services.change(person.id, form.details())
        flash(_("Changes saved."))
        return redirect(url_for(".view", participant_id=person.id))
    return form_page("people/form.html", form, person=person)


def _as_form_data(person: Participant) -> dict[str, Any]:
    """The person's record in the shape the form expects (yes/no words for true/false)."""
    data = {field: getattr(person, field) for field in services.EDITABLE}
    data["hear_back"] = "yes" if person.hear_back else "no"
    data["receives_benefits"] = "yes" if person.receives_benefits else "no"
    data["payment_preference"] = person.payment_preference.value
    return data


@bp.route("/<int:participant_id>/pause", methods=["POST"])
@roles_required(*EDITORS)
def pause(participant_id: int) -> Response:
    person = _live_person(participant_id)
    form = PauseForm()
    if not form.validate_on_submit():
        abort(400)
    paused = form.paused.data == "yes"
    services.set_paused(person.id, paused)
    flash(_("Paused. Nobody will contact them.") if paused else _("They are taking part again."))
    return redirect(url_for(".view", participant_id=person.id))


def _card_words(language: str) -> dict[str, str]:
    """The card is for the person, so it is in the language they chose, whoever prints it."""
    with force_locale(formatting_locale(language)):
        return {
            "go_to": _("To see what you have done with us, go to:"),
            "your_code": _("Your code:"),
            "keep_safe": _("Keep this card safe. Anyone with the code can see your details."),
        }


@bp.route("/<int:participant_id>/card", methods=["POST"])
@roles_required(*EDITORS)
@needs_token
def card(participant_id: int) -> Any:
    person = _live_person(participant_id)
    if is_own_record(person, current_staff()):
        flash(_("This record has your own email address. Ask someone else to print your card."))
        return redirect(url_for(".view", participant_id=person.id))
    code = signin.new_card_code(person.id)
    card_language = BY_CODE.get(person.preferred_language, BY_CODE[DEFAULT])
    page = render_template(
        "people/card.html",
        person=person,
        code=signin.format_card_code(code),
        sign_in_url=public_url("me.sign_in"),
        card_language=card_language,
        card_words=_card_words(card_language.code),
        card_language_name=language_names([card_language.code]),
    )
    # The code is shown once: never keep this page in any cache or the browser's history copy.
    return page, 200, {"Cache-Control": "no-store"}
