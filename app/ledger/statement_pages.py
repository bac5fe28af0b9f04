"""Rendering a payment statement or benefits letter, for staff and for the person themself."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import force_locale
from flask_babel import format_date
from flask_babel import get_translations
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup
from markupsafe import escape

from app.auth.guard import staff_has
from app.auth.models import Role
from app.core.periods import tax_year_start
from app.i18n import BY_CODE
from app.i18n import current_language
from app.i18n import formatting_locale
from app.i18n import is_supported
from app.ledger import rates
from app.ledger import thresholds
from app.ledger.claims import status_label
from app.ledger.letterhead import letterhead
from app.ledger.models import ROLE_NAMES
from app.ledger.money import format_pence
from app.ledger.session_forms import PeriodForm
from app.ledger.session_forms import parse_day
from app.ledger.statements import CATEGORY_SHORT_NAMES
from app.ledger.statements import CHOICE_NAMES
from app.ledger.statements import METHOD_NAMES
from app.ledger.statements import MY_CATEGORY_SHORT_NAMES
from app.ledger.statements import statement_for

FAR = date(9999, 12, 31)


def hours_text(minutes: int) -> str:
    """90 to '1 hour and 30 minutes', each count in its own plural form in the reader's language
    (Arabic, Welsh and Polish each have more than two). A fraction like '1.5 hours' has no plural
    form gettext can choose, so time is said in whole hours and minutes."""
    whole, rest = divmod(minutes, 60)
    hour_words = ngettext("%(num)d hour", "%(num)d hours", whole)
    minute_words = ngettext("%(num)d minute", "%(num)d minutes", rest)
    if not rest:
        return hour_words
    if not whole:
        return minute_words
    return _("%(hours)s and %(minutes)s", hours=hour_words, minutes=minute_words)


def ledger_words() -> dict[str, Any]:
    """Names and formatters the ledger's templates share."""
    return {
        "activity_names": rates.ACTIVITY_NAMES,
        "basis_names": rates.BASIS_NAMES,
        "period_names": thresholds.PERIOD_NAMES,
        "role_names": ROLE_NAMES,
        "choice_names": CHOICE_NAMES,
        "method_names": METHOD_NAMES,
        "category_short_names": CATEGORY_SHORT_NAMES,
        "status_label": status_label,
    }


def _period(person_id: int, letter_endpoint: str, **letter_args: Any) -> dict[str, Any]:
    """The dates asked (this tax year so far by default), and the statement for them."""
    today = date.today()
    args = {"start": tax_year_start(today).isoformat(), "end": today.isoformat()}
    args.update({k: v for k, v in request.args.items() if k in ("start", "end")})
    form = PeriodForm(data=args)
    valid = form.validate()
    start = parse_day(form.start.data, FAR) if valid else tax_year_start(today)
    end = parse_day(form.end.data, FAR) if valid else today
    found = statement_for(person_id, start, end)
    if found is None:
        abort(404)
    letter_url = url_for(
        letter_endpoint, start=found.start.isoformat(), end=found.end.isoformat(), **letter_args
    )
    return {
        "form": form,
        "statement": found,
        "valid": valid,
        "letter_url": letter_url,
        "head": letterhead(),
        **ledger_words(),
    }


def statement_page(
    template: str, person_id: int, letter_endpoint: str, for_them: bool = False, **letter_args: Any
) -> Any:
    """A statement for the dates asked, under the charity's letterhead; for_them when the person
    reads their own, in words a child would know."""
    context = _period(person_id, letter_endpoint, **letter_args)
    context["for_them"] = for_them
    if for_them:
        context["category_short_names"] = MY_CATEGORY_SHORT_NAMES
    return render_template(template, **context), 200 if context["valid"] else 400


class InLanguage:
    """The letter's words and formats in one language, whatever the page's language is: the
    letter template takes these in place of the page's own _, ngettext, day, money and hours."""

    def __init__(self, code: str) -> None:
        self.code = code

    def _in(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        with force_locale(formatting_locale(self.code)):
            return fn(*args, **kwargs)

    def _translated(self, method: str, *args: Any) -> Markup:
        """The words in this language, escaped like the page's own gettext: what fills them in
        is escaped too, unless it is markup already (a number kept left to right, say)."""
        with force_locale(formatting_locale(self.code)):
            return escape(getattr(get_translations(), method)(*args))

    def gettext(self, message: str, **variables: Any) -> Markup:
        text = self._translated("ugettext", message)
        return text % variables if variables else text

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> Markup:
        variables.setdefault("num", num)
        return self._translated("ungettext", singular, plural, num) % variables

    def day(self, when: date, style: str = "medium") -> str:
        return self._in(format_date, when, style)

    def money(self, pence: int) -> str:
        return self._in(format_pence, pence)

    def hours(self, minutes: int) -> str:
        return self._in(hours_text, minutes)


def letter_page(
    person_id: int, letter_endpoint: str, for_them: bool, **letter_args: Any
) -> tuple[str, int]:
    """The letter for the benefits office, always in English since that is who reads it, and,
    when the reader's language is another, a copy in it beside: the person's own page language
    on /me, the language they chose when staff look."""
    context = _period(person_id, letter_endpoint, **letter_args)
    copy_in = current_language().code if for_them else context["statement"].language
    context["english"] = InLanguage("en")
    if copy_in != "en" and is_supported(copy_in):
        context["copy"] = {"words": InLanguage(copy_in), "language": BY_CODE[copy_in]}
    context["for_them"] = for_them
    context["can_set_letterhead"] = not for_them and staff_has(Role.ADMIN)
    page = render_template("ledger/statements/letter.html", **context)
    return page, 200 if context["valid"] else 400
