from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from access.documents import (
    access_certificate,
    access_material,
    access_upload,
    learner_materials,
    learner_uploads,
)
from access.questionnaires import access_questionnaire
from accounts.models import User
from clients.models import Learner
from cursistensite.lib.files import attachment_response
from cursistensite.lib.ics import CalendarEvent, calendar_response
from documents import actions as doc_actions
from documents import certificates
from knowledge import queries as knowledge
from portal import actions as portal_actions
from portal import queries as portal_queries
from portal.forms import EmailChangeForm, PersonalDataForm, UploadForm
from questionnaires import actions as q_actions
from questionnaires import queries as q_queries
from questionnaires.forms import QuestionnaireForm
from training import enrolments, queries


def _learner(request: HttpRequest) -> Learner:
    learner = access.learner_of(request.user)
    assert learner is not None  # guaranteed by @learner_required
    return learner


@access.learner_required
def home(request: HttpRequest) -> HttpResponse:
    learner = _learner(request)
    projects = list(access.learner_projects(learner).order_by("-starts_on"))
    if len(projects) == 1:
        return redirect("portal:project-detail", code=projects[0].code)
    return render(request, "portal/home.html", {"projects": projects})


@access.learner_required
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    """L2: the learner's overview of project and actions."""
    project = access.access_project(request.user, code)
    learner = _learner(request)
    items = queries.list_learner_actions(learner, project)
    return render(
        request,
        "portal/project_detail.html",
        {
            "project": project,
            "items": items,
            "rows": portal_queries.overview_rows(project, items),
            "next_item": queries.next_action(items),
            "sessions": queries.list_learner_sessions(learner, project),
        },
    )


# --- L5 enrolment -------------------------------------------------------------------------------


@access.learner_required
def group_list(request: HttpRequest, code: str) -> HttpResponse:
    """L5: the groups of the learner's project with free places, dates, location and trainer."""
    project = access.access_project(request.user, code)
    choices = enrolments.list_group_choices(_learner(request), project)
    return render(
        request,
        "portal/group_list.html",
        {
            "project": project,
            "choices": choices,
            "is_open": enrolments.enrolment_open(project),
            "has_place": any(c.my_status == "enrolled" for c in choices),
        },
    )


@require_POST
@access.learner_required
def group_enrol(request: HttpRequest, code: str) -> HttpResponse:
    group = access.access_group(request.user, code)
    try:
        enrolment = enrolments.enrol(group=group, learner=_learner(request), by=request.user)
    except enrolments.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        if enrolment.status == enrolment.Status.ENROLLED:
            messages.success(request, _("Je bent ingeschreven voor %(group)s.") % {"group": group.name})
        else:
            messages.success(request, _("%(group)s is vol. Je staat op de wachtlijst.") % {"group": group.name})
    return redirect("portal:group-list", code=group.project.code)


@require_POST
@access.learner_required
def group_withdraw(request: HttpRequest, code: str) -> HttpResponse:
    group = access.access_group(request.user, code)
    try:
        enrolments.withdraw(group=group, learner=_learner(request), by=request.user)
    except enrolments.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Je bent uitgeschreven voor %(group)s.") % {"group": group.name})
    return redirect("portal:group-list", code=group.project.code)


# --- L7 intake and L9 evaluation -----------------------------------------------------------------


@access.learner_required
def questionnaire_fill(request: HttpRequest, code: str) -> HttpResponse:
    """L7/L9: answer the questions, save a draft or submit once."""
    questionnaire = access_questionnaire(request.user, code)
    learner = _learner(request)
    overview = redirect("portal:project-detail", code=questionnaire.project.code)
    if q_queries.is_submitted(questionnaire, learner):
        messages.info(request, _("Je hebt deze vragenlijst al ingestuurd. Dank je wel!"))
        return overview
    if not q_queries.is_open(questionnaire, learner):
        messages.error(request, _("Deze evaluatie gaat open na de laatste bijeenkomst van je groep."))
        return overview
    questions = q_queries.list_questions(questionnaire)
    draft = q_queries.draft_of(questionnaire, learner)
    is_draft = request.POST.get("opslaan") == "concept"
    form = QuestionnaireForm(
        request.POST or None,
        questionnaire=questionnaire,
        questions=questions,
        draft=is_draft,
        answers=draft.answers if draft else None,
    )
    if request.method == "POST" and form.is_valid():
        save = q_actions.save_draft if is_draft else q_actions.submit
        try:
            save(questionnaire=questionnaire, learner=learner, answers=form.answers(), by=request.user)
        except q_actions.QuestionnaireError as error:
            messages.error(request, str(error))
            return overview
        if is_draft:
            messages.success(request, _("Je antwoorden zijn bewaard. Je kunt later verder gaan."))
            return redirect("portal:questionnaire-fill", code=questionnaire.code)
        messages.success(request, _("Dank je wel! Je antwoorden zijn verstuurd."))
        return overview
    return render(request, "portal/questionnaire_fill.html", {"questionnaire": questionnaire, "form": form})


# --- L6 homework upload, L10 course material, D4 opening files -----------------------------------


@access.learner_required
def upload_list(request: HttpRequest, code: str) -> HttpResponse:
    """L6: the confidentiality warning, the upload form and the learner's visible uploads."""
    project = access.access_project(request.user, code)
    learner = _learner(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            doc_actions.upload_homework(
                project=project,
                learner=learner,
                file=form.cleaned_data["file"],
                acknowledged=form.cleaned_data["acknowledged"],
                action=portal_queries.homework_action(learner, project),
                by=request.user,
            )
        except doc_actions.UploadError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("Je huiswerk is geüpload."))
            return redirect("portal:upload-list", code=project.code)
    uploads = learner_uploads(learner, project).order_by("-uploaded_at")
    return render(request, "portal/upload_list.html", {"project": project, "form": form, "uploads": uploads})


