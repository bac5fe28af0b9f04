"""Sharing a survey where people are: for each language it is ready in, its link, a QR code drawn
on the server, a printable A4 poster and a printable paper copy (in large print too).

The paper copy is for people without a smartphone or data: it asks the same questions in the
same order with the same numbers as the page staff type answers back in on, and says where a
branch skips a question, so typing it in is a matter of copying down.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from app.auth.guard import roles_required
from app.core.links import public_address
from app.core.links import share_url
from app.core.qr import QrDrawing
from app.core.qr import qr_drawing
from app.i18n import BY_CODE
from app.i18n import LANGUAGES
from app.i18n import Language
from app.i18n import current_language
from app.i18n import formatting_locale
from app.surveys.builder.blueprint import bp
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404
from app.surveys.content import QuestionView
from app.surveys.content import SurveyView
from app.surveys.content import completeness
from app.surveys.content import pieces
from app.surveys.content import view_of
from app.surveys.models import QuestionKind
from app.surveys.models import Survey

TEXT_LINES = {QuestionKind.SHORT_TEXT: 1, QuestionKind.LONG_TEXT: 5}


@dataclass(frozen=True)
class Shared:
    """One language the survey can be shared in."""

    language: Language
    link: str  # the full address, with ?locale= so the page opens in this language
    printed: str  # the same without "https://", as people would type it
    qr: QrDrawing


@dataclass(frozen=True)
class PaperQuestion:
    question: QuestionView
    only_if: str  # "Only answer this if ..." in the paper's language, or ""
    lines: int  # ruled lines for a written answer


def ready_languages(survey: Survey) -> tuple[list[Language], list[Language]]:
    """(languages every part of the survey is in, languages started but not finished)."""
    needed = len(pieces(survey))
    done = completeness(survey)
    ready, started = [], []
    for language in LANGUAGES:
        if language.code == survey.main_language or done.get(language.code, (0, 0))[0] >= needed:
            ready.append(language)
        elif language.code in done:
            started.append(language)
    return ready, started


def shared_in(survey: Survey, language: Language) -> Shared:
    path = url_for("surveys.start", slug=survey.slug, locale=language.code)
    link = share_url(path)
    return Shared(language, link, public_address(path), qr_drawing(link))


def _printed(survey_id: int, code: str) -> tuple[Survey, Language, SurveyView]:
    """The survey, and its words in a language it is ready in; otherwise not found."""
    survey = survey_or_404(survey_id)
    ready, _started = ready_languages(survey)
    language = BY_CODE.get(code)
    if language is None or language not in ready:
        abort(404)
    return survey, language, view_of(survey, language.code)


@bp.route("/<int:survey_id>/share")
@roles_required(*BUILDERS)
def share(survey_id: int) -> str:
    survey = survey_or_404(survey_id)
    ready, started = ready_languages(survey)
    return render_template(
        "survey_admin/share.html",
        survey=survey,
        shared=[shared_in(survey, language) for language in ready],
        started=started,
        is_open=survey.status.value == "open",
    )


def _in_language(language: Language, template: str, **context: object) -> str:
    """Render a printed page wholly in language: the survey's words and the site's own."""
    # The way back and the tip are in the staff member's own language, worked out before
    # switching (the caller's words come in that language too).
    back = _("Back to sharing the survey")
    own = current_language()
    with force_locale(formatting_locale(language.code)):
        return render_template(template, back=back, own=own, **context)


@bp.route("/<int:survey_id>/share/<lang>/poster")
@roles_required(*BUILDERS)
def poster(survey_id: int, lang: str) -> str:
    survey, language, view = _printed(survey_id, lang)
    return _in_language(
        language,
        "survey_admin/poster.html",
        tip=_("Print this page from your browser: it fits one sheet of A4."),
        survey=view,
        shared=shared_in(survey, language),
        why=_first_paragraph(view.intro) or view.what_happens,
        charity=current_app.config["ORGANISATION_NAME"],
        survey_id=survey.id,
    )


@bp.route("/<int:survey_id>/share/<lang>/paper")
@roles_required(*BUILDERS)
def paper(survey_id: int, lang: str) -> str:
    survey, language, view = _printed(survey_id, lang)
    large = request.args.get("print") == "large"
    with force_locale(formatting_locale(language.code)):
        questions = paper_questions(view)
    return _in_language(
        language,
        "survey_admin/paper.html",
        tip=_(
            "Print this page from your browser. Answers are typed back in on the survey's page, "
            "question by question in this order."
        ),
        survey=view,
        questions=questions,
        large=large,
        shared=shared_in(survey, language),
        charity=current_app.config["ORGANISATION_NAME"],
        survey_id=survey.id,
    )


def _first_paragraph(text: str) -> str:
    return next((part.strip() for part in text.split("\n\n") if part.strip()), "")


def paper_questions(view: SurveyView) -> list[PaperQuestion]:
    """Each question as printed, with the branch it depends on said in words."""
    by_id = {q.id: q for q in view.questions}
    found = []
    for question in view.questions:
        found.append(
            PaperQuestion(question, _only_if(question, by_id), TEXT_LINES.get(question.kind, 0))
        )
    return found


def _only_if(question: QuestionView, by_id: dict[int, QuestionView]) -> str:
    controller = by_id.get(question.step.show_if_question_id or 0)
    if controller is None:
        return ""
    wanted = question.step.show_if_value
    if wanted is None:
        return _("Only answer this if you answered question %(number)d.", number=controller.number)
    answer = _("Yes") if wanted == "yes" and controller.kind == QuestionKind.YES_NO else None
    if wanted == "no" and controller.kind == QuestionKind.YES_NO:
        answer = _("No")
    return _(
        "Only answer this if you answered “%(answer)s” to question %(number)d.",
        answer=answer or controller.label_of(wanted),
        number=controller.number,
    )
