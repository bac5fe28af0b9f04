"""The charity's letterhead on benefits letters and statements, set by an admin.

A benefits office reads a letter from an organisation it may not know: it needs the charity's name,
address, phone number and charity number, and who signs. They are kept as admin settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask import flash
from flask import redirect
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import TextAreaField
from wtforms.validators import Regexp

from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.extensions import db
from app.forms import Form
from app.forms import form_page
from app.forms import text_field
from app.ledger.blueprints import claims_bp as bp
from app.ledger.models import Setting
from app.transactions import unit_of_work

PREFIX = "letterhead."
PARTS = ("name", "address", "phone", "charity_number", "signer_name", "signer_role")


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: str
    phone: str
    charity_number: str
    signer_name: str
    signer_role: str

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def complete(self) -> bool:
        """Whether a benefits office could write back and knows who signed."""
        return bool(self.address and self.signer_name and self.signer_role)


def letterhead() -> Letterhead:
    stored = {
        setting.key.removeprefix(PREFIX): setting.value
        for setting in db.session.scalars(
            select(Setting).where(Setting.key.in_([PREFIX + part for part in PARTS]))
        )
    }
    values = {part: stored.get(part, "") for part in PARTS}
    values["name"] = values["name"] or current_app.config["ORGANISATION_NAME"]
    return Letterhead(**values)


@unit_of_work()
def save_letterhead(values: dict[str, str]) -> None:
    store_letterhead(values)


def store_letterhead(values: dict[str, str]) -> None:
    """Put the values in the session's transaction; the caller commits."""
    for part in PARTS:
        key = PREFIX + part
        setting = db.session.get(Setting, key)
        if setting is None:
            db.session.add(Setting(key=key, value=values.get(part, "")))
        else:
            setting.value = values.get(part, "")


class LetterheadForm(Form):
    name = text_field(_l("Charity's name"), most=120)
    address = text_field(_l("Postal address"), most=400, kind=TextAreaField)
    phone = text_field(
        _l("Phone number"),
        optional=True,
        most=40,
        also=[
            Regexp(
                r"^[0-9+() .-]+$",
                message=_l("Enter a phone number using digits, spaces and + ( ) - only"),
            )
        ],
        render_kw={"inputmode": "tel", "autocomplete": "off", "dir": "ltr"},
    )
    charity_number = text_field(_l("Registered charity number"), most=40, render_kw={"dir": "ltr"})
    signer_name = text_field(_l("Name of the person who signs letters"), most=120)
    signer_role = text_field(_l("Their role"), most=120)

    def values(self) -> dict[str, str]:
        return {part: (self[part].data or "").strip() for part in PARTS}


@bp.route("/letterhead", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def letterhead_page() -> Any:
    form = LetterheadForm()
    if form.validate_on_submit():
        save_letterhead(form.values())
        flash(_("The letterhead is saved. Letters and statements show it from now on."))
        return redirect(url_for("claims.letterhead_page"))
    if not form.is_submitted():
        form.process(data=vars(letterhead()))
    return form_page("ledger/claims/letterhead.html", form)
