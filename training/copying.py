"""Copy a project onto new dates (S9): actions, questionnaires and group structure, no learners."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction

from audit.actions import record
from audit.models import Event
from questionnaires.models import Question, Questionnaire
from training.actions import TrainingError
from training.models import Project, ProjectAction, Session, TrainingGroup


def _shift(value: Any, offset: timedelta) -> Any:
    return None if value is None else value + offset


@transaction.atomic
def copy_project(*, project: Project, name: str, starts_on: date, by: Any) -> Project:
    """A new project for the same client with every date moved by (starts_on - project.starts_on).

    Copies actions (with their group limits), groups with trainer, capacity and location, their sessions,
    and questionnaires with their questions. Learners, progress and answers stay behind.
    """
    if not name.strip():
        raise TrainingError("Geef de kopie een naam.")
    offset = starts_on - project.starts_on
    copy = Project.objects.create(
        client_id=project.client_id,
        name=name.strip(),
        description=project.description,
        starts_on=starts_on,
        ends_on=project.ends_on + offset,
        adviser_id=project.adviser_id,
        enrolment_deadline=_shift(project.enrolment_deadline, offset),
        hours=project.hours,
        min_attendance_percent=project.min_attendance_percent,
    )
    group_map: dict[int, TrainingGroup] = {}
    for group in project.groups.order_by("id"):
        group_map[group.pk] = TrainingGroup.objects.create(
            client_id=copy.client_id,
            project=copy,
            name=group.name,
            capacity=group.capacity,
            trainer_id=group.trainer_id,
            location=group.location,
        )
    Session.objects.bulk_create(
        [
            Session(
                client_id=copy.client_id,
                group=group_map[s.group_id],
                title=s.title,
                starts_at=s.starts_at + offset,
                ends_at=s.ends_at + offset,
                location=s.location,
                trainer_id=s.trainer_id,
            )
            for s in Session.objects.filter(group__project=project).order_by("starts_at", "id")
        ]
    )
    action_map: dict[int, ProjectAction] = {}
    for action in project.actions.order_by("order", "id"):
        action_map[action.pk] = ProjectAction.objects.create(
            client_id=copy.client_id,
            project=copy,
            kind=action.kind,
            title=action.title,
            description=action.description,
            order=action.order,
            due_on=_shift(action.due_on, offset),
            required=action.required,
            group=group_map.get(action.group_id) if action.group_id else None,
            url=action.url,
        )
    for questionnaire in Questionnaire.objects.filter(project=project).prefetch_related("questions"):
        new = Questionnaire.objects.create(
            client_id=copy.client_id,
            project=copy,
            action=action_map.get(questionnaire.action_id) if questionnaire.action_id else None,
            kind=questionnaire.kind,
            title=questionnaire.title,
            introduction=questionnaire.introduction,
            anonymous=questionnaire.anonymous,
        )
        Question.objects.bulk_create(
            [
                Question(
                    questionnaire=new,
                    order=q.order,
                    text=q.text,
                    help_text=q.help_text,
                    type=q.type,
                    required=q.required,
                    choices=q.choices,
                )
                for q in questionnaire.questions.all()
            ]
        )
    record(Event.DATA_CHANGED, actor=by, target=copy, data={"copied_from": project.code})
    return copy
