"""Trainer pages, progress, uploads, staff administration, invoices and system pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from accounts import staff
from accounts.roles import Task
from documents.models import Upload
from invoices import actions as invoice_actions
from invoices import queries as invoice_queries
from invoices.pdf import invoice_pdf, pdf_response
from messaging.models import MailMessage
from office import forms
from office import queries as office_queries
from questionnaires.models import Question, Questionnaire, Response
from training import progress, queries
from training.actions import TrainingError, record_attendance
from training.models import Attendance

ATTENDANCE_LABELS = dict(Attendance.Status.choices)

# Trainer ------------------------------------------------------------------------------------------


@access.staff_required(Task.TRACK_PROGRESS)
def session_attendance(request: HttpRequest, code: str) -> HttpResponse:
    """Register present / absent / excused / late for every learner of the session's group."""
    session = office_queries.access_own_session(request.user, code)
    learners = access.list_group_members(request.user, session.group, need=Task.TRACK_PROGRESS)
    current = dict(Attendance.objects.filter(session=session).values_list("learner_id", "status"))
    form = forms.AttendanceForm(request.POST or None, learners=learners, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            for learner, status in form.statuses():
                record_attendance(session=session, learner=learner, status=status, by=request.user)
        except TrainingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Aanwezigheid opgeslagen."))
            return redirect("office:home")
    return render(request, "office/session_attendance.html", {"session": session, "form": form})


@access.staff_required(Task.TRACK_PROGRESS)
def session_briefing(request: HttpRequest, code: str) -> HttpResponse:
    """Before a session: the intake answers of exactly this group's learners."""
    session = office_queries.access_own_session(request.user, code)
    learners = list(access.list_group_members(request.user, session.group, need=Task.TRACK_PROGRESS))
    intakes = Questionnaire.objects.filter(project=session.group.project, kind=Questionnaire.Kind.INTAKE)
    questions = list(Question.objects.filter(questionnaire__in=intakes).order_by("questionnaire_id", "order", "id"))
    responses = {
        r.learner_id: r.answers
        for r in Response.objects.filter(questionnaire__in=intakes, learner__in=learners, submitted_at__isnull=False)
    }
    rows = [
        (
            learner,
            [(q, _answer(responses.get(learner.pk, {}).get(str(q.pk)))) for q in questions],
            learner.pk in responses,
        )
        for learner in learners
    ]
    return render(request, "office/session_briefing.html", {"session": session, "rows": rows, "questions": questions})


def _answer(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value)


@access.staff_required(Task.VIEW_UPLOADS)
def upload_list(request: HttpRequest) -> HttpResponse:
    """Uploads of the learners of projects this employee works on; archived ones (past hidden_at) stay
    downloadable for staff and are marked as such (D5)."""
    projects = access.staff_projects(request.user, Task.VIEW_UPLOADS)
    uploads = (
        Upload.objects.filter(project__in=projects)
        .select_related("learner__user", "project", "action")
        .order_by("-uploaded_at", "-id")
    )
    page = Paginator(uploads, 50).get_page(request.GET.get("pagina"))
    return render(request, "office/upload_list.html", {"page": page, "now": timezone.now()})


@access.staff_required(Task.TRACK_PROGRESS)
def project_progress(request: HttpRequest, code: str) -> HttpResponse:
    """Per learner × action progress of a project, as in the client view (P2)."""
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    matrix = progress.build_progress_matrix(project)
    return render(request, "office/project_progress.html", {"project": project, "matrix": matrix})


# Staff administration (S1–S3, S5) ----------------------------------------------------------------


@access.staff_required(Task.MANAGE_STAFF)
def staff_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(office_queries.employees(), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/staff_list.html", {"page": page})


@access.staff_required(Task.MANAGE_STAFF)
def access_review(request: HttpRequest) -> HttpResponse:
    """Every account with roles, NDA date, second factor, last login and end date (S3)."""
    page = Paginator(office_queries.employees(), 200).get_page(request.GET.get("pagina"))
    return render(request, "office/access_review.html", {"page": page, "now": timezone.now()})


@access.staff_required(Task.MANAGE_STAFF)
def staff_create(request: HttpRequest) -> HttpResponse:
    form = forms.NewStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = staff.create_staff(
                email=data["email"], full_name=data["full_name"], roles=data["roles"], by=request.user,
                nda_signed_on=data["nda_signed_on"], third_party=data["third_party_account"],
                organisation=data["organisation"],
                processing_agreement_signed_on=data["processing_agreement_signed_on"],
                access_ends_at=form.access_ends_at(),
            )  # fmt: skip
        except staff.StaffError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Account aangemaakt."))
            return redirect("office:staff-edit", user.code)
    return render(request, "office/form.html", {"form": form, "title": _("Nieuwe medewerker of derde partij")})


@access.staff_required(Task.MANAGE_STAFF)
def staff_edit(request: HttpRequest, code: str) -> HttpResponse:
    person = access.access_employee(request.user, code)
    initial = {
        "full_name": person.full_name,
        "roles": [str(r) for r in person.roles],
        "nda_signed_on": person.nda_signed_on,
        "organisation": person.organisation,
        "processing_agreement_signed_on": person.processing_agreement_signed_on,
        "access_ends_on": timezone.localdate(person.access_ends_at) if person.access_ends_at else None,
    }
    third_party = person.kind == person.Kind.THIRD_PARTY
    form = forms.StaffForm(request.POST or None, initial=initial, third_party=third_party)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            staff.update_staff(
                user=person, by=request.user, full_name=data["full_name"], roles=data["roles"],
                nda_signed_on=data["nda_signed_on"], organisation=data["organisation"],
                processing_agreement_signed_on=data["processing_agreement_signed_on"],
                access_ends_at=form.access_ends_at(),
            )  # fmt: skip
        except staff.StaffError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Wijzigingen opgeslagen."))
            return redirect("office:staff-list")
    return render(request, "office/staff_edit.html", {"form": form, "person": person})


@access.staff_required(Task.MANAGE_STAFF)
@require_POST
def staff_deactivate(request: HttpRequest, code: str) -> HttpResponse:
    person = access.access_employee(request.user, code)
    try:
        staff.deactivate_staff(user=person, by=request.user)
    except staff.StaffError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Account gedeactiveerd; alle sessies zijn beëindigd."))
    return redirect("office:staff-list")


# Invoices (S10) -----------------------------------------------------------------------------------


@access.staff_required(Task.SEND_INVOICES)
def invoice_list(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.SEND_INVOICES)
    if request.method == "POST":
        invoice = invoice_actions.create_invoice(project=project, by=request.user)
        return redirect("office:invoice-detail", invoice.code)
    page = Paginator(invoice_queries.project_invoices(project), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/invoice_list.html", {"project": project, "page": page})


@access.staff_required(Task.SEND_INVOICES)
def invoice_detail(request: HttpRequest, code: str) -> HttpResponse:
    invoice = invoice_queries.access_invoice(request.user, code)
    form = forms.InvoiceLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invoice_actions.add_line(invoice=invoice, by=request.user, **form.cleaned_data)
        except invoice_actions.InvoiceError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("office:invoice-detail", invoice.code)
    lines = list(invoice.lines.all())
    return render(request, "office/invoice_detail.html", {"invoice": invoice, "lines": lines, "form": form})


@access.staff_required(Task.SEND_INVOICES)
@require_POST
def invoice_status(request: HttpRequest, code: str, step: str) -> HttpResponse:
    invoice = invoice_queries.access_invoice(request.user, code)
    action = {"versturen": invoice_actions.send_invoice, "betaald": invoice_actions.mark_paid}.get(step)
    if action is None:
        return redirect("office:invoice-detail", invoice.code)
    try:
        action(invoice=invoice, by=request.user)
    except invoice_actions.InvoiceError as exc:
        messages.error(request, str(exc))
    return redirect("office:invoice-detail", invoice.code)


@access.staff_required(Task.SEND_INVOICES)
def invoice_download(request: HttpRequest, code: str) -> HttpResponse:
    invoice = invoice_queries.access_invoice(request.user, code)
    name = f"factuur-{invoice.number or 'concept-' + invoice.code}.pdf"
    return pdf_response(invoice_pdf(invoice), filename=name)


# System (programmers) -----------------------------------------------------------------------------


@access.staff_required(Task.TEST_SYSTEM)
def system_status(request: HttpRequest) -> HttpResponse:
    outbox = dict(MailMessage.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    rows = [(label, outbox.get(value, 0)) for value, label in MailMessage.Status.choices]
    return render(request, "office/system_status.html", {"outbox": rows, "database": connection.vendor})


@access.staff_required(Task.CHANGE_SYSTEM)
def system_admin(request: HttpRequest) -> HttpResponse:
    return redirect("admin:index")


@access.staff_required(Task.TRACK_PROGRESS)
def learner_progress(request: HttpRequest, code: str, learner: str) -> HttpResponse:
    """One learner's actions and attendance in one project, as in the client view (P2)."""
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    person = access.access_learner(request.user, learner, need=Task.TRACK_PROGRESS)
    if not progress.is_participant(project, person):
        raise Http404
    context = {
        "project": project,
        "learner": person,
        "group": progress.learner_group(project, person),
        "actions": queries.list_learner_actions(person, project),
        "attendance": [
            (a.session, ATTENDANCE_LABELS.get(a.status, _("nog niet ingevuld")))
            for a in progress.list_learner_attendance(project, person)
        ],
    }
    return render(request, "office/learner_progress.html", context)
