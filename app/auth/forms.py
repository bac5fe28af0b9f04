"""Staff sign-in and sign-out forms."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import RadioField
from wtforms import StringField
from wtforms.validators import DataRequired
from wtforms.validators import Length

from app.auth.models import Role
from app.forms import Form
from app.forms import clean


class SignInForm(Form):
    email = EmailField(
        _l("Email address"),
        validators=[DataRequired(_l("Enter your email address")), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false", "dir": "ltr"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password")), Length(max=1024)],
        render_kw={"autocomplete": "current-password", "dir": "ltr"},
    )


class SignOutForm(Form):
    """Only a button: signing out changes state, so it is a POST with a token."""


class CodeForm(Form):
    code = StringField(
        _l("Code"),
        filters=[lambda value: (value or "").strip()],
        validators=[DataRequired(_l("Enter the code")), Length(max=40)],
        render_kw={
            "autocomplete": "one-time-code",
            "spellcheck": "false",
            "dir": "ltr",
        },
    )


class ChangePasswordForm(Form):
    current = PasswordField(
        _l("Your current password"),
        validators=[DataRequired(_l("Enter your current password")), Length(max=1024)],
        render_kw={"autocomplete": "current-password", "dir": "ltr"},
    )
    new = PasswordField(
        _l("New password"),
        validators=[DataRequired(_l("Enter a new password")), Length(max=1024)],
        render_kw={"autocomplete": "new-password", "dir": "ltr"},
    )


def _role_choices() -> list[tuple[str, str]]:
    return [(role.value, role.label) for role in Role]


class AddStaffForm(Form):
    name = StringField(
        _l("Name"),
        filters=[clean],
        validators=[DataRequired(_l("Enter their name")), Length(max=120)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    email = EmailField(
        _l("Email address"),
        filters=[clean],
        validators=[DataRequired(_l("Enter their email address")), Length(max=254)],
        render_kw={"autocomplete": "off", "spellcheck": "false", "dir": "ltr"},
    )
    role = RadioField(
        _l("Role"), choices=_role_choices, validators=[DataRequired(_l("Choose a role"))]
    )


class RoleForm(Form):
    role = RadioField(
        _l("Role"), choices=_role_choices, validators=[DataRequired(_l("Choose a role"))]
    )
