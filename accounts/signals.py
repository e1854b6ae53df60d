"""Activity log for logging in and out (D4). Audit is a side record, not business flow."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.actions import client_of
from audit.actions import record
from audit.models import Event


def _ip(request: HttpRequest | None) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    record(Event.LOGIN, actor=user, target=user, ip=_ip(request), client=client_of(user))


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(Event.LOGOUT, actor=user, target=user, ip=_ip(request), client=client_of(user))


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    record(Event.LOGIN_FAILED, actor=None, label=str(credentials.get("username", ""))[:254], ip=_ip(request))


@receiver(user_locked_out)
def on_locked_out(sender: Any, request: HttpRequest, username: str | None = None, **kwargs: Any) -> None:
    record(Event.LOCKED_OUT, actor=None, label=(username or "")[:254], ip=_ip(request))
