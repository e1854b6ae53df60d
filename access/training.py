"""Access to projects, groups, sessions and learners."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from access.core import contact_of, learner_of, require_task
from accounts.roles import PROJECT_SCOPED_ROLES, ROLE_TASKS, Role, Task
from clients.models import Learner
from training.models import Enrolment, Participation, Project, Session, TrainingGroup


def _staff_scope(user: Any, task: Task) -> Q | None:
    """The filter on projects for an employee acting on `task`; None means every project.

    Trainers and advisers see the projects they work on; the other roles work across clients.
    """
    require_task(user, task)
    roles_with_task = {role for role in user.roles if task in ROLE_TASKS[role]}
    if roles_with_task - PROJECT_SCOPED_ROLES:
        return None
    scope = Q(pk__in=[])
    if Role.ADVISER in roles_with_task:
        scope |= Q(adviser=user)
    if Role.TRAINER in roles_with_task:
        scope |= Q(pk__in=TrainingGroup.objects.filter(trainer=user).values("project")) | Q(
            pk__in=Session.objects.filter(trainer=user).values("group__project")
        )
    return scope


def staff_projects(user: Any, task: Task) -> QuerySet[Project]:
    """The projects an employee may act on for `task` (403 without the task)."""
    scope = _staff_scope(user, task)
    return Project.objects.all() if scope is None else Project.objects.filter(scope)


def learner_projects(learner: Learner) -> QuerySet[Project]:
    return Project.objects.filter(participations__learner=learner)


def visible_projects(user: Any, need: Task | None = None) -> QuerySet[Project]:
    """Projects `user` may see: their own (learner), their client's (project leader), or by task (staff)."""
    if getattr(user, "is_authenticated", False) and user.is_employee:
        if need is None:
            raise PermissionDenied
        return staff_projects(user, need)
    if need is not None:
        raise PermissionDenied
    learner = learner_of(user)
    if learner is not None:
        return learner_projects(learner)
    contact = contact_of(user)
    if contact is not None:
        return Project.objects.filter(client_id=contact.client_id)
    raise PermissionDenied


def _get(queryset: QuerySet[Any], **lookup: Any) -> Any:
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def access_project(user: Any, code: str, *, need: Task | None = None) -> Project:
    return _get(visible_projects(user, need).select_related("client", "adviser"), code=code)


def visible_groups(user: Any, need: Task | None = None) -> QuerySet[TrainingGroup]:
    return TrainingGroup.objects.filter(project__in=visible_projects(user, need))


def access_group(user: Any, code: str, *, need: Task | None = None) -> TrainingGroup:
    """A group of a visible project. Learners see every group of their project (to choose one),
    but its members only through `list_group_members`."""
    return _get(visible_groups(user, need).select_related("project", "trainer"), code=code)


def list_group_members(user: Any, group: TrainingGroup, *, need: Task | None = None) -> QuerySet[Learner]:
    """Names and emails of a group's enrolled learners (V1): only for its own members, the client's
    project leader and staff by task. Anyone else gets 404."""
    learner = learner_of(user)
    if learner is not None:
        if not Enrolment.objects.filter(group=group, learner=learner, status=Enrolment.Status.ENROLLED).exists():
            raise Http404
    else:
        if not visible_groups(user, need).filter(pk=group.pk).exists():
            raise Http404
    return (
        Learner.objects.filter(enrolments__group=group, enrolments__status=Enrolment.Status.ENROLLED)
        .select_related("user")
        .order_by("user__full_name")
    )


def visible_sessions(user: Any, need: Task | None = None) -> QuerySet[Session]:
    learner = learner_of(user)
    if learner is not None and need is None:
        return Session.objects.filter(
            group__enrolments__learner=learner, group__enrolments__status=Enrolment.Status.ENROLLED
        )
    return Session.objects.filter(group__project__in=visible_projects(user, need))


def access_session(user: Any, code: str, *, need: Task | None = None) -> Session:
    return _get(visible_sessions(user, need).select_related("group", "group__project", "trainer"), code=code)


def staff_learners(user: Any, task: Task) -> QuerySet[Learner]:
    """Learners an employee may act on for `task`."""
    scope = _staff_scope(user, task)
    if scope is None:
        return Learner.objects.all()
    projects = Project.objects.filter(scope).values("pk")
    return Learner.objects.filter(pk__in=Participation.objects.filter(project__in=projects).values("learner"))


def access_learner(user: Any, code: str, *, need: Task | None = None) -> Learner:
    """A learner's own row, a project leader's client's learner, or a learner by task (staff)."""
    if getattr(user, "is_authenticated", False) and user.is_employee:
        if need is None:
            raise PermissionDenied
        return _get(staff_learners(user, need).select_related("user", "client"), code=code)
    if need is not None:
        raise PermissionDenied
    learner = learner_of(user)
    if learner is not None:
        if learner.code != code:
            raise Http404
        return learner
    contact = contact_of(user)
    if contact is not None:
        return _get(Learner.objects.filter(client_id=contact.client_id).select_related("user", "client"), code=code)
    raise PermissionDenied
