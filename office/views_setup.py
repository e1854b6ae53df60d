"""Setting up work: clients and project leaders, projects, actions, groups, sessions, copy, learner import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

import access
from accounts.actions import create_invitation
from accounts.roles import Task
from clients import imports
from clients.actions import create_client, create_contact
from documents.actions import UploadError, add_material
from messaging import mails
from office import forms
from office import queries as office_queries
from office.actions import link_action
from training.actions import TrainingError, add_session, create_group, create_project
from training.copying import copy_project

IMPORT_KEY = "office_import"


@access.staff_required(Task.CREATE_PROJECTS)
def client_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(office_queries.clients_with_counts(), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/client_list.html", {"page": page})


@access.staff_required(Task.CREATE_PROJECTS)
def client_create(request: HttpRequest) -> HttpResponse:
    form = forms.ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = create_client(name=form.cleaned_data["name"], by=request.user)
        messages.success(request, _("Klant aangemaakt."))
        return redirect("office:client-detail", client.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe klant")})


@access.staff_required(Task.CREATE_PROJECTS)
def client_detail(request: HttpRequest, code: str) -> HttpResponse:
    client = access.access_client(request.user, code)
    contacts = client.contacts.select_related("user").order_by("user__full_name")
    projects = client.projects.order_by("-starts_on")
    return render(
        request, "office/client_detail.html", {"client_obj": client, "contacts": contacts, "projects": projects}
    )


@access.staff_required(Task.ENTER_LEARNERS)
def contact_create(request: HttpRequest, code: str) -> HttpResponse:
    """A project leader of the client, optionally invited at once (U1)."""
    client = access.access_client(request.user, code)
    form = forms.ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact = create_contact(
            client=client, email=data["email"], full_name=data["full_name"], phone=data["phone"], by=request.user
        )
        if data["invite"]:
            url = create_invitation(user=contact.user, by=request.user)
            mails.invitation(user=contact.user, url=url, by=request.user, client=client)
        messages.success(request, _("Projectleider toegevoegd."))
        return redirect("office:client-detail", client.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe projectleider voor %s") % client})


@access.staff_required(Task.CREATE_PROJECTS)
def project_create(request: HttpRequest) -> HttpResponse:
    form = forms.ProjectForm(request.POST or None, initial={"client": request.GET.get("klant")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        project = create_project(
            client=data.pop("client"), name=data.pop("name"), starts_on=data.pop("starts_on"),
            ends_on=data.pop("ends_on"), by=request.user, **data,
        )  # fmt: skip
        messages.success(request, _("Project aangemaakt."))
        return redirect("office:project-detail", project.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuw project")})


@access.staff_required(Task.CREATE_PROJECTS)
def project_copy(request: HttpRequest, code: str) -> HttpResponse:
    """Copy a project with its actions, questionnaires, groups and sessions onto new dates (S9)."""
    project = access.access_project(request.user, code, need=Task.CREATE_PROJECTS)
    form = forms.CopyProjectForm(request.POST or None, initial={"name": f"{project.name} (kopie)"})
    if request.method == "POST" and form.is_valid():
        copy = copy_project(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, _("Project gekopieerd. Controleer de datums van de bijeenkomsten."))
        return redirect("office:project-detail", copy.code)
    title = _("Project %(name)s kopiëren") % {"name": project.name}
    return render(request, "office/form.html", {"form": form, "title": title, "submit": _("Kopiëren")})


@access.staff_required(Task.LINK_TRAININGS)
def action_create(request: HttpRequest, code: str) -> HttpResponse:
    """Link a training or e-learning to the project, one group or (later) single learners (U3)."""
    project = access.access_project(request.user, code, need=Task.LINK_TRAININGS)
    form = forms.ActionForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            link_action(project=project, by=request.user, **form.cleaned_data)
        except TrainingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Actie toegevoegd."))
            return redirect("office:project-detail", project.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe actie voor %s") % project})


@access.staff_required(Task.LINK_TRAININGS)
def material_create(request: HttpRequest, code: str) -> HttpResponse:
    """Attach course material or a document to the project, one group or one learner (U7)."""
    project = access.access_project(request.user, code, need=Task.LINK_TRAININGS)
    form = forms.MaterialForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            add_material(project=project, by=request.user, **form.cleaned_data)
        except UploadError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Materiaal toegevoegd."))
            return redirect("office:project-detail", project.code)
    title = _("Materiaal voor %s") % project
    return render(request, "office/form.html", {"form": form, "title": title, "multipart": True})


@access.staff_required(Task.CREATE_PROJECTS)
def group_create(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.CREATE_PROJECTS)
    form = forms.GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        create_group(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, _("Groep aangemaakt."))
        return redirect("office:project-detail", project.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe groep voor %s") % project})


@access.staff_required(Task.CREATE_PROJECTS)
def session_create(request: HttpRequest, code: str) -> HttpResponse:
    group = access.access_group(request.user, code, need=Task.CREATE_PROJECTS)
    form = forms.SessionForm(request.POST or None, initial={"location": group.location, "trainer": group.trainer})
    if request.method == "POST" and form.is_valid():
        add_session(group=group, by=request.user, **form.cleaned_data)
        messages.success(request, _("Bijeenkomst toegevoegd."))
        return redirect("office:project-detail", group.project.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe bijeenkomst voor %s") % group})


@access.staff_required(Task.ENTER_LEARNERS)
def learner_create(request: HttpRequest, code: str) -> HttpResponse:
    """Enter one learner by hand and place them in a group (U2)."""
    project = access.access_project(request.user, code, need=Task.ENTER_LEARNERS)
    form = forms.LearnerForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        rows = [imports.ImportRow(0, data["full_name"], data["email"], data["employee_number"], "")]
        if data["group"] is not None:
            rows[0].group = data["group"].name
        result = imports.apply_import(project=project, rows=rows, by=request.user)
        if result.skipped:
            form.add_error(None, _("Deze cursist kon niet worden toegevoegd; de groep is mogelijk vol."))
        else:
            messages.success(request, _("Cursist toegevoegd."))
            return redirect("office:project-learners", project.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe cursist voor %s") % project})


# Learner import (S9, U2) ------------------------------------------------------------------------


def _stored(request: HttpRequest, project: Any) -> dict[str, Any]:
    stored = request.session.get(IMPORT_KEY)
    if not stored or stored.get("project") != project.code:
        raise Http404
    return dict(stored)


@access.staff_required(Task.ENTER_LEARNERS)
def import_upload(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.ENTER_LEARNERS)
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = imports.read_table(upload, upload.name)
        except imports.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            # The parsed rows wait in the session; nothing is written and no file is kept.
            request.session[IMPORT_KEY] = {"project": project.code, "table": table, "name": upload.name}
            return redirect("office:import-mapping", project.code)
    return render(request, "office/import_upload.html", {"form": form, "project": project})


@access.staff_required(Task.ENTER_LEARNERS)
def import_mapping(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.ENTER_LEARNERS)
    stored = _stored(request, project)
    header = stored["table"][0]
    initial = {k: "" if v is None else str(v) for k, v in imports.guess_mapping(header).items()}
    form = forms.ImportMappingForm(request.POST or None, header=header, initial=initial)
    if request.method == "POST" and form.is_valid():
        stored["mapping"] = form.mapping()
        request.session[IMPORT_KEY] = stored
        return redirect("office:import-preview", project.code)
    return render(request, "office/import_mapping.html", {"form": form, "project": project, "stored": stored})


@access.staff_required(Task.ENTER_LEARNERS)
def import_preview(request: HttpRequest, code: str) -> HttpResponse:
    """Every row with its Dutch error or what will happen; confirm writes the good rows only."""
    project = access.access_project(request.user, code, need=Task.ENTER_LEARNERS)
    stored = _stored(request, project)
    if "mapping" not in stored:
        return redirect("office:import-mapping", project.code)
    rows = imports.map_rows(stored["table"], stored["mapping"])
    if request.method == "POST":
        try:
            result = imports.apply_import(project=project, rows=rows, by=request.user)
        except TrainingError as exc:
            messages.error(request, str(exc))
            return redirect("office:import-preview", project.code)
        del request.session[IMPORT_KEY]
        messages.success(
            request,
            _("Import klaar: %(c)s nieuw, %(u)s bijgewerkt, %(n)s ongewijzigd, %(s)s overgeslagen.")
            % {"c": result.created, "u": result.updated, "n": result.unchanged, "s": result.skipped},
        )
        return redirect("office:project-learners", project.code)
    rows = imports.check_rows(project, rows)
    bad = [r for r in rows if not r.ok]
    return render(
        request,
        "office/import_preview.html",
        {"project": project, "rows": rows, "bad": bad, "good": len(rows) - len(bad), "stored": stored},
    )
