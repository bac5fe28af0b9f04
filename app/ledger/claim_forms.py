"""Forms for claims: a participant's expense, staff lines, decisions, payment and the export.

Validation only: nothing here writes, and nothing works out money: the forms parse what was
typed and claim_services says what a line pays. Amounts are typed as text and read by
money.parse_pence, so every message is our own and nothing is ever rounded.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import Field
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import ValidationError as Invalid

from app.core.dates import DATE_MESSAGE
from app.core.dates import TypedDateField
from app.core.numbers import plain_digits
from app.core.numbers import positive_int
from app.core.numbers import positive_ints
from app.forms import Form
from app.forms import clean
from app.forms import text_field
from app.ledger.claim_services import LineInput
from app.ledger.claim_services import expense_line
from app.ledger.claim_services import payment_line
from app.ledger.models import Category
from app.ledger.models import PaymentChoice
from app.ledger.models import PaymentMethod
from app.ledger.money import MoneyError
from app.ledger.money import parse_pence

MAX_MILES = 2000
OLDEST_DAYS = 2 * 366
EXPENSE_CATEGORIES = (
    SelectChoice(Category.TRAVEL.value, _l("Travel: bus, train or taxi fares")),
    SelectChoice(Category.MILEAGE.value, _l("Mileage: driving your own car")),
    SelectChoice(Category.CHILDCARE.value, _l("Childcare")),
    SelectChoice(Category.CARE.value, _l("Care for someone you look after")),
    SelectChoice(Category.REFRESHMENTS.value, _l("Food and drink")),
    SelectChoice(Category.PHONE_DATA.value, _l("Phone calls or data")),
    SelectChoice(Category.OTHER.value, _l("Something else")),
)
# The kinds as a participant reads them on their own claims: no "mileage".
MY_EXPENSE_CATEGORIES = tuple(
    SelectChoice(choice.value, _l("Driving your own car: we pay for each mile"))
    if choice.value == Category.MILEAGE.value
    else choice
    for choice in EXPENSE_CATEGORIES
)
CHOICES = (
    SelectChoice(PaymentChoice.ACCEPT.value, _l("Take the full amount")),
    SelectChoice(PaymentChoice.TAKE_LESS.value, _l("Take less")),
    SelectChoice(PaymentChoice.DECLINE.value, _l("Take nothing")),
    SelectChoice(PaymentChoice.CHARITY.value, _l("Give it to a charity")),
)
METHODS = (
    SelectChoice(PaymentMethod.BANK_TRANSFER.value, _l("Bank transfer")),
    SelectChoice(PaymentMethod.VOUCHER.value, _l("Voucher")),
    SelectChoice(PaymentMethod.CASH.value, _l("Cash")),
    SelectChoice(PaymentMethod.CHARITY.value, _l("Paid to a charity")),
)
# A kind of cost as the claim pages name it: the one label; statements keep short ones
# (statements.CATEGORY_SHORT_NAMES) for room.
CATEGORY_WORDS = {
    **{choice.value: choice.label for choice in EXPENSE_CATEGORIES},
    Category.TIME.value: _l("Payment for time"),
}


MY_CATEGORY_WORDS = {
    **CATEGORY_WORDS,
    **{choice.value: choice.label for choice in MY_EXPENSE_CATEGORIES},
}


def category_label(value: str) -> str:
    return str(CATEGORY_WORDS.get(value, value))


def my_category_label(value: str) -> str:
    """A kind of cost in the words the participant's own pages use."""
    return str(MY_CATEGORY_WORDS.get(value, value))


def recent_date(form: Form, field: Field) -> None:
    """A day in the last two years and not in the future."""
    if field.data is None:
        return
    today = date.today()
    if field.data > today:
        raise Invalid(str(_l("The date cannot be in the future.")))
    if field.data < today - timedelta(days=OLDEST_DAYS):
        raise Invalid(str(_l("The date must be in the last 2 years.")))


def pence_of(field: Field) -> int | None:
    """The amount typed in field as pence, or None when it is missing or wrong."""
    try:
        return parse_pence(field.data)
    except MoneyError:
        return None


def check_amount(field: Field) -> None:
    try:
        parse_pence(field.data)
    except MoneyError as wrong:
        raise Invalid(str(wrong)) from None


def miles_of(field: Field) -> int | None:
    raw = plain_digits(field.data or "").replace(",", "").strip()
    return positive_int(raw, largest=99_999)


class ExpenseFields(Form):
    """One expense: what kind, when, what for, and how much (or how many miles)."""

    category = RadioField(
        _l("What kind of cost is it?"),
        choices=EXPENSE_CATEGORIES,
        validators=[InputRequired(_l("Choose what kind of cost it is"))],
    )
    spent_on = TypedDateField(
        _l("Date you paid"), validators=[InputRequired(DATE_MESSAGE), recent_date]
    )
    description = text_field(
        _l("What was it for?"),
        required=_l("Say what it was for, like “bus to the workshop”"),
        most=300,
    )
    amount = StringField(
        _l("Amount in pounds"), filters=[clean], render_kw={"inputmode": "decimal", "dir": "ltr"}
    )
    miles = StringField(_l("Miles driven (for mileage only)"), filters=[clean])

    def validate_amount(self, field: Field) -> None:
        if self.category.data != Category.MILEAGE.value:
            check_amount(field)

    def validate_miles(self, field: Field) -> None:
        if self.category.data != Category.MILEAGE.value:
            return
        miles = miles_of(field)
        if miles is None or not 1 <= miles <= MAX_MILES:
            raise Invalid(str(_l("Enter the miles as a whole number from 1 to 2000")))


