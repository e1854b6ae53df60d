"""Reads for the office pages: what needs attention per role, lists with a fixed number of queries."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.roles import Task
from clients.models import Client
from training.models import Enrolment, Participation, Project, Session


def week_bounds(now: Any = None) -> tuple[Any, Any]:
    """Monday 00:00 up to next Monday 00:00 of the current week, in local time."""
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)


def trainer_sessions_this_week(user: User) -> QuerySet[Session]:
    start, end = week_bounds()
    return (
        Session.objects.filter(trainer=user, starts_at__gte=start, starts_at__lt=end)
        .select_related("group", "group__project", "group__project__client")
        .order_by("starts_at")
    )


def sessions_missing_attendance(user: User) -> QuerySet[Session]:
    """Past sessions of this trainer where not every enrolled learner has an attendance status."""
    return (
        Session.objects.filter(trainer=user, starts_at__lt=timezone.now())
        .annotate(
            recorded=Count("attendance", distinct=True),
            members=Count(
                "group__enrolments", filter=Q(group__enrolments__status=Enrolment.Status.ENROLLED), distinct=True
            ),
        )
        .filter(recorded__lt=F("members"))
        .select_related("group", "group__project")
        .order_by("-starts_at")
    )


def projects_to_invite(user: User, days: int = 30) -> QuerySet[Project]:
    """Projects starting within `days` days with learners not yet invited (the CA's to-do)."""
    from access import staff_projects

    today = timezone.localdate()
    return (
        staff_projects(user, Task.SEND_MAIL)
        .filter(starts_on__gte=today, starts_on__lte=today + timedelta(days=days))
        .annotate(not_invited=Count("participations", filter=Q(participations__invited_at__isnull=True)))
        .filter(not_invited__gt=0)
        .select_related("client")
        .order_by("starts_on", "name")
    )


def project_participants(project: Project) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(project=project)
        .select_related("learner__user")
        .order_by("learner__user__full_name", "id")
    )


def employees() -> QuerySet[User]:
    """Every staff member and third party, with roles and second factor prefetched (access review)."""
    from django.db.models import Exists, OuterRef
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return (
        User.objects.filter(kind__in=[User.Kind.STAFF, User.Kind.THIRD_PARTY])
        .annotate(has_otp=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .prefetch_related("role_assignments")
        .order_by("full_name", "email")
    )


def clients_with_counts() -> QuerySet[Client]:
    return Client.objects.annotate(n_projects=Count("projects", distinct=True)).order_by("name")


def access_own_session(user: Any, code: str) -> Session:
    """A session for attendance and the briefing: a trainer only gets the groups and sessions they train
    (another group's session is 404); the CA and the project's adviser get every visible session."""
    from django.http import Http404

    from access import access_session
    from accounts.roles import ROLE_TASKS, Role

    session = access_session(user, code, need=Task.TRACK_PROGRESS)
    roles = {role for role in user.roles if Task.TRACK_PROGRESS in ROLE_TASKS[role]}
    if roles - {Role.TRAINER} or user.pk in (session.trainer_id, session.group.trainer_id):
        return session
    raise Http404
