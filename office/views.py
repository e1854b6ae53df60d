"""The office: the company's own back office. Every view answers to the S4 task matrix via `access`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

import access
from access.questions import visible_threads
from accounts.roles import Role, Task
from audit import queries as audit_queries
from messaging.invitations import invite_learners
from messaging.queries import learner_mails
from office import queries as office_queries
from office.forms import SearchForm
from training import queries
from training.models import Enrolment, Participation


@access.employee_required
def home(request: HttpRequest) -> HttpResponse:
    """What needs attention, per role."""
    user: Any = request.user
    context: dict[str, Any] = {}
    if Role.TRAINER in user.roles:
        context["sessions_this_week"] = office_queries.trainer_sessions_this_week(user)
        context["missing_attendance"] = office_queries.sessions_missing_attendance(user)[:50]
    if Role.CA in user.roles:
        context["to_invite"] = office_queries.projects_to_invite(user)[:50]
    if Task.ANSWER_QUESTIONS in user.tasks:
        # Questions waiting for an answer: open and not answered since the learner last wrote.
        context["open_questions"] = (
            visible_threads(user).filter(closed_at__isnull=True, answered_at__isnull=True).count()
        )
    if Task.MANAGE_STAFF in user.tasks:
        context["without_nda"] = office_queries.employees().filter(nda_signed_on__isnull=True, is_active=True)[:50]
    return render(request, "office/home.html", context)


@access.staff_required(Task.TRACK_PROGRESS)
def project_list(request: HttpRequest) -> HttpResponse:
    projects = access.staff_projects(request.user, Task.TRACK_PROGRESS).select_related("client", "adviser")
    page = Paginator(projects.order_by("-starts_on", "name"), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/project_list.html", {"page": page})


@access.staff_required(Task.TRACK_PROGRESS)
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    counts = queries.count_action_progress(project)
    groups = project.groups.select_related("trainer").prefetch_related("sessions").order_by("name")
    return render(
        request,
        "office/project_detail.html",
        {"project": project, "counts": counts, "overall": queries.overall_progress(counts), "groups": groups},
    )


@access.staff_required(Task.TRACK_PROGRESS)
def project_learners(request: HttpRequest, code: str) -> HttpResponse:
    """The learners of a project with their group and invitation date."""
    project = access.access_project(request.user, code, need=Task.TRACK_PROGRESS)
    page = Paginator(office_queries.project_participants(project), 100).get_page(request.GET.get("pagina"))
    groups = dict(
        Enrolment.objects.filter(
            project=project, status=Enrolment.Status.ENROLLED, learner__in=[p.learner_id for p in page]
        ).values_list("learner_id", "group__name")
    )
    rows = [(p, groups.get(p.learner_id, "")) for p in page]
    return render(request, "office/project_learners.html", {"project": project, "page": page, "rows": rows})


@access.staff_required(Task.VIEW_AUDIT)
@require_safe
def audit_log(request: HttpRequest) -> HttpResponse:
    """The security officer reads and filters the activity log."""
    form = audit_queries.AuditFilterForm(request.GET or None)
    events = audit_queries.filter_events(form)
    page = Paginator(events, 100).get_page(request.GET.get("pagina"))
    return render(request, "office/audit_log.html", {"form": form, "page": page})


# Learners, mail history, invitations ------------------------------------------------------------


def _search(queryset: Any, request: HttpRequest) -> tuple[SearchForm, Any]:
    form = SearchForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["q"]:
        term = form.cleaned_data["q"].strip()
        queryset = queryset.filter(Q(user__full_name__icontains=term) | Q(user__email__icontains=term))
    return form, queryset


@access.staff_required(Task.CONTACT_LEARNERS)
def learner_list(request: HttpRequest) -> HttpResponse:
    learners = access.staff_learners(request.user, Task.CONTACT_LEARNERS).select_related("user", "client")
    form, learners = _search(learners, request)
    page = Paginator(learners.order_by("user__full_name", "id"), 50).get_page(request.GET.get("pagina"))
    return render(request, "office/learner_list.html", {"form": form, "page": page})


@access.staff_required(Task.CONTACT_LEARNERS)
def learner_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A learner's details, projects and mail history (U4)."""
    learner = access.access_learner(request.user, code, need=Task.CONTACT_LEARNERS)
    projects = access.staff_projects(request.user, Task.CONTACT_LEARNERS)
    participations = Participation.objects.filter(learner=learner, project__in=projects).select_related("project")
    mails = learner_mails(learner)[:100]
    return render(
        request,
        "office/learner_detail.html",
        {"learner": learner, "participations": participations, "mails": mails},
    )


@access.staff_required(Task.ANSWER_QUESTIONS)
def questions(request: HttpRequest) -> HttpResponse:
    """Helpdesk lookup for a learner's question: account, invitation and the last mails."""
    learners = access.staff_learners(request.user, Task.ANSWER_QUESTIONS).select_related("user", "client")
    form, found = _search(learners, request)
    results = found.order_by("user__full_name", "id")[:25] if form.is_bound else []
    return render(request, "office/questions.html", {"form": form, "results": results})


def _invite_page(
    request: HttpRequest, project: Any, learners: Any, title: str, back: str, only_new: bool = True
) -> HttpResponse:
    participations = Participation.objects.filter(project=project, learner__in=learners)
    if only_new:
        participations = participations.filter(invited_at__isnull=True)
    if request.method == "POST":
        ids = list(participations.values_list("learner_id", flat=True))
        count = invite_learners(project=project, learners=learners.filter(pk__in=ids), by=request.user)
        messages.success(request, _("%(n)s uitnodigingen staan klaar om te versturen.") % {"n": count})
        return redirect(back)
    return render(
        request, "office/invite_confirm.html", {"project": project, "count": participations.count(), "title": title}
    )


@access.staff_required(Task.SEND_MAIL)
def project_invite(request: HttpRequest, code: str) -> HttpResponse:
    project = access.access_project(request.user, code, need=Task.SEND_MAIL)
    learners = access.staff_learners(request.user, Task.SEND_MAIL).filter(participations__project=project)
    title = _("Alle cursisten van %(name)s uitnodigen") % {"name": project.name}
    return _invite_page(request, project, learners, title, reverse("office:project-learners", args=[project.code]))


@access.staff_required(Task.SEND_MAIL)
def group_invite(request: HttpRequest, code: str) -> HttpResponse:
    group = access.access_group(request.user, code, need=Task.SEND_MAIL)
    learners = access.list_group_members(request.user, group, need=Task.SEND_MAIL)
    title = _("Groep %(name)s uitnodigen") % {"name": group.name}
    back = reverse("office:project-learners", args=[group.project.code])
    return _invite_page(request, group.project, learners, title, back)


@access.staff_required(Task.SEND_MAIL)
@require_POST
def learner_invite(request: HttpRequest, code: str, project: str) -> HttpResponse:
    learner = access.access_learner(request.user, code, need=Task.SEND_MAIL)
    project_obj = access.access_project(request.user, project, need=Task.SEND_MAIL)
    count = invite_learners(project=project_obj, learners=[learner], by=request.user)
    if count:
        messages.success(request, _("De uitnodiging staat klaar om te versturen."))
    else:
        messages.error(request, _("Deze cursist doet niet mee aan dit project of het account staat uit."))
    return redirect("office:learner-detail", learner.code)
