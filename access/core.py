"""Who is acting: the kind of user, their learner or contact row, and their tasks."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from accounts.models import User
from accounts.roles import Task
from clients.models import ClientContact, Learner

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def learner_of(user: Any) -> Learner | None:
    """The learner row of `user`, cached on the user object."""
    if not getattr(user, "is_authenticated", False) or user.kind != User.Kind.LEARNER:
        return None
    cached = getattr(user, "_learner_cache", None)
    if cached is None:
        cached = Learner.objects.select_related("client").filter(user=user).first()
        user._learner_cache = cached
    return cached


def contact_of(user: Any) -> ClientContact | None:
    if not getattr(user, "is_authenticated", False) or user.kind != User.Kind.CONTACT:
        return None
    cached = getattr(user, "_contact_cache", None)
    if cached is None:
        cached = ClientContact.objects.select_related("client").filter(user=user).first()
        user._contact_cache = cached
    return cached


def require_task(user: Any, task: Task) -> None:
    """403 unless `user` is an employee holding `task` through one of their roles."""
    if not getattr(user, "is_authenticated", False) or not user.is_employee or task not in user.tasks:
        raise PermissionDenied


def _guard(check: Callable[[Any], bool], *, audience: str, task: Task | None = None) -> Callable[[View], View]:
    """Wrap a view: anonymous users go to the login page, the wrong kind of user gets 403.

    The wrapped view carries `audience` and `required_task`, so the authorization matrix test
    knows what every URL demands without a second list to keep in step.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.__dict__.update(audience=audience, required_task=task)
        return cast(View, wrapped)

    return decorator


learner_required = _guard(lambda user: learner_of(user) is not None, audience="learner")
contact_required = _guard(lambda user: contact_of(user) is not None, audience="contact")
employee_required = _guard(lambda user: user.is_employee, audience="employee")
# Pages any logged-in person may open; the access_* call inside decides what they see.
any_user_required = _guard(lambda user: True, audience="any")


def staff_required(task: Task) -> Callable[[View], View]:
    """The view is an office page for employees holding `task`."""
    return _guard(lambda user: user.is_employee and task in user.tasks, audience="employee", task=task)
