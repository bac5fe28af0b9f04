"""Staff preview: every page a participant meets, in a phone-width frame, in any language.

Start, consent, name (when the survey asks names), each question, "check your answers" and the
thank-you page, each rendered from the participant's own template, so the preview cannot drift
from the survey. Everything the reader sees is in the previewed language, written its way and
in its direction (Arabic and Urdu right to left); only the preview bar above stays in the staff
member's own language. Saves nothing: no response is ever created. What staff type is kept in
their session cookie (choices whole, typed words cut short) only so that branches and "check
your answers" behave as they would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import replace
from typing import Any

from flask import abort
from flask import current_app
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup
from markupsafe import escape

from app.auth.guard import roles_required
from app.core.errors import reshow_on_csrf_failure
from app.i18n import BY_CODE
from app.i18n import LANGUAGES
from app.i18n import Language
from app.i18n import current_language
from app.i18n import formatting_locale
from app.surveys import answering
from app.surveys.builder.blueprint import bp
from app.surveys.builder.lookup import BUILDERS
from app.surveys.builder.lookup import survey_or_404
from app.surveys.builder.plain_check import plain_notes
from app.surveys.builder.questions import question_rows
from app.surveys.content import QuestionView
from app.surveys.content import SurveyView
from app.surveys.content import view_of
from app.surveys.flow import next_step
from app.surveys.flow import previous_step
from app.surveys.flow import visible_steps
from app.surveys.forms import ConsentForm
from app.surveys.forms import NameForm
from app.surveys.forms import SubmitForm
from app.surveys.forms import limit_hint
from app.surveys.forms import question_form
from app.surveys.models import QuestionKind
from app.surveys.models import Survey

KEY = "preview"  # in the session: {"s": survey id, "a": {question id: answer}}
KEPT_CHARACTERS = 60  # typed answers are cut to this, so the session cookie stays small
TEMPLATE = "survey_admin/preview_page.html"


@dataclass(frozen=True)
class Place:
    """One page of the walk: what it is ("start", "consent", "name", a question id, "check",
    "done") and its address in the previewed language."""

    page: str | int
    url: str


def _language(survey: Survey) -> str:
    wanted = request.args.get("lang", "")
    return wanted if wanted in BY_CODE else survey.main_language


def _view(survey: Survey, language: str) -> SurveyView:
    # Shown as it will look once open, whatever its status today.
    return replace(view_of(survey, language), accepting=True)


def _url(survey_id: int, language: str, page: str | int) -> str:
    if isinstance(page, int):
        return url_for(
            "survey_admin.preview_question", survey_id=survey_id, question_id=page, lang=language
        )
    endpoint = "survey_admin.preview" if page == "start" else f"survey_admin.preview_{page}"
    return url_for(endpoint, survey_id=survey_id, lang=language)


def _opening(view: SurveyView) -> list[str]:
    """The pages before the questions: the start, consent words to agree to, a name to give."""
    wanted = {"start": True, "consent": bool(view.consent_text), "name": not view.anonymous}
    return [page for page, there in wanted.items() if there]


def _walk(view: SurveyView, language: str) -> list[Place]:
    """Every page, in order, branches or not: staff can step through all of them."""
    pages = [*_opening(view), *(q.id for q in view.questions), "check", "done"]
    return [Place(page, _url(view.id, language, page)) for page in pages]


@dataclass(frozen=True)
class Opened:
    """A preview page opened: the survey in the previewed language, and the bar above it."""

    view: SurveyView
    language: str
    bar: dict[str, Any]

    def url(self, page: str | int) -> str:
        return _url(self.view.id, self.language, page)


def _opened(survey_id: int, here: str | int) -> Opened:
    """The survey previewed at page here; not found when the survey has no such page (no
    consent words, no names asked, another survey's question)."""
    survey = survey_or_404(survey_id)
    language = _language(survey)
    view = _view(survey, language)
    return Opened(view, language, _bar(survey, view, language, here))


def _bar(survey: Survey, view: SurveyView, language: str, here: str | int) -> dict[str, Any]:
    """What the banner above the page needs: languages, the pages either side, any branch rule,
    and its words, put in the staff member's own language before the page switches to the
    reader's (the bar carries the staff member's lang and dir)."""
    walk = _walk(view, language)
    index = next((n for n, place in enumerate(walk) if place.page == here), None)
    if index is None:
        abort(404)
    chosen, main = BY_CODE[language], BY_CODE.get(survey.main_language, BY_CODE["en"])
    condition = None
    if isinstance(here, int):
        condition = {row.id: row for row in question_rows(survey)}[here].condition
    plain = plain_notes(view, here)  # said in the staff member's words, as the rest of the bar
    return {
        "survey_id": survey.id,
        "own": current_language(),
        "languages": [(lang, _url(survey.id, lang.code, here)) for lang in LANGUAGES],
        "chosen": chosen,
        "previous": walk[index - 1].url if index else None,
        "next": walk[index + 1].url if index + 1 < len(walk) else None,
        "plain": plain,
        "words": {
            "saved": _("Preview: nothing you enter is saved"),
            "page": _("Page %(page)d of %(pages)d", page=index + 1, pages=len(walk)),
            "show_in": _("Show the survey in:"),
            "fallback": _fallback(chosen, main) if view.language != language else None,
            "condition": _condition(condition) if condition else None,
            "previous": _("Previous page"),
            "next": _("Next page"),
            "back": _("Back to the survey"),
            "plain": ngettext(
                "Plain words check: %(num)d suggestion for this page",
                "Plain words check: %(num)d suggestions for this page",
                len(plain),
            ),
        },
    }


def _fallback(chosen: Language, main: Language) -> Markup:
    """Each language's name marked as that language, inside the staff member's sentence."""
    name = Markup('<span lang="{}" dir="{}">{}</span>')
    sentence = escape(
        _(
            "This survey is not fully translated into %(language)s yet, so people who choose "
            "it see it in %(main)s."
        )
    )
    return sentence % {
        "language": name.format(chosen.code, chosen.direction, chosen.name),
        "main": name.format(main.code, main.direction, main.name),
    }


def _condition(condition: Any) -> str:
    return _(
        "Only asked if question %(number)d is answered “%(answer)s”.",
        number=condition.number,
        answer=condition.answer,
    )


@contextmanager
def _as_reader(opened: Opened) -> Iterator[None]:
    """The site's own words, dates and direction as a reader of the language gets them."""
    with force_locale(formatting_locale(opened.language)):
        yield


def _page(template: str, opened: Opened, status: int = 200, **context: Any) -> Any:
    page = render_template(
        TEMPLATE,
        participant_template=template,
        preview=opened.bar,
        survey=opened.view,
        resume_days=current_app.config["SURVEY_RESUME_DAYS"],
        **context,
    )
    return page, status


def _answers(survey_id: int) -> dict[int, Any]:
    """What staff answered in this preview so far (declined is None, as for participants)."""
    kept = session.get(KEY) or {}
    if kept.get("s") != survey_id:
        return {}
    return {int(key): value for key, value in (kept.get("a") or {}).items()}


def _keep(survey_id: int, question_id: int, parsed: answering.Parsed) -> None:
    answers = _answers(survey_id)
    value = None if parsed.declined else parsed.value
    if isinstance(value, str) and len(value) > KEPT_CHARACTERS:
        value = value[: KEPT_CHARACTERS - 1] + "…"
    answers[question_id] = value
    session[KEY] = {"s": survey_id, "a": {str(key): kept for key, kept in answers.items()}}


def _forget() -> None:
    session.pop(KEY, None)


def _after(opened: Opened, page: str | int) -> str:
    """Where "Continue" leads from page, as it would for a participant."""
    opening = _opening(opened.view)
    if page in opening[:-1]:
        return opened.url(opening[opening.index(page) + 1])
    view = opened.view
    following = next_step(view.steps, _answers(view.id), page if isinstance(page, int) else None)
    return opened.url("check" if following is None else following)


def _before(opened: Opened, page: str | int) -> str:
    """Where the back link leads, as participants go back."""
    view = opened.view
    opening = _opening(view)
    if isinstance(page, str):
        return opened.url(opening[opening.index(page) - 1])
    before = previous_step(view.steps, _answers(view.id), page)
    return opened.url(opening[-1] if before is None else before)


@bp.route("/<int:survey_id>/preview")
@roles_required(*BUILDERS)
def preview(survey_id: int) -> Any:
    opened = _opened(survey_id, "start")
    _forget()  # each walk starts with nothing answered
    with _as_reader(opened):
        # A link, not the real start form: starting here must not create a response.
        return _page("surveys/start.html", opened, form=None, continue_url=_after(opened, "start"))


def _agree_or_name(survey_id: int, page: str, template: str, form_class: type) -> Any:
    """Consent or name: checked as they would be, then forgotten."""
    opened = _opened(survey_id, page)
    with _as_reader(opened):
        form = form_class()
        if form.validate_on_submit():
            return redirect(_after(opened, page))
        back = _before(opened, page)
        return _page(template, opened, form.http_status, form=form, back=back)


@bp.route("/<int:survey_id>/preview/consent", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def preview_consent(survey_id: int) -> Any:
    return _agree_or_name(survey_id, "consent", "surveys/consent.html", ConsentForm)


@bp.route("/<int:survey_id>/preview/name", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def preview_name(survey_id: int) -> Any:
    return _agree_or_name(survey_id, "name", "surveys/name.html", NameForm)


@bp.route("/<int:survey_id>/preview/<int:question_id>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def preview_question(survey_id: int, question_id: int) -> Any:
    opened = _opened(survey_id, question_id)
    asked = opened.view.question(question_id)
    assert asked is not None  # the walk has only the survey's own questions
    answers = _answers(survey_id)
    with _as_reader(opened):
        form = question_form(asked, answers.get(question_id))
        if form.validate_on_submit():
            parsed = answering.parse(asked, request.form)
            if parsed.error is None:
                _keep(survey_id, question_id, parsed)
                return redirect(_after(opened, question_id))
            _show_error(form, asked, parsed.error)
        return _page(
            "surveys/question.html",
            opened,
            form.http_status,
            form=form,
            question=asked,
            back=_before(opened, question_id),
            hint=_hint(asked, form),
            **_numbering(opened.view, answers, question_id),
        )


def _numbering(view: SurveyView, answers: dict, question_id: int) -> dict[str, int]:
    """As participants count: among the questions this walk asks, a skipped one is no number."""
    shown = [step.id for step in visible_steps(view.steps, answers)]
    number = shown.index(question_id) + 1 if question_id in shown else len(shown) + 1
    return {"number": number, "total": max(len(shown), number)}


def _hint(asked: QuestionView, form: Any) -> str:
    if not asked.kind.is_text:
        return asked.help_text
    current = form.answer.data if isinstance(form.answer.data, str) else ""
    return " ".join(filter(None, [asked.help_text, limit_hint(asked, current)]))


def _show_error(form: Any, asked: QuestionView, message: str) -> None:
    field = form._fields.get("answer-1" if asked.kind == QuestionKind.PRIORITIES else "answer")
    field.errors = [*field.errors, message] if isinstance(field.errors, list) else [message]


@bp.route("/<int:survey_id>/preview/check", methods=["GET", "POST"])
@roles_required(*BUILDERS)
@reshow_on_csrf_failure
def preview_check(survey_id: int) -> Any:
    opened = _opened(survey_id, "check")
    answers = _answers(survey_id)
    shown = [step.id for step in visible_steps(opened.view.steps, answers)]
    with _as_reader(opened):
        form = SubmitForm()
        if form.validate_on_submit():  # "Send my answers": nothing is sent
            _forget()
            return redirect(opened.url("done"))
        rows = [_check_row(opened, q, answers) for q in opened.view.questions if q.id in shown]
        back = opened.url(shown[-1] if shown else "start")
        return _page("surveys/check.html", opened, form=form, rows=rows, back=back)


def _check_row(opened: Opened, question: QuestionView, answers: dict) -> tuple:
    """One line of "check your answers", as the participant's page builds it."""
    declined = {key for key, value in answers.items() if value is None}
    value = answering.describe(question, answers.get(question.id), question.id in declined)
    own_words = answering.in_survey_words(question, answers, declined)
    language = opened.view.language if own_words else None
    return question.text, value, opened.url(question.id), language


@bp.route("/<int:survey_id>/preview/done")
@roles_required(*BUILDERS)
def preview_done(survey_id: int) -> Any:
    opened = _opened(survey_id, "done")
    with _as_reader(opened):
        return _page("surveys/done.html", opened, updates_url=None)
