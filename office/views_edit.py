"""Editing what was set up (issue 5): project, group, session, client name; certificates (L13, U7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from accounts.roles import Task
from cursistensite.lib.files import generated_attachment
from documents import certificates
from office import forms
from training import editing, exports
from training.actions import TrainingError


def _local(value: datetime | None) -> str:
    """A moment as the value of a datetime-local input, in local time."""
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if value else ""


def _save(request: HttpRequest, form: Any, update: Any, **kwargs: Any) -> bool:
    """Run `update` with the form's data; a refused rule becomes a Dutch form error and changes nothing."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        update(by=request.user, **kwargs, **form.cleaned_data)
    except TrainingError as exc:
        form.add_error(None, str(exc))
        return False
    messages.success(request, _("Wijzigingen opgeslagen."))
    return True


@access.staff_required(Task.CREATE_PROJECTS)
def project_edit(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.CREATE_PROJECTS)
    initial = {f: getattr(project, f) for f in editing.PROJECT_FIELDS}
    initial.update(
        starts_on=project.starts_on.isoformat(),
        ends_on=project.ends_on.isoformat(),
        enrolment_deadline=_local(project.enrolment_deadline),
    )
    form = forms.ProjectEditForm(request.POST or None, initial=initial)
    if _save(request, form, editing.update_project, project=project):
        return redirect("office:project-detail", project.code)
    title = _("Project %(name)s bewerken") % {"name": project.name}
    return render(request, "office/form.html", {"form": form, "title": title})


@access.staff_required(Task.CREATE_PROJECTS)
def group_edit(request: HttpRequest, code: str) -> HttpResponse:
    group = access.access_group(request.user, code, need=Task.CREATE_PROJECTS)
    initial = {"name": group.name, "capacity": group.capacity, "trainer": group.trainer_id, "location": group.location}
    form = forms.GroupForm(request.POST or None, initial=initial)
    if _save(request, form, editing.update_group, group=group):
        return redirect("office:project-detail", group.project.code)
    title = _("Groep %(name)s bewerken") % {"name": group.name}
    return render(request, "office/form.html", {"form": form, "title": title})


@access.staff_required(Task.CREATE_PROJECTS)
def session_edit(request: HttpRequest, code: str) -> HttpResponse:
    session = access.access_session(request.user, code, need=Task.CREATE_PROJECTS)
    initial = {
        "title": session.title,
        "starts_at": _local(session.starts_at),
        "ends_at": _local(session.ends_at),
        "location": session.location,
        "trainer": session.trainer_id,
    }
    form = forms.SessionForm(request.POST or None, initial=initial)
    if _save(request, form, editing.update_session, session=session):
        return redirect("office:project-detail", session.group.project.code)
    title = _("Bijeenkomst %(name)s bewerken") % {"name": session}
    return render(request, "office/form.html", {"form": form, "title": title})


@access.staff_required(Task.CREATE_PROJECTS)
def client_edit(request: HttpRequest, code: str) -> HttpResponse:
    client = access.access_client(request.user, code)
    form = forms.ClientForm(request.POST or None, instance=client, initial={"name": client.name})
    if _save(request, form, editing.rename_client, client=client):
        return redirect("office:client-detail", client.code)
    title = _("Klant %(name)s bewerken") % {"name": client.name}
    return render(request, "office/form.html", {"form": form, "title": title})


# Progress export (D2, D4) -------------------------------------------------------------------------


@access.staff_required(Task.TRACK_PROGRESS)
def progress_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The progress report of a project as XLSX or CSV, with employee numbers (office only)."""
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    if fmt not in exports.BUILDERS:
        raise Http404
    report = exports.export_progress_report(project=project, fmt=fmt, by=request.user)
    return generated_attachment(report.content, filename=report.filename, content_type=report.content_type)


# Certificates (L13 staff side, U7) ----------------------------------------------------------------


@access.staff_required(Task.LINK_TRAININGS)
def certificate_list(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.LINK_TRAININGS)
    rows = list(certificates.project_certificates(project)[:500])
    return render(request, "office/certificate_list.html", {"project": project, "certificates": rows})


@access.staff_required(Task.LINK_TRAININGS)
@require_POST
def certificate_revoke(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificates.staff_certificate(request.user, code, need=Task.LINK_TRAININGS)
    certificates.revoke_certificate(certificate=certificate, by=request.user)
    messages.success(request, _("Certificaat ingetrokken."))
    return redirect("office:certificate-list", certificate.project.code)


@access.staff_required(Task.LINK_TRAININGS)
@require_POST
def certificate_reissue(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificates.staff_certificate(request.user, code, need=Task.LINK_TRAININGS)
    try:
        certificates.reissue_certificate(certificate=certificate, by=request.user)
    except certificates.CertificateError:
        messages.error(request, _("Deze cursist voldoet niet (meer) aan de eisen; er is geen nieuw certificaat."))
    else:
        messages.success(request, _("Nieuw certificaat uitgegeven met een nieuwe controlecode."))
    return redirect("office:certificate-list", certificate.project.code)
