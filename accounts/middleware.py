"""Gates every request of an employee or third party (S2, S5, ARCHITECTURE decision 3)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import logout
from django.contrib.messages import constants
from django.contrib.messages.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

# Paths an employee may reach before the second factor and NDA check: logging in and out,
# setting up the second factor, public pages and static files.
OPEN_PREFIXES = ("/account/", "/static/", "/i18n/", "/portal/certificaat/controle/", "/favicon.ico")


class AccountGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_employee:
            if user.access_expired():
                # S5: a third party past the end date is refused on the very next request.
                from audit.actions import record
                from audit.models import Event

                record(Event.ACCESS_REFUSED, actor=user, data={"reason": "expired"})
                logout(request)
                return _redirect_with_error(
                    request, "accounts:login", _("Je toegang is verlopen. Neem contact op met de security officer.")
                )
            if not request.path.startswith(OPEN_PREFIXES):
                if not getattr(user, "is_verified", lambda: False)():
                    return redirect(f"/account/tweede-factor/?next={request.get_full_path()}")
                if user.nda_signed_on is None or (
                    user.kind == user.Kind.THIRD_PARTY and user.processing_agreement_signed_on is None
                ):
                    return render(request, "accounts/nda_required.html", status=403)
        return self.get_response(request)


def _redirect_with_error(request: HttpRequest, to: str, message: str) -> HttpResponse:
    """Redirect with a flash message. This gate runs before MessageMiddleware (which would only add
    `request._messages` later), so it stores the message itself when that storage is not there yet."""
    response = redirect(to)
    storage = getattr(request, "_messages", None)
    if storage is not None:
        storage.add(constants.ERROR, message)
    else:
        storage = default_storage(request)
        storage.add(constants.ERROR, message)
        storage.update(response)
    return response
