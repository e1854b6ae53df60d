from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.actions import InvalidInvitation, accept_invitation, client_of, find_invitation
from accounts.forms import LoginForm, NewPasswordForm, TokenForm
from accounts.models import User
from audit.actions import record
from audit.models import Event
from messaging import mails


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth import logout

    logout(request)
    messages.success(request, _("Je bent uitgelogd."))
    return redirect("accounts:login")


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("home")


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP device (first time, with a QR code) or verify a code (every login)."""
    user = cast(User, request.user)
    if not user.is_employee:
        return redirect("home")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="authenticator", confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _throttle = device.verify_is_allowed()
        if not allowed:
            # django-otp waits longer after every wrong code; say so instead of "wrong code".
            form.add_error(
                "token", _("Te veel verkeerde codes achter elkaar. Wacht een halve minuut en probeer het opnieuw.")
            )
        elif device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                if enrolling:
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    record(Event.OTP_ENROLLED, actor=user, target=user)
                otp_login(request, device)
            return redirect(_safe_next(request))
        else:
            form.add_error("token", _("Deze code klopt niet. Probeer de nieuwste code uit je app."))
    context: dict[str, Any] = {"form": form, "enrolling": enrolling, "next": _safe_next(request)}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
        context["secret"] = device.config_url.split("secret=")[1].split("&")[0]
    return render(request, "accounts/two_factor.html", context)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Set a password with a single-use invitation link (U1)."""
    try:
        invitation = find_invitation(token)
    except InvalidInvitation:
        return render(request, "accounts/invitation_invalid.html", status=410)
    form = NewPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accept_invitation(token=token, password=form.cleaned_data["new_password1"])
        except InvalidInvitation:
            return render(request, "accounts/invitation_invalid.html", status=410)
        messages.success(request, _("Je wachtwoord is ingesteld. Je kunt nu inloggen."))
        return redirect("accounts:login")
    return render(request, "accounts/invitation.html", {"form": form, "invited": invitation.user})


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset mail through the outbox; the same answer whether the account exists or not."""

    def get_users(self, email: str) -> Iterator[Any]:
        """Active accounts with this address, also those that never set a password: the page for a
        used or expired invitation sends people here."""
        return iter(User.objects.filter(email__iexact=email.strip(), is_active=True))

    def save(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        email = self.cleaned_data["email"]
        for user in self.get_users(email):
            assert request is not None
            url = request.build_absolute_uri(
                reverse(
                    "accounts:password-reset-confirm",
                    args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
                )
            )
            if isinstance(user, User):
                mails.password_reset(user=user, url=url)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            user = form.user
            record(Event.PASSWORD_SET, actor=user, target=user, client=client_of(user), data={"via": "reset"})
        messages.success(self.request, _("Je nieuwe wachtwoord is ingesteld. Je kunt nu inloggen."))
        return response
