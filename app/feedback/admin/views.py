"""Staff pages to write, publish, translate and take down updates.

They hang on the blueprint in blueprint.py; the translation and take-down pages are in
translate_views.py, imported here so the app that imports this module has them all.
"""

from __future__ import annotations

from typing import Any

from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.auth.guard import roles_required
from app.auth.models import ALL_STAFF
from app.core.errors import reshow_on_csrf_failure
from app.core.idempotency import new_key
from app.core.markup import render_markdown
from app.core.numbers import positive_int
from app.core.numbers import positive_ints
from app.feedback import dated
from app.feedback import reading as public_reading
from app.feedback import services
from app.feedback import sources
from app.feedback.admin import reading
from app.feedback.admin import translate_views  # noqa: F401  its pages share the blueprint
from app.feedback.admin.blueprint import bp
from app.feedback.admin.forms import ButtonForm
from app.feedback.admin.forms import EditUpdateForm
from app.feedback.admin.forms import NewUpdateForm
from app.feedback.admin.forms import StatusForm
from app.feedback.admin.forms import UpdateForm
from app.feedback.admin.pages import WRITERS
from app.feedback.admin.pages import is_admin
from app.feedback.admin.pages import may_write
from app.feedback.admin.pages import outbox_rows
from app.feedback.admin.pages import page_words
from app.feedback.admin.pages import plain_notes
from app.feedback.admin.pages import staff_id
from app.feedback.admin.pages import update_or_404
from app.feedback.models import LinkKind
from app.feedback.models import Update
from app.feedback.models import UpdateStatus
from app.feedback.update_messages import reach as message_reach
from app.feedback.words import STATUS_WORDS
from app.forms import ErrorSummary
from app.forms import form_page
from app.forms import needs_token
from app.i18n import language_names
from app.projects.services import project_choices
from app.projects.services import project_name

# The translation and take-down pages hang on the same blueprint: importing them adds them.
OTHER_PAGES = (translate_views,)


@bp.route("/")
@roles_required(*ALL_STAFF)
def index() -> str:
    found = reading.update_page(positive_int(request.args.get("page"), largest=999_999) or 1)
    return render_template(
        "update_admin/index.html", found=found, may_write=may_write(), **page_words()
    )


# ?theme=3 ticks form.themes, and so on: each field is named for its argument, plural.
PREFILL = ("theme", "survey", "session", "question")


def _prefill(form: UpdateForm) -> None:
    """Tick what the address names (?theme=, ?survey=, ?session=, ?question=); a theme gives
    the words."""
    for arg in PREFILL:
        wanted = positive_int(request.args.get(arg))
        field = getattr(form, f"{arg}s")
        if any(wanted == choice.value for choice in field.choices):
            field.data = [wanted]
    theme = positive_int(request.args.get("theme"))
    names = {choice.id: choice.name for choice in form.link_choices.themes}
    if theme in names and not form.said.data:
        form.said.data = names[theme]


def _counted(form: UpdateForm) -> int | None:
    """How many people the ticked links count: what is shown when the count is left empty."""
    choices = form.link_choices
    groups = (
        (choices.themes, form.themes),
        (choices.surveys, form.surveys),
        (choices.sessions, form.sessions),
        (choices.questions, form.questions),
    )
    ticked = [c.people for group, field in groups for c in group if c.id in (field.data or [])]
    return max(ticked) if ticked and max(ticked) > 0 else None


def _form_page(
    form: UpdateForm,
    update: Update | None,
    latest: bool = False,
    same_themes: list[tuple[int, str]] | None = None,
) -> tuple[str, int]:
    return form_page(
        "update_admin/form.html",
        form,
        update=update,
        same_themes=same_themes or [],
        counted=_counted(form),
        conflict=latest,
        body_preview=render_markdown(update.body) if update is not None and latest else "",
        translated_into=language_names(reading.languages_translated(update.id) if update else []),
        **page_words(),
    )


def _offered(form: UpdateForm, update: Update | None = None) -> None:
    """The links to choose from: a question only when named in the address or already linked."""
    sessions = sources.session_ids(update) if update is not None else set()
    questions = {link.question_id for link in update.links if link.question_id} if update else set()
    named = positive_int(request.args.get("question"))
    questions |= {named} if named is not None else set()
    questions |= set(positive_ints(request.form.getlist("questions")))
    form.offer(reading.link_choices(sessions, questions), project_choices())


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*WRITERS)
@reshow_on_csrf_failure
def new() -> Any:
    posted = request.method == "POST"
    form = NewUpdateForm(data=None if posted else {"status": "considering", "main_language": "en"})
    _offered(form)
    if form.validate_on_submit():
        return _create(form)
    if not posted:
        _prefill(form)
    form.form_key.data = form.form_key.data or new_key()
    return _form_page(form, None, same_themes=reading.about_themes(form.themes.data or []))


def _create(form: NewUpdateForm) -> Any:
    try:
        record = services.create(
            form.draft(form.main_language.data or "en"), staff_id(), form.form_key.data
        )
    except services.AlreadyDone:
        flash(_("This update was already saved. It is in the list below."))
        return redirect(url_for(".index"))
    except services.UpdateError as error:
        form.form_errors.append(str(error))
        return _form_page(form, None)
    if request.form.get("then") == "publish":
        # Never straight to the public log: first a look at exactly what people will read.
        flash(_("Update saved as a draft. Check how it looks, then make it public."))
        return redirect(url_for(".preview", update_id=record.id))
    flash(_("Update saved as a draft. Nobody else can see it until you make it public."))
    return redirect(url_for(".show", update_id=record.id))


