"""The staff page to translate a survey: every piece side by side with its main-language words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.translating import check_seen, seen_field
from app.i18n import BY_CODE
from app.surveys.builder import services
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import still_fits_field, translation_field, translation_form
from app.surveys.builder.lookup import BUILDERS, survey_or_404
from app.surveys.content import completeness, needing_update, pieces, translations
from app.surveys.models import Survey

SURVEY_PIECE_NAMES = {
    "title": lambda: _("Title"),
    "organiser": lambda: _("Who is asking"),
    "intro": lambda: _("Introduction"),
    "what_happens": lambda: _("What happens to the answers"),
    "consent_text": lambda: _("What people agree to"),
}
LIMITS = {"title": 200, "organiser": 200, "o": 300, "text": 500, "help": 2000}
PARAGRAPHS = ("intro", "what_happens", "consent_text", "help")


@dataclass(frozen=True)
class Piece:
    key: str  # as stored: 'title', 'q:12:text', 'o:40:label'
    field: str  # the form field's name and id
    name: str  # what staff see as its label
    source: str  # the words in the survey's main language
    long: bool
    limit: int
    was: str | None = None  # the words it was translated from, when those have changed since

    @property
    def fits(self) -> str:
        """The name of the tick box that says the translation still fits the new words."""
        return f"{self.field}-fits"

    @property
    def seen(self) -> str:
        """The name of the hidden field with the fingerprint of the words shown."""
        return f"{self.field}-seen"


def _pieces(survey: Survey, stale: dict[str, str]) -> list[Piece]:
    names = _names(survey)
    found = []
    for key, source in pieces(survey):
        kind = key.split(":")[-1] if key.startswith("q:") else key.split(":")[0]
        long = kind in PARAGRAPHS or len(source) > 100
        field = "piece-" + key.replace(":", "-")
        limit = LIMITS.get(kind, 5000)
        found.append(Piece(key, field, names[key], source, long, limit, stale.get(key)))
    return found


def _seen_current_words(
    form: Any, found: list[Piece], texts: dict[str, str], current: dict[str, str], fits: frozenset
) -> bool:
    """Every translation typed or confirmed was made beside the words there are now."""
    checks = [
        check_seen(
            form[p.field],
            form[p.seen],
            p.source,
            texts[p.key] != current.get(p.key, "") or p.key in fits,
        )
        for p in found
    ]
    return all(checks)


def _missing(found: list[Piece], current: dict[str, str]) -> set[str]:
    """Pieces still to translate, once a translation is begun (a new answer, say)."""
    return {p.key for p in found if p.key not in current} if current else set()


def _names(survey: Survey) -> dict[str, str]:
    names = {key: name() for key, name in SURVEY_PIECE_NAMES.items()}
    live = [q for q in survey.questions if not q.retired]
    for number, question in enumerate(live, start=1):
        names[f"q:{question.id}:text"] = _("Question %(number)d", number=number)
        names[f"q:{question.id}:help"] = _("Question %(number)d: what this means", number=number)
        options = [o for o in question.options if not o.retired]
        for answer, option in enumerate(options, start=1):
            names[f"o:{option.id}:label"] = _(
                "Question %(number)d: answer %(answer)d", number=number, answer=answer
            )
    return names


@bp.route("/<int:survey_id>/translate/<lang>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def translate(survey_id: int, lang: str) -> Any:
    survey = survey_or_404(survey_id)
    if lang not in BY_CODE or lang == survey.main_language:
        abort(404)
    found, current = _pieces(survey, needing_update(survey, lang)), translations(survey.id, lang)
    fields = {
        p.field: translation_field(p.name, p.long, p.limit, current.get(p.key, "")) for p in found
    }
    fields |= {p.fits: still_fits_field() for p in found if p.was is not None}
    fields |= {p.seen: seen_field(p.source) for p in found}
    form = translation_form(fields)
    if form.validate_on_submit():
        texts = {p.key: form[p.field].data or "" for p in found}
        fits = frozenset(p.key for p in found if p.was is not None and form[p.fits].data)
        if _seen_current_words(form, found, texts, current, fits):
            services.save_translations(survey, lang, texts, fits)
            flash(_("Your translations are saved."))
            return redirect(url_for("survey_admin.translate", survey_id=survey_id, lang=lang))
    done, needed = completeness(survey).get(lang, (0, len(found)))
    page = render_template(
        "survey_admin/translate.html",
        form=form,
        survey=survey,
        pieces=found,
        target=BY_CODE[lang],
        main=BY_CODE.get(survey.main_language, BY_CODE["en"]),
        done=done,
        needed=needed,
        stale=sum(p.was is not None for p in found),
        consent_stale=any(p.key == "consent_text" and p.was is not None for p in found),
        missing=_missing(found, current),
    )
    return page, form.http_status
