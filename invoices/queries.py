"""Reads on invoices, always through the projects the employee may invoice."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from access import staff_projects
from accounts.roles import Task
from invoices.models import Invoice
from training.models import Project


def project_invoices(project: Project) -> QuerySet[Invoice]:
    return Invoice.objects.filter(project=project).prefetch_related("lines").order_by("-created_at", "-id")


def access_invoice(user: Any, code: str) -> Invoice:
    """An invoice of a project `user` may invoice (403 without the task, 404 otherwise)."""
    invoice = (
        Invoice.objects.filter(project__in=staff_projects(user, Task.SEND_INVOICES), code=code)
        .select_related("project", "client")
        .first()
    )
    if invoice is None:
        raise Http404
    return invoice
