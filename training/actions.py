"""Every write on the training domain."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from training.models import ActionProgress, Attendance, ProjectAction, Session


class TrainingError(Exception):
    """A business rule refused the change; the message is for the user."""


@transaction.atomic
def start_action(*, action: ProjectAction, learner: Learner, by: Any) -> ActionProgress:
    """Record that `learner` started `action` (D4). Starting twice keeps the first moment."""
    progress, _ = ActionProgress.objects.select_for_update().get_or_create(
        action=action, learner=learner, defaults={"client_id": action.client_id}
    )
    if progress.started_at is None:
        progress.started_at = timezone.now()
        progress.save(update_fields=["started_at"])
        record(Event.ACTION_STARTED, actor=by, target=action, client=action.client)
    return progress


@transaction.atomic
def complete_action(*, action: ProjectAction, learner: Learner, by: Any, result: str = "") -> ActionProgress:
    """Record that `learner` finished `action` (D3, D4). Finishing twice keeps the first moment."""
    progress, _ = ActionProgress.objects.select_for_update().get_or_create(
        action=action, learner=learner, defaults={"client_id": action.client_id}
    )
    now = timezone.now()
    if progress.completed_at is None:
        progress.started_at = progress.started_at or now
        progress.completed_at = now
        progress.result = result[:200]
        progress.save(update_fields=["started_at", "completed_at", "result"])
        record(Event.ACTION_COMPLETED, actor=by, target=action, client=action.client)
    return progress


@transaction.atomic
def record_attendance(*, session: Session, learner: Learner, status: str, by: Any) -> Attendance:
    if status not in Attendance.Status.values:
        raise TrainingError("Onbekende aanwezigheidsstatus.")
    attendance, _ = Attendance.objects.update_or_create(
        session=session,
        learner=learner,
        defaults={"status": status, "client_id": session.client_id, "recorded_by": by},
    )
    record(Event.DATA_CHANGED, actor=by, target=session, data={"attendance": status})
    return attendance


@transaction.atomic
def create_project(*, client: Any, name: str, starts_on: Any, ends_on: Any, by: Any, **fields: Any) -> Any:
    from training.models import Project

    if ends_on < starts_on:
        raise TrainingError("De einddatum ligt voor de startdatum.")
    project = Project.objects.create(client=client, name=name, starts_on=starts_on, ends_on=ends_on, **fields)
    record(Event.DATA_CHANGED, actor=by, target=project, data={"created": "project"})
    return project


@transaction.atomic
def add_action(*, project: Any, kind: str, title: str, by: Any, **fields: Any) -> ProjectAction:
    fields.setdefault("order", project.actions.count() + 1)
    action = ProjectAction.objects.create(
        client_id=project.client_id, project=project, kind=kind, title=title, **fields
    )
    record(Event.DATA_CHANGED, actor=by, target=action, data={"created": "action"})
    return action


@transaction.atomic
def create_group(
    *, project: Any, name: str, by: Any, capacity: int = 12, trainer: Any = None, location: str = ""
) -> Any:
    from training.models import TrainingGroup

    if capacity < 1:
        raise TrainingError("Een groep heeft minstens één plaats.")
    group = TrainingGroup.objects.create(
        client_id=project.client_id, project=project, name=name, capacity=capacity, trainer=trainer, location=location
    )
    record(Event.DATA_CHANGED, actor=by, target=group, data={"created": "group"})
    return group


@transaction.atomic
def add_session(
    *, group: Any, starts_at: Any, ends_at: Any, location: str, by: Any, trainer: Any = None, title: str = ""
) -> Session:
    if ends_at <= starts_at:
        raise TrainingError("Een bijeenkomst eindigt na het begin.")
    session = Session.objects.create(
        client_id=group.client_id,
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        trainer=trainer or group.trainer,
        title=title,
    )
    record(Event.DATA_CHANGED, actor=by, target=session, data={"created": "session"})
    return session


@transaction.atomic
def add_participant(*, project: Any, learner: Learner, by: Any) -> Any:
    from training.models import Participation

    if learner.client_id != project.client_id:
        raise TrainingError("Deze cursist hoort bij een andere klant.")
    participation, created = Participation.objects.get_or_create(
        project=project, learner=learner, defaults={"client_id": project.client_id}
    )
    if created:
        record(Event.DATA_CHANGED, actor=by, target=project, data={"participant_added": learner.code})
    return participation


@transaction.atomic
def place_in_group(*, group: Any, learner: Learner, by: Any) -> Any:
    """Staff place a learner in a group directly (U2), regardless of the enrolment deadline.

    Capacity is still respected: the group row is locked while counting.
    """
    from training.models import Enrolment, TrainingGroup

    group = TrainingGroup.objects.select_for_update().get(pk=group.pk)
    add_participant(project=group.project, learner=learner, by=by)
    taken = Enrolment.objects.filter(group=group, status=Enrolment.Status.ENROLLED).count()
    if taken >= group.capacity:
        raise TrainingError("Deze groep is vol.")
    Enrolment.objects.filter(project_id=group.project_id, learner=learner, status=Enrolment.Status.ENROLLED).delete()
    enrolment, _ = Enrolment.objects.update_or_create(
        group=group,
        learner=learner,
        defaults={"client_id": group.client_id, "project_id": group.project_id, "status": Enrolment.Status.ENROLLED},
    )
    record(Event.ENROLLED, actor=by, target=enrolment, client=group.client)
    return enrolment
