"""Staff pages to translate an update side by side, and for an admin to take one down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.translating import check_seen
from app.extensions import db
from app.feedback import services
from app.feedback.admin.blueprint import bp
from app.feedback.admin.forms import UnpublishForm, translation_form
from app.feedback.admin.pages import WRITERS, page_words, staff_id, update_or_404
from app.feedback.admin.reading import needed_pieces, needing_update
from app.feedback.models import Update
from app.i18n import BY_CODE

PIECE_NAMES = {
    "said": _l("What people said"),
    "body": _l("What we did or will do"),
    "reason": _l("Why we can't do this"),
}


@dataclass(frozen=True)
class Piece:
    key: str  # 'said', 'body' or 'reason': also the form field's name and id
    name: str
    source: str  # the words in the update's main language
    long: bool
    was: str | None = None  # the words it was translated from, when those have changed since

    @property
    def fits(self) -> str:
        """The name of the tick box that says the translation still fits the new words."""
        return f"{self.key}-fits"

    @property
    def seen(self) -> str:
        """The name of the hidden field with the fingerprint of the words shown."""
        return f"{self.key}-seen"


def _pieces(update: Update, stale: dict[str, str]) -> list[Piece]:
    return [
        Piece(key, str(PIECE_NAMES[key]), getattr(update, key), key != "said", stale.get(key))
        for key in needed_pieces(update)
    ]


def _seen_current_words(
    form: Any, found: list[Piece], texts: dict[str, str], current: dict[str, str], fits: frozenset
) -> bool:
    """Every translation typed or confirmed was made beside the words there are now."""
    touched = {p.key: texts[p.key] != current.get(p.key, "") or p.key in fits for p in found}
    checks = [check_seen(form[p.key], form[p.seen], p.source, touched[p.key]) for p in found]
    return all(checks)


@bp.route("/<int:update_id>/translate/<lang>", methods=["GET", "POST"])
@roles_required(*WRITERS)
@reshow_on_csrf_failure
def translate(update_id: int, lang: str) -> Any:
    update = update_or_404(update_id)
    if lang not in BY_CODE or lang == update.main_language:
        abort(404)
    found = _pieces(update, needing_update(update, lang))
    current = services.translations(update.id, lang)
    stale = [p.key for p in found if p.was is not None]
    form = translation_form(
        {p.key: (p.name, current.get(p.key, "")) for p in found},
        stale,
        {p.key: p.source for p in found},
    )
    if form.validate_on_submit():
        # Pieces not on the page (a reason, once the status moves on) keep what they had.
        texts = current | {p.key: form[p.key].data or "" for p in found}
        fits = frozenset(key for key in stale if form[f"{key}-fits"].data)
        if _seen_current_words(form, found, texts, current, fits):
            services.save_translations(update.id, lang, texts, fits)
            flash(_("Your translations are saved."))
            return redirect(url_for(".show", update_id=update.id))
    done = sum(1 for p in found if current.get(p.key))
    page = render_template(
        "update_admin/translate.html",
        form=form,
        update=update,
        pieces=found,
        target=BY_CODE[lang],
        main=BY_CODE.get(update.main_language, BY_CODE["en"]),
        done=done,
        needed=len(found),
        stale=len(stale),
        # Once a translation is begun, say which parts are still to do.
        missing={p.key for p in found if not current.get(p.key)} if current else set(),
    )
    return page, form.http_status


@bp.route("/<int:update_id>/unpublish", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
@reshow_on_csrf_failure
def unpublish(update_id: int) -> Any:
    update = update_or_404(update_id)
    if not update.published and request.method == "GET":
        flash(_("This update is not public."))
        return redirect(url_for(".show", update_id=update.id))
    form = UnpublishForm()
    if form.validate_on_submit():
        try:
            services.unpublish(update.id, form.reason.data or "", staff_id())
        except services.AlreadyDone:
            flash(_("This update is not public."))
        except services.UpdateError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(_("The update is taken down. The reason is kept in its history."))
        if not form.form_errors:
            return redirect(url_for(".show", update_id=update.id))
    page = render_template("update_admin/unpublish.html", form=form, update=update, **page_words())
    return page, form.http_status
