"""L5: a learner chooses, switches and leaves a training group; waiting list with automatic move-up.

Capacity is never exceeded: every write locks *all* groups of the project (in primary-key order, so
two writers can never deadlock) before counting and inserting. On SQLite the IMMEDIATE transaction
mode serialises writers as well.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from messaging.actions import queue_mail
from training.actions import TrainingError
from training.models import Enrolment, Participation, Project, Session, TrainingGroup


class EnrolmentError(TrainingError):
    """The enrolment was refused; the message is for the learner."""


# --- Reads -------------------------------------------------------------------------------------


@dataclass
class GroupChoice:
    group: TrainingGroup
    enrolled: int
    waiting: int
    sessions: list[Session] = field(default_factory=list)
    my_status: str | None = None  # Enrolment.Status of the learner in this group, if any
    my_waiting_position: int | None = None

    @property
    def free(self) -> int:
        return max(self.group.capacity - self.enrolled, 0)

    @property
    def full(self) -> bool:
        return self.free == 0


def enrolment_open(project: Project, now: Any = None) -> bool:
    """Learners may enrol, switch and withdraw until the project's deadline (none means: always)."""
    return project.enrolment_deadline is None or (now or timezone.now()) <= project.enrolment_deadline


def list_group_choices(learner: Learner, project: Project) -> list[GroupChoice]:
    """The groups of `project` with free places, sessions, location and trainer (4 queries)."""
    groups = list(
        TrainingGroup.objects.filter(project=project)
        .select_related("trainer")
        .annotate(
            n_enrolled=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED)),
            n_waiting=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.WAITING)),
        )
        .prefetch_related(
            Prefetch("sessions", queryset=Session.objects.select_related("trainer").order_by("starts_at"))
        )
        .order_by("name", "pk")
    )
    mine = {e.group_id: e for e in Enrolment.objects.filter(project=project, learner=learner)}
    choices = []
    for group in groups:
        own = mine.get(group.pk)
        choice = GroupChoice(
            group=group,
            enrolled=group.n_enrolled,
            waiting=group.n_waiting,
            sessions=list(group.sessions.all()),
            my_status=own.status if own else None,
        )
        if own is not None and own.status == Enrolment.Status.WAITING:
            choice.my_waiting_position = (
                Enrolment.objects.filter(group=group, status=Enrolment.Status.WAITING)
                .filter(Q(created_at__lt=own.created_at) | Q(created_at=own.created_at, pk__lt=own.pk))
                .count()
                + 1
            )
        choices.append(choice)
    return choices


# --- Writes ------------------------------------------------------------------------------------


def _lock_project_groups(project_id: int) -> dict[int, TrainingGroup]:
    return {g.pk: g for g in TrainingGroup.objects.select_for_update().filter(project_id=project_id).order_by("pk")}


def _check_open(project: Project) -> None:
    if not enrolment_open(project):
        raise EnrolmentError(_("De termijn om je in te schrijven of te wisselen is voorbij."))


def _taken(group: TrainingGroup) -> int:
    return Enrolment.objects.filter(group=group, status=Enrolment.Status.ENROLLED).count()


def _move_up(groups: dict[int, TrainingGroup], start: TrainingGroup, by: Any) -> list[Enrolment]:
    """Fill free places from the waiting lists, oldest first; a learner who moves up leaves their old
    group, which may move someone up there in turn."""
    promoted: list[Enrolment] = []
    todo = deque([start.pk])
    while todo:
        group = groups[todo.popleft()]
        while _taken(group) < group.capacity:
            nxt = (
                Enrolment.objects.filter(group=group, status=Enrolment.Status.WAITING)
                .order_by("created_at", "pk")
                .first()
            )
            if nxt is None:
                break
            old = Enrolment.objects.filter(
                project_id=group.project_id, learner_id=nxt.learner_id, status=Enrolment.Status.ENROLLED
            ).first()
            if old is not None:
                old.delete()
                todo.append(old.group_id)
            nxt.status = Enrolment.Status.ENROLLED
            nxt.save(update_fields=["status"])
            learner = Learner.objects.select_related("user").get(pk=nxt.learner_id)
            record(Event.ENROLLED, actor=by, target=group, client=group.client, data={"moved_up": learner.code})
            queue_mail(
                template="enrolment_moved_up",
                to=learner.user.email,
                context={"name": learner.user.full_name, "group": group.name, "project": group.project.name},
                client=group.client,
                learner=learner,
                by=by,
                language=learner.user.language,
            )
            promoted.append(nxt)
    return promoted


@transaction.atomic
def enrol(*, group: TrainingGroup, learner: Learner, by: Any) -> Enrolment:
    """Enrol `learner` in `group`, or put them on its waiting list when it is full.

    Enrolling in another group of the same project is a switch: the old place is given up only once the
    new one is certain (at once when there is room, or later on moving up from the waiting list).
    """
    project = group.project
    _check_open(project)
    if not Participation.objects.filter(project=project, learner=learner).exists():
        raise EnrolmentError(_("Je doet niet mee aan dit project."))
    groups = _lock_project_groups(project.pk)
    group = groups[group.pk]
    if Enrolment.objects.filter(group=group, learner=learner).exists():
        raise EnrolmentError(_("Je staat al in deze groep of op de wachtlijst ervan."))
    # One waiting list at a time: a new choice replaces an earlier wait elsewhere.
    Enrolment.objects.filter(project=project, learner=learner, status=Enrolment.Status.WAITING).delete()
    current = Enrolment.objects.filter(project=project, learner=learner, status=Enrolment.Status.ENROLLED).first()
    if _taken(group) < group.capacity:
        if current is not None:
            current.delete()
        enrolment = Enrolment.objects.create(
            client_id=group.client_id,
            project=project,
            group=group,
            learner=learner,
            status=Enrolment.Status.ENROLLED,
        )
        record(Event.ENROLLED, actor=by, target=group, client=group.client, data={"learner": learner.code})
        if current is not None:
            _move_up(groups, groups[current.group_id], by)
    else:
        enrolment = Enrolment.objects.create(
            client_id=group.client_id,
            project=project,
            group=group,
            learner=learner,
            status=Enrolment.Status.WAITING,
        )
        record(Event.ENROLLED, actor=by, target=group, client=group.client, data={"waiting": learner.code})
    return enrolment


@transaction.atomic
def withdraw(*, group: TrainingGroup, learner: Learner, by: Any) -> None:
    """Leave `group` or its waiting list; a freed place goes to the longest waiting learner."""
    project = group.project
    _check_open(project)
    groups = _lock_project_groups(project.pk)
    group = groups[group.pk]
    enrolment = Enrolment.objects.filter(group=group, learner=learner).first()
    if enrolment is None:
        raise EnrolmentError(_("Je staat niet in deze groep."))
    was_enrolled = enrolment.status == Enrolment.Status.ENROLLED
    enrolment.delete()
    record(Event.WITHDRAWN, actor=by, target=group, client=group.client, data={"learner": learner.code})
    if was_enrolled:
        _move_up(groups, group, by)
