"""L13: the completion rule, issuing, revoking and the PDF of a certificate."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from cursistensite.lib.files import generated_attachment
from documents.models import Certificate
from training import actions as training
from training.models import ActionProgress, Attendance, Enrolment, Project, ProjectAction, Session
from training.queries import actions_for_learner

VERIFY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class CertificateError(Exception):
    """The certificate cannot be issued; the message is for the user."""


@dataclass
class Completion:
    missing_actions: list[ProjectAction] = field(default_factory=list)
    past_sessions: int = 0
    attended: int = 0
    required_percent: int = 0

    @property
    def attendance_percent(self) -> int:
        return round(100 * self.attended / self.past_sessions) if self.past_sessions else 0

    @property
    def attendance_met(self) -> bool:
        return self.past_sessions > 0 and self.attendance_percent >= self.required_percent

    @property
    def met(self) -> bool:
        return not self.missing_actions and self.attendance_met


def completion(learner: Learner, project: Project, now: Any = None) -> Completion:
    """The project's completion rule: every required action done (the certificate itself aside) and at
    least `min_attendance_percent` of the group's past sessions attended (present or late)."""
    now = now or timezone.now()
    required = list(
        actions_for_learner(learner, project).filter(required=True).exclude(kind=ProjectAction.Kind.CERTIFICATE)
    )
    done = set(
        ActionProgress.objects.filter(
            learner=learner, action__in=[a.pk for a in required], completed_at__isnull=False
        ).values_list("action_id", flat=True)
    )
    past = Session.objects.filter(
        group__project=project,
        group__enrolments__learner=learner,
        group__enrolments__status=Enrolment.Status.ENROLLED,
        ends_at__lte=now,
    )
    attended = Attendance.objects.filter(
        learner=learner, session__in=past, status__in=[Attendance.Status.PRESENT, Attendance.Status.LATE]
    ).count()
    return Completion(
        missing_actions=[a for a in required if a.pk not in done],
        past_sessions=past.count(),
        attended=attended,
        required_percent=project.min_attendance_percent,
    )


def current_certificate(learner: Learner, project: Project) -> Certificate | None:
    return Certificate.objects.filter(learner=learner, project=project, revoked_at__isnull=True).first()


def find_for_verification(verification_code: str) -> Certificate | None:
    """The certificate behind a public verification code; public by design (anyone holding the PDF)."""
    return (
        Certificate.objects.filter(verification_code=verification_code.strip().upper())
        .select_related("project")
        .first()
    )


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("portal:certificate-verify", args=[certificate.verification_code])


def _new_verification_code() -> str:
    raw = "".join(secrets.choice(VERIFY_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


@transaction.atomic
def issue_certificate(*, learner: Learner, project: Project, by: Any) -> Certificate:
    """Issue the certificate once the completion rule is met; its data is frozen at issue."""
    Learner.objects.select_for_update().filter(pk=learner.pk).first()
    existing = current_certificate(learner, project)
    if existing is not None:
        return existing
    status = completion(learner, project)
    if not status.met:
        raise CertificateError(_("Je hebt de training nog niet afgerond."))
    enrolment = (
        Enrolment.objects.filter(learner=learner, project=project, status=Enrolment.Status.ENROLLED)
        .select_related("group__trainer")
        .first()
    )
    group = enrolment.group if enrolment else None
    span = Session.objects.filter(group=group).aggregate(first=Min("starts_at"), last=Max("ends_at"))
    first, last = span["first"], span["last"]
    now = timezone.now()
    data = {
        "learner": learner.user.full_name,
        "training": project.name,
        "client": project.client.name,
        "starts_on": (timezone.localdate(first) if first else project.starts_on).isoformat(),
        "ends_on": (timezone.localdate(last) if last else project.ends_on).isoformat(),
        "hours": str(project.hours),
        "trainer": group.trainer.full_name if group and group.trainer else "",
        "attendance_percent": status.attendance_percent,
        "issued_on": timezone.localdate(now).isoformat(),
    }
    certificate = Certificate.objects.create(
        client_id=project.client_id,
        project=project,
        learner=learner,
        verification_code=_new_verification_code(),
        issued_at=now,
        data=data,
    )
    record(Event.DATA_CHANGED, actor=by, target=certificate, client=project.client, data={"certificate": "issued"})
    action = actions_for_learner(learner, project).filter(kind=ProjectAction.Kind.CERTIFICATE).first()
    if action is not None:
        training.complete_action(action=action, learner=learner, by=by)
    return certificate


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by: Any) -> Certificate:
    """Staff revoke a certificate; the verification page then says so. Issuing again makes a new one."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.save(update_fields=["revoked_at"])
        record(Event.DATA_CHANGED, actor=by, target=certificate, data={"certificate": "revoked"})
    return certificate


def certificate_pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "documents/certificate_pdf.html",
        {"certificate": certificate, "data": certificate.data, "url": verification_url(certificate)},
    )
    result: bytes = HTML(string=html).write_pdf()
    return result


def pdf_response(data: bytes, *, filename: str) -> HttpResponse:
    return generated_attachment(data, filename=filename, content_type="application/pdf")


# Staff side (U7: the CA links certificates to learners) -----------------------------------------


def staff_certificate(user: Any, code: str, *, need: Any) -> Certificate:
    """A certificate of a project the employee may work on with task `need`; anything else 404."""
    from django.http import Http404

    from access import require_task, staff_projects

    require_task(user, need)
    certificate = (
        Certificate.objects.filter(code=code, project__in=staff_projects(user, need))
        .select_related("project", "learner__user")
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def project_certificates(project: Project) -> Any:
    """Every certificate of `project`, current and revoked, newest first."""
    return (
        Certificate.objects.filter(project=project)
        .select_related("learner__user")
        .order_by("learner__user__full_name", "-issued_at", "-id")
    )


@transaction.atomic
def reissue_certificate(*, certificate: Certificate, by: Any) -> Certificate:
    """Revoke `certificate` (if still current) and issue a new one with a new code and fresh data.
    If the completion rule is no longer met, nothing changes (CertificateError)."""
    revoke_certificate(certificate=certificate, by=by)
    return issue_certificate(learner=certificate.learner, project=certificate.project, by=by)
