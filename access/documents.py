"""Access to stored documents: homework uploads (L6, D5) and course material (L10)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from access.core import contact_of, learner_of, require_task
from access.training import staff_projects
from accounts.roles import Task
from clients.models import Learner
from documents.models import Certificate, Material, Upload
from training.models import Enrolment, Project


def _refuse(user: Any, model: type[Upload] | type[Material] | type[Certificate], code: str) -> NoReturn:
    """Someone who may not open this kind of document: 403 for their own client's document,
    404 for another client's or a missing one (a refusal must not reveal that it exists)."""
    contact = contact_of(user)
    if contact is not None and not model.objects.filter(code=code, client_id=contact.client_id).exists():
        raise Http404
    raise PermissionDenied


def learner_uploads(learner: Learner, project: Project, now: Any = None) -> QuerySet[Upload]:
    """The learner's own uploads in `project` that are still visible (before hidden_at)."""
    return Upload.objects.filter(learner=learner, project=project, hidden_at__gt=now or timezone.now())


def access_upload(user: Any, code: str) -> Upload:
    """Learners: their own upload until it is hidden. Staff with VIEW_UPLOADS (trainers and advisers for
    their own projects): also archived ones. Anyone else, the client's project leader included: 403."""
    learner = learner_of(user)
    if learner is not None:
        upload = Upload.objects.filter(code=code, learner=learner, hidden_at__gt=timezone.now()).first()
    elif getattr(user, "is_authenticated", False) and user.is_employee:
        require_task(user, Task.VIEW_UPLOADS)
        projects = staff_projects(user, Task.VIEW_UPLOADS)
        upload = Upload.objects.filter(code=code, project__in=projects).select_related("learner__user").first()
    else:
        _refuse(user, Upload, code)
    if upload is None:
        raise Http404
    return upload


def learner_materials(learner: Learner, project: Project) -> QuerySet[Material]:
    """L10: material of `project` for the whole project, for the learner's group, or for them alone."""
    my_groups = Enrolment.objects.filter(learner=learner, project=project, status=Enrolment.Status.ENROLLED).values(
        "group"
    )
    return Material.objects.filter(project=project).filter(
        (Q(group__isnull=True) | Q(group__in=my_groups)) & (Q(learner__isnull=True) | Q(learner=learner))
    )


def access_material(user: Any, code: str) -> Material:
    learner = learner_of(user)
    if learner is None:
        _refuse(user, Material, code)
    material = (
        Material.objects.filter(code=code, project__participations__learner=learner).select_related("project").first()
    )
    if material is None or not learner_materials(learner, material.project).filter(pk=material.pk).exists():
        raise Http404
    return material


def access_certificate(user: Any, code: str) -> Certificate:
    """A learner's own certificate (L13); others 404; non-learners 403."""
    learner = learner_of(user)
    if learner is None:
        _refuse(user, Certificate, code)
    certificate = Certificate.objects.filter(code=code, learner=learner).select_related("project").first()
    if certificate is None:
        raise Http404
    return certificate
