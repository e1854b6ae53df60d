from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

import access
from training import queries


@access.contact_required
def home(request: HttpRequest) -> HttpResponse:
    """The project leader's list of their client's projects (P1)."""
    projects = access.visible_projects(request.user).order_by("-starts_on", "name")
    return render(request, "clientview/home.html", {"projects": projects})


@access.contact_required
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    """P1: progress of the project, per action."""
    project = access.access_project(request.user, code)
    counts = queries.count_action_progress(project)
    return render(
        request,
        "clientview/project_detail.html",
        {"project": project, "counts": counts, "overall": queries.overall_progress(counts)},
    )
