"""The client view: the client's project leader follows their own client's projects (P1–P8, U6)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

import access
from clientview.charts import progress_chart
from clientview.forms import ProgressFilterForm
from cursistensite.lib.files import generated_attachment, safe_filename
from cursistensite.lib.ics import CalendarEvent, calendar_response
from questionnaires import results
from questionnaires.models import Questionnaire
from training import exports, progress, queries
from training.attendance_pdf import render_attendance_pdf


@access.contact_required
def home(request: HttpRequest) -> HttpResponse:
    """The project leader's list of their client's projects (P1)."""
    projects = access.visible_projects(request.user).order_by("-starts_on", "name")
    return render(request, "clientview/home.html", {"projects": projects})


@access.contact_required
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    """P1: the dashboard: progress per action as a chart and as a table, overall progress, what is late."""
    project = access.access_project(request.user, code)
    counts = queries.count_action_progress(project)
    context = {
        "project": project,
        "counts": counts,
        "overall": queries.overall_progress(counts),
        "chart": progress_chart(counts),
        "late_total": sum(c.late for c in counts),
        "tab": "dashboard",
    }
    return render(request, "clientview/project_detail.html", context)


@access.contact_required
def progress_table(request: HttpRequest, code: str) -> HttpResponse:
    """P2: learners × actions with status and date; sortable and filterable through GET parameters."""
    project = access.access_project(request.user, code)
    matrix = progress.build_progress_matrix(project)
    form = ProgressFilterForm(request.GET or None, groups=matrix.groups, actions=matrix.actions)
    sort = "naam"
    if form.is_bound and form.is_valid():
        filters = form.filters()
        matrix, sort = progress.filter_matrix(matrix, filters), filters.sort
    context = {
        "project": project,
        "matrix": matrix,
        "form": form,
        "sort": sort,
        "sort_by_name": _with_param(request, "sorteer", "naam"),
        "sort_by_group": _with_param(request, "sorteer", "groep"),
        "tab": "progress",
    }
    return render(request, "clientview/progress_list.html", context)


def _with_param(request: HttpRequest, key: str, value: str) -> str:
    """The current query string with `key` set to `value` (for the sort links)."""
    params = request.GET.copy()
    params[key] = value
    return params.urlencode()


@access.contact_required
def progress_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """U6, D2: the progress report as XLSX or CSV, with employee numbers."""
    project = access.access_project(request.user, code)
    if fmt not in exports.BUILDERS:
        raise Http404
    report = exports.export_progress_report(project=project, fmt=fmt, by=request.user)
    return generated_attachment(report.content, filename=report.filename, content_type=report.content_type)


@access.contact_required
def learner_detail(request: HttpRequest, code: str, learner_code: str) -> HttpResponse:
    """P2: one learner's full progress in the project: actions, sessions, attendance."""
    project = access.access_project(request.user, code)
    learner = access.access_learner(request.user, learner_code)
    if not progress.is_participant(project, learner):
        raise Http404
    context = {
        "project": project,
        "learner": learner,
        "group": progress.learner_group(project, learner),
        "items": queries.list_learner_actions(learner, project),
        "uploaded": progress.uploaded_action_ids(project, learner),
        "attendance": progress.list_learner_attendance(project, learner),
        "tab": "progress",
    }
    return render(request, "clientview/learner_detail.html", context)


@access.contact_required
def group_list(request: HttpRequest, code: str) -> HttpResponse:
    """P3: every group of the project with its members (name, email)."""
    project = access.access_project(request.user, code)
    context = {"project": project, "groups": progress.list_project_groups(project), "tab": "groups"}
    return render(request, "clientview/group_list.html", context)


@access.contact_required
def group_detail(request: HttpRequest, code: str) -> HttpResponse:
    """P3, P4: one group: its members and its sessions."""
    group = access.access_group(request.user, code)
    context = {
        "project": group.project,
        "group": group,
        "members": list(access.list_group_members(request.user, group)),
        "sessions": progress.list_project_sessions(group.project, group=group),
        "tab": "groups",
    }
    return render(request, "clientview/group_detail.html", context)


@access.contact_required
def session_list(request: HttpRequest, code: str) -> HttpResponse:
    """P4, P7: every session with trainer, date, time, location and attendance counts."""
    project = access.access_project(request.user, code)
    context = {"project": project, "sessions": progress.list_project_sessions(project), "tab": "sessions"}
    return render(request, "clientview/session_list.html", context)


@access.contact_required
def project_calendar(request: HttpRequest, code: str) -> HttpResponse:
    """P4: every session of the project as an .ics calendar."""
    project = access.access_project(request.user, code)
    events = [
        CalendarEvent(
            uid=s.code,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            summary=f"{project.name}: {s.group.name}{' – ' + s.title if s.title else ''}",
            location=s.location,
            description=f"Trainer: {s.trainer.full_name}" if s.trainer else "",
        )
        for s in progress.list_project_sessions(project)
    ]
    filename = safe_filename(f"{project.name}.ics".replace(" ", "-"))
    return calendar_response(events, name=project.name, filename=filename)


@access.contact_required
def attendance(request: HttpRequest, code: str) -> HttpResponse:
    """P7: the attendance list of one session."""
    session = access.access_session(request.user, code)
    lines = progress.session_attendance(session, access.list_group_members(request.user, session.group))
    context = {
        "project": session.group.project,
        "session": session,
        "lines": lines,
        "totals": progress.attendance_totals(lines),
        "tab": "sessions",
    }
    return render(request, "clientview/session_attendance.html", context)


@access.contact_required
def attendance_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """P7: the printable attendance list (PDF)."""
    session = access.access_session(request.user, code)
    lines = progress.session_attendance(session, access.list_group_members(request.user, session.group))
    filename = f"presentielijst-{session.group.name}-{session.starts_at:%Y-%m-%d}.pdf".replace(" ", "-")
    return generated_attachment(
        render_attendance_pdf(session, lines), filename=filename, content_type="application/pdf"
    )


@access.contact_required
def wishes(request: HttpRequest, code: str) -> HttpResponse:
    """P5: learning wishes: intake answers per learner and per question, with a summary per question."""
    project = access.access_project(request.user, code)
    context = {
        "project": project,
        "results": results.project_results(project, Questionnaire.Kind.INTAKE),
        "tab": "wishes",
    }
    return render(request, "clientview/wishes.html", context)


@access.contact_required
def preparation(request: HttpRequest, code: str) -> HttpResponse:
    """P6: per learner whether the preparation and homework actions are done (an upload counts as evidence)."""
    project = access.access_project(request.user, code)
    matrix = progress.build_progress_matrix(project, kinds=progress.PREPARATION_KINDS)
    return render(request, "clientview/preparation.html", {"project": project, "matrix": matrix, "tab": "preparation"})


@access.contact_required
def evaluations(request: HttpRequest, code: str) -> HttpResponse:
    """P8: evaluation results per question; per respondent only when the evaluation is not anonymous."""
    project = access.access_project(request.user, code)
    context = {
        "project": project,
        "results": results.project_results(project, Questionnaire.Kind.EVALUATION),
        "tab": "evaluations",
    }
    return render(request, "clientview/evaluations.html", context)
