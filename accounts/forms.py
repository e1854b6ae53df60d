from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

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
