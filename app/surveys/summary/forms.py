"""The form for choosing a survey's summary of results. Validation only: nothing here writes."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice

from app.core.numbers import positive_int
from app.forms import Form
from app.forms import clean
from app.surveys.summary.services import SummaryChoice

LARGEST_ID = 2**31 - 1  # a page can send any number; the database holds ids up to this


class IdsField(SelectMultipleField):
    """Tick boxes whose values are ids; anything else sent gets a plain message, not a crash."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, coerce=int, validate_choice=False, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        ids = []
        for raw in valuelist:
            number = positive_int(raw, LARGEST_ID)
            if number is None:
                self.data = []
                raise ValueError(_l("Choose from the list."))
            ids.append(number)
        self.data = list(dict.fromkeys(ids))


class SummaryForm(Form):
    intro = TextAreaField(_l("A few words to start"), filters=[clean])
    questions = IdsField(_l("Charts to show"))
    quotes = IdsField(_l("Quotes to show"))
    action = StringField()  # which button was pressed

    def offer(self, charts: list[SelectChoice], quotes: list[SelectChoice]) -> None:
        self.questions.choices = charts
        self.quotes.choices = quotes

    @property
    def publishing(self) -> bool:
        return self.action.data == "publish"

    def choice(self) -> SummaryChoice:
        return SummaryChoice(
            self.intro.data or "", list(self.questions.data or []), list(self.quotes.data or [])
        )