@access.any_user_required
def upload_download(request: HttpRequest, code: str) -> HttpResponseBase:
    """D4: an upload, access-checked, as attachment with nosniff; every open is logged. Also for staff."""
    upload = access_upload(request.user, code)
    doc_actions.record_open(document=upload, by=request.user)
    return attachment_response(upload.storage_key, filename=upload.original_name, content_type=upload.content_type)


@access.learner_required
def material_list(request: HttpRequest, code: str) -> HttpResponse:
    """L10: course material for the learner's project, group or the learner alone."""
    project = access.access_project(request.user, code)
    materials = learner_materials(_learner(request), project).order_by("title")
    return render(request, "portal/material_list.html", {"project": project, "materials": materials})


@access.any_user_required
def material_download(request: HttpRequest, code: str) -> HttpResponseBase:
    material = access_material(request.user, code)
    doc_actions.record_open(document=material, by=request.user)
    return attachment_response(
        material.storage_key, filename=material.original_name, content_type=material.content_type
    )


# --- L13 certificate -----------------------------------------------------------------------------


@access.learner_required
def certificate_page(request: HttpRequest, code: str) -> HttpResponse:
    """L13: what is still missing, or the certificate to download."""
    project = access.access_project(request.user, code)
    learner = _learner(request)
    if request.method == "POST":
        try:
            certificates.issue_certificate(learner=learner, project=project, by=request.user)
        except certificates.CertificateError as error:
            messages.error(request, str(error))
        return redirect("portal:certificate-page", code=project.code)
    return render(
        request,
        "portal/certificate.html",
        {
            "project": project,
            "certificate": certificates.current_certificate(learner, project),
            "status": certificates.completion(learner, project),
        },
    )


@access.any_user_required
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate(request.user, code)
    if certificate.revoked_at is not None:
        raise Http404
    doc_actions.record_open(document=certificate, by=request.user)
    return certificates.pdf_response(
        certificates.certificate_pdf(certificate), filename=f"certificaat-{certificate.verification_code}.pdf"
    )


def certificate_verify(request: HttpRequest, verification_code: str) -> HttpResponse:
    """L13: the public check of a certificate, showing the full frozen data (no login needed)."""
    certificate = certificates.find_for_verification(verification_code)
    status = 200 if certificate is not None else 404
    return render(request, "portal/certificate_verify.html", {"certificate": certificate}, status=status)


# --- L2 calendar file ----------------------------------------------------------------------------


@access.learner_required
def calendar(request: HttpRequest) -> HttpResponse:
    """L2: an .ics file of the learner's own sessions."""
    sessions = queries.list_learner_sessions(_learner(request)).select_related("group__project")
    events = [
        CalendarEvent(
            uid=session.code,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            summary=f"{session.group.project.name}: {session.title or session.group.name}",
            location=session.location,
            description=_("Trainer: %(name)s") % {"name": session.trainer.full_name} if session.trainer else "",
        )
        for session in sessions
    ]
    return calendar_response(events, name=_("Mijn bijeenkomsten"), filename="bijeenkomsten.ics")


# --- L12 personal data ---------------------------------------------------------------------------


@access.learner_required
def personal_data(request: HttpRequest) -> HttpResponse:
    """L12: change name and language; ask for a new email address (confirmed through a link)."""
    user = request.user
    assert isinstance(user, User)
    form = PersonalDataForm(
        request.POST if "opslaan" in request.POST else None,
        initial={"full_name": user.full_name, "language": user.language},
    )
    email_form = EmailChangeForm(request.POST if "email" in request.POST else None)
    try:
        if form.is_bound and form.is_valid():
            portal_actions.change_personal_data(user=user, by=user, **form.cleaned_data)
            messages.success(request, _("Je gegevens zijn opgeslagen."))
            return redirect("portal:personal-data")
        if email_form.is_bound and email_form.is_valid():
            portal_actions.request_email_change(user=user, new_email=email_form.cleaned_data["new_email"], by=user)
            messages.success(request, _("We hebben een bevestigingslink naar je nieuwe e-mailadres gestuurd."))
            return redirect("portal:personal-data")
    except portal_actions.PersonalDataError as error:
        (form if form.is_bound else email_form).add_error(None, str(error))
    return render(request, "portal/personal_data.html", {"form": form, "email_form": email_form})


def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """L12: the link in the mail to the new address (works without being logged in)."""
    try:
        portal_actions.confirm_email_change(token=token, by=request.user)
    except portal_actions.PersonalDataError as error:
        return render(request, "portal/email_confirm.html", {"error": str(error)}, status=400)
    return render(request, "portal/email_confirm.html", {"error": None})


# --- L11 knowledge base --------------------------------------------------------------------------


@access.learner_required
def article_list(request: HttpRequest) -> HttpResponse:
    """L11: published articles, searchable (Dutch full text on PostgreSQL)."""
    query = request.GET.get("zoek", "")
    articles = knowledge.search_articles(query)[:100]
    return render(request, "portal/article_list.html", {"articles": articles, "query": query})


@access.learner_required
def article_detail(request: HttpRequest, code: str) -> HttpResponse:
    article = knowledge.published_articles().filter(code=code).first()
    if article is None:
        raise Http404
    return render(
        request, "portal/article_detail.html", {"article": article, "body": knowledge.render_markdown(article.body)}
    )
