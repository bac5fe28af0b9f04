"""Staff pages to translate an update side by side, and for an admin to take one down."""

from __future__ import annotations

from typing import Any

from flask import flash
from flask import redirect
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.auth.guard import roles_required
from app.auth.models import Role
from app.core.errors import reshow_on_csrf_failure
from app.core.translating import Piece
from app.core.translating import check_language
from app.core.translating import translate_page
from app.feedback import services
from app.feedback.admin.blueprint import bp
from app.feedback.admin.forms import PIECE_LIMITS
from app.feedback.admin.forms import UnpublishForm
from app.feedback.admin.forms import too_long
from app.feedback.admin.pages import WRITERS
from app.feedback.admin.pages import page_words
from app.feedback.admin.pages import staff_id
from app.feedback.admin.pages import update_or_404
from app.feedback.admin.reading import needed_pieces
from app.feedback.admin.reading import needing_update
from app.feedback.models import Update
from app.forms import form_page

PIECE_NAMES = {
    "said": _l("What people said"),
    "body": _l("What we did or will do"),
    "reason": _l("Why we can't do this"),
}


def _pieces(update: Update, stale: dict[str, str]) -> list[Piece]:
    return [
        Piece(
            key,
            key,  # the field is named for the piece: 'said', 'body' or 'reason'
            str(PIECE_NAMES[key]),
            getattr(update, key),
            key != "said",
            PIECE_LIMITS[key],
            stale.get(key),
        )
        for key in needed_pieces(update)
    ]


@bp.route("/<int:update_id>/translate/<lang>", methods=["GET", "POST"])
@roles_required(*WRITERS)
@reshow_on_csrf_failure
def translate(update_id: int, lang: str) -> Any:
    update = update_or_404(update_id)
    check_language(lang, update.main_language)  # before any query: an address can hold anything
    found = _pieces(update, needing_update(update, lang))
    current = services.translations(update.id, lang)

    def save(texts: dict[str, str], fits: frozenset[str]) -> None:
        # Pieces not on the page (a reason, once the status moves on) keep what they had.
        services.save_translations(update.id, lang, current | texts, fits)

    return translate_page(
        (lang, update.main_language),
        found,
        current,
        too_long,
        save,
        url_for(".show", update_id=update.id),
        "update_admin/translate.html",
        update=update,
        done=sum(1 for p in found if current.get(p.key)),
        needed=len(found),
    )


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
            form.form_errors.append(str(error))
        else:
            flash(_("The update is taken down. The reason is kept in its history."))
        if not form.form_errors:
            return redirect(url_for(".show", update_id=update.id))
    return form_page("update_admin/unpublish.html", form, update=update, **page_words())
