from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    password = forms.CharField(
        label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    error_messages = {
        # One message for unknown accounts and wrong passwords: nobody can tell which accounts exist.
        "invalid_login": _("Deze combinatie van e-mailadres en wachtwoord kennen we niet."),
        "inactive": _("Deze combinatie van e-mailadres en wachtwoord kennen we niet."),
        "expired": _("Je toegang is verlopen. Neem contact op met de security officer."),
    }

    def clean_username(self) -> str:
        """One spelling per address, so the lockout counts `Anna@x` and `anna@x` as one account."""
        return str(self.cleaned_data["username"]).strip().lower()

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if isinstance(user, User) and user.access_expired():
            raise forms.ValidationError(self.error_messages["expired"], code="expired")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}),
        error_messages={
            "required": _("Vul de code van zes cijfers in."),
            "min_length": _("De code heeft zes cijfers."),
            "max_length": _("De code heeft zes cijfers."),
        },
    )

    def clean_token(self) -> str:
        token: str = self.cleaned_data["token"]
        if not token.isdigit():
            raise forms.ValidationError(_("De code bestaat alleen uit cijfers."))
        return token


_CONFIRM_FIELD = "new_password2"


class NewPasswordForm(SetPasswordForm):
    """Choose a password (invitation, reset), with every validator message in Dutch.

    Django 5.2.19 changed the wording of the too-short message and its Dutch catalogue has not
    caught up, so that one message comes from here."""

    def validate_password_for_user(self, user: Any, password_field_name: str = _CONFIRM_FIELD) -> None:
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            self.add_error(password_field_name, [_in_dutch(e) for e in error.error_list])


def _in_dutch(error: ValidationError) -> ValidationError:
    if error.code != "password_too_short":
        return error
    minimum = int((error.params or {}).get("min_length", 0))
    message = ngettext(
        "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d teken.",
        "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.",
        minimum,
    ) % {"min_length": minimum}
    return ValidationError(message, code=error.code)
