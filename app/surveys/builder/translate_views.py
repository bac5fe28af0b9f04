"""The staff page to translate a survey: every piece side by side with its main-language words."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.core.translating import Piece
from app.core.translating import check_language
from app.core.translating import translate_page
from app.surveys.builder import services
from app.surveys.builder.blueprint import bp
from app.surveys.builder.forms import too_long
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404
from app.surveys.content import completeness
from app.surveys.content import needing_update
from app.surveys.content import pieces
from app.surveys.content import translations
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
    check_language(lang, survey.main_language)  # before any query: an address can hold anything
    found, current = _pieces(survey, needing_update(survey, lang)), translations(survey.id, lang)
    done, needed = completeness(survey).get(lang, (0, len(found)))
    return translate_page(
        (lang, survey.main_language),
        found,
        current,
        too_long,
        lambda texts, fits: services.save_translations(survey, lang, texts, fits),
        url_for("survey_admin.translate", survey_id=survey_id, lang=lang),
        "survey_admin/translate.html",
        survey=survey,
        done=done,
        needed=needed,
        consent_stale=any(p.key == "consent_text" and p.was is not None for p in found),
    )
