"""The language chooser."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms import RadioField
from wtforms.fields import SelectChoice
from wtforms.validators import InputRequired

from app.forms import Form
from app.i18n import LANGUAGES


class LanguageForm(Form):
    language = RadioField(
        _l("Which language do you want to use?"),
        choices=[SelectChoice(language.code, language.name) for language in LANGUAGES],
        validators=[InputRequired(_l("Choose a language"))],
    )
    next = HiddenField()