def _as_form_data(update: Update) -> dict[str, Any]:
    kinds = {
        LinkKind.THEME: "themes",
        LinkKind.SURVEY: "surveys",
        LinkKind.SESSION: "sessions",
        LinkKind.QUESTION: "questions",
    }
    data: dict[str, Any] = {name: [] for name in kinds.values()}
    for link in update.links:
        if link.kind in kinds:
            data[kinds[link.kind]].append(sources.target_of(link))
    return data | {
        "said": update.said,
        "body": update.body,
        "status": update.status.value,
        "reason": update.reason,
        "people_count": "" if update.people_count is None else str(update.people_count),
        "project": str(update.project_id or ""),
        "version": str(update.version),
    }


@bp.route("/<int:update_id>/edit", methods=["GET", "POST"])
@roles_required(*WRITERS)
@reshow_on_csrf_failure
def edit(update_id: int) -> Any:
    update = update_or_404(update_id)
    posted = request.method == "POST"
    form = EditUpdateForm(data=None if posted else _as_form_data(update))
    _offered(form, update)
    if not form.validate_on_submit():
        return _form_page(form, update)
    draft = form.draft(update.main_language)
    try:
        services.edit(update.id, draft, staff_id(), positive_int(form.version.data) or 0)
    except services.UpdateError as error:
        form.form_errors.append(str(error))
        form.version.data = str(update.version)  # saving again, having seen theirs, keeps yours
        return _form_page(form, update, latest=True)
    flash(_("Changes saved."))
    return redirect(url_for(".show", update_id=update.id))


def _show_page(update: Update, status_form: StatusForm) -> tuple[str, int]:
    found = sources.sources(update)
    return form_page(
        "update_admin/show.html",
        status_form,
        update=update,
        body=render_markdown(update.body),
        sources=found,
        people=sources.people_behind(update, found),
        project=project_name(update.project_id),
        history=reading.history(update.id),
        translations=reading.completeness([update])[update.id],
        stale={lang: len(keys) for lang, keys in reading.stale_pieces(update).items()},
        outbox=outbox_rows(reading.outbox_counts(update.id)),
        reach=message_reach(update),
        button_form=ButtonForm(),
        may_write=may_write(),
        is_admin=is_admin(),
        plain=plain_notes(update) if may_write() else [],
        **page_words(),
    )


@bp.route("/<int:update_id>")
@roles_required(*ALL_STAFF)
def show(update_id: int) -> tuple[str, int]:
    update = update_or_404(update_id)
    form = StatusForm(data={"status": update.status.value, "reason": update.reason})
    return _show_page(update, form)


@bp.route("/<int:update_id>/status", methods=["POST"])
@roles_required(*WRITERS)
@reshow_on_csrf_failure
def status(update_id: int) -> Any:
    update = update_or_404(update_id)
    form = StatusForm()
    if not form.validate_on_submit():
        return _show_page(update, form)
    try:
        services.change_status(
            update.id, UpdateStatus(form.status.data), form.reason.data or "", staff_id()
        )
    except services.AlreadyDone as done:
        flash(str(done))
    except services.UpdateError as error:
        form.form_errors.append(str(error))
        return _show_page(update_or_404(update_id), form)
    else:
        flash(_("Status changed."))
    return redirect(url_for(".show", update_id=update_id))


@bp.route("/<int:update_id>/preview")
@roles_required(*WRITERS)
def preview(update_id: int) -> Any:
    """How the update will look on the public log, with who will hear, before it goes there."""
    update = update_or_404(update_id)
    if update.published:
        return redirect(url_for(".show", update_id=update_id))
    detail = public_reading.preview(update_id, update.main_language)
    return render_template(
        "update_admin/preview.html",
        update=update,
        detail=detail,
        entry=detail.entry,
        body=render_markdown(update.body),
        day=dated.day,
        statuses={status.value: words for status, words in STATUS_WORDS.items()},
        not_ready=_not_ready(update),
        held=update.held_by_admin and not is_admin(),
        reach=message_reach(update),
        button_form=ButtonForm(),
        plain=plain_notes(update),
    )


def _not_ready(update: Update) -> ErrorSummary:
    """What stops the update going public, each a link to where it is put right."""
    if services.ready_to_publish(update):
        return ErrorSummary.of()
    where = url_for(".edit", update_id=update.id, _anchor="body")
    return ErrorSummary.of(
        also=[(where, _("Write what we did before making it public, so people can read it."))]
    )


@bp.route("/<int:update_id>/publish", methods=["POST"])
@roles_required(*WRITERS)
@needs_token
def publish(update_id: int) -> Response:
    update_or_404(update_id)
    try:
        services.publish(update_id, staff_id())
    except services.NotReady as not_ready:
        flash(str(not_ready))
        return redirect(url_for(".preview", update_id=update_id))
    except services.HeldByAdmin as held:
        flash(str(held))
    except services.AlreadyDone:
        flash(_("This update is already public."))
    else:
        flash(_("The update is public now."))
    return redirect(url_for(".show", update_id=update_id))
