from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

import access
from accounts.roles import Task
from audit import queries as audit_queries
from training import queries


@access.employee_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "office/home.html")


@access.staff_required(Task.TRACK_PROGRESS)
def project_list(request: HttpRequest) -> HttpResponse:
    projects = access.staff_projects(request.user, Task.TRACK_PROGRESS).select_related("client", "adviser")
    page = Paginator(projects.order_by("-starts_on", "name"), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/project_list.html", {"page": page})


@access.staff_required(Task.TRACK_PROGRESS)
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    counts = queries.count_action_progress(project)
    groups = project.groups.select_related("trainer").order_by("name")
    return render(
        request,
        "office/project_detail.html",
        {"project": project, "counts": counts, "overall": queries.overall_progress(counts), "groups": groups},
    )


@access.staff_required(Task.VIEW_AUDIT)
def audit_log(request: HttpRequest) -> HttpResponse:
    """The security officer reads and filters the activity log."""
    form = audit_queries.AuditFilterForm(request.GET or None)
    events = audit_queries.filter_events(form)
    page = Paginator(events, 100).get_page(request.GET.get("pagina"))
    return render(request, "office/audit_log.html", {"form": form, "page": page})