class MyExpenseFields(ExpenseFields):
    """A participant's own expense, in words a child would know: no "mileage", no "optional"."""

    category = RadioField(
        _l("What kind of cost is it?"),
        choices=MY_EXPENSE_CATEGORIES,
        validators=[InputRequired(_l("Choose what kind of cost it is"))],
    )
    miles = StringField(_l("Miles you drove (only if you drove your own car)"), filters=[clean])
    receipt = FileField(_l("Photo of the receipt (the paper that shows what you paid)"))


class MeClaimForm(MyExpenseFields):
    form_key = HiddenField()


class FixLineForm(MyExpenseFields):
    pass


class StaffLineForm(ExpenseFields):
    """A staff line: an expense, or a payment for time with what the person chose."""

    kind = RadioField(
        _l("What is this line for?"),
        choices=(
            SelectChoice("expense", _l("An expense")),
            SelectChoice("payment", _l("A payment for their time")),
        ),
        validators=[InputRequired(_l("Choose an expense or a payment"))],
    )
    category = RadioField(
        _l("Kind of expense (for expenses only)"), choices=EXPENSE_CATEGORIES, validate_choice=False
    )
    offered = StringField(_l("Amount offered in pounds (for payments only)"), filters=[clean])
    choice = RadioField(
        _l("What did the person choose? (for payments only)"),
        choices=CHOICES,
        validate_choice=False,
    )
    form_key = HiddenField()

    def validate_category(self, field: Field) -> None:
        known = {choice.value for choice in EXPENSE_CATEGORIES}
        if self.kind.data == "expense" and field.data not in known:
            raise Invalid(str(_l("Choose what kind of cost it is")))

    def validate_amount(self, field: Field) -> None:
        if self.kind.data == "expense" or self.choice.data == PaymentChoice.TAKE_LESS.value:
            super().validate_amount(field)
            if self.kind.data == "payment" and (pence_of(field) or 0) >= (
                pence_of(self.offered) or 0
            ):
                raise Invalid(str(_l("When they take less, enter less than the amount offered")))

    def validate_miles(self, field: Field) -> None:
        if self.kind.data == "expense":
            super().validate_miles(field)

    def validate_offered(self, field: Field) -> None:
        if self.kind.data == "payment":
            check_amount(field)

    def validate_choice(self, field: Field) -> None:
        if self.kind.data == "payment" and field.data not in {choice.value for choice in CHOICES}:
            raise Invalid(str(_l("Choose what the person chose")))


class NewStaffClaimForm(StaffLineForm):
    participant = SelectField(
        _l("Who is the claim for?"),
        coerce=int,
        validate_choice=False,
        validators=[InputRequired(_l("Choose who the claim is for"))],
    )


class ReasonForm(Form):
    reason = text_field(
        _l("Reason"),
        required=_l("Write a reason. The person will see it."),
        most=2000,
        kind=TextAreaField,
    )


class PayForm(Form):
    method = RadioField(
        _l("How was it paid?"),
        choices=METHODS,
        validators=[InputRequired(_l("Choose how it was paid"))],
    )
    reference = text_field(_l("Payment reference (optional)"), optional=True, most=120)
    paid_on = TypedDateField(_l("Date paid"), validators=[InputRequired(DATE_MESSAGE), recent_date])


class ButtonForm(Form):
    """Just the security token: approve, cancel, send, resubmit."""


class ReversalForm(Form):
    line = RadioField(
        _l("Which line was wrong?"),
        coerce=int,
        validators=[InputRequired(_l("Choose the line that was wrong"))],
    )
    form_key = HiddenField()


class ExportForm(Form):
    line_ids = HiddenField()

    def ids(self) -> list[int]:
        parts = (self.line_ids.data or "").split(",")
        return positive_ints(parts)


def line_input(form: ExpenseFields) -> LineInput:
    """The line a valid expense or staff line form describes: what was typed, parsed (amounts in
    pence); what it pays is worked out by claim_services."""
    typed = pence_of(form.amount) or 0
    kind = getattr(form, "kind", None)
    if kind is not None and kind.data == "payment":
        offered = pence_of(form.offered) or 0
        choice = PaymentChoice(form.choice.data)
        return payment_line(form.spent_on.data, form.description.data, offered, choice, typed)
    category = Category(form.category.data)
    miles = miles_of(form.miles) if category == Category.MILEAGE else None
    return expense_line(category, form.spent_on.data, form.description.data, typed, miles)
