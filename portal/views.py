from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

import access
from training import queries


@access.learner_required
def home(request: HttpRequest) -> HttpResponse:
    learner = access.learner_of(request.user)
    assert learner is not None
    projects = list(access.learner_projects(learner).order_by("-starts_on"))
    if len(projects) == 1:
        return redirect("portal:project-detail", code=projects[0].code)
    return render(request, "portal/home.html", {"projects": projects})


@access.learner_required
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    """L2: the learner's overview of project and actions."""
    project = access.access_project(request.user, code)
    learner = access.learner_of(request.user)
    assert learner is not None
    items = queries.list_learner_actions(learner, project)
    return render(
        request,
        "portal/project_detail.html",
        {
            "project": project,
            "items": items,
            "next_item": queries.next_action(items),
            "sessions": queries.list_learner_sessions(learner, project),
        },
    )
