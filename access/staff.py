"""Access to clients (the tenants themselves) and to employee accounts."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from access.core import require_task
from accounts.models import User
from accounts.roles import Task
from clients.models import Client


def access_client(user: Any, code: str, *, need: Task = Task.CREATE_PROJECTS) -> Client:
    """Employees who set up projects work for every client (403 without the task, else 404 when missing)."""
    require_task(user, need)
    client = Client.objects.filter(code=code).first()
    if client is None:
        raise Http404
    return client


def access_employee(user: Any, code: str) -> User:
    """A staff member or third party, for the security officer only (S3)."""
    require_task(user, Task.MANAGE_STAFF)
    person = User.objects.filter(code=code, kind__in=[User.Kind.STAFF, User.Kind.THIRD_PARTY]).first()
    if person is None:
        raise Http404
    return person
