"""Reads on questionnaires."""

from __future__ import annotations

from typing import Any

from django.db.models import Max
from django.utils import timezone

from clients.models import Learner
from questionnaires.models import Question, Questionnaire, Response
from training.models import ActionProgress, Enrolment, Session


def list_questions(questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.order_by("order", "pk"))


def last_session_end(questionnaire: Questionnaire, learner: Learner) -> Any:
    """When the last session of the learner's group in the project ends (None without sessions)."""
    return Session.objects.filter(
        group__project_id=questionnaire.project_id,
        group__enrolments__learner=learner,
        group__enrolments__status=Enrolment.Status.ENROLLED,
    ).aggregate(last=Max("ends_at"))["last"]


def is_open(questionnaire: Questionnaire, learner: Learner, now: Any = None) -> bool:
    """An intake is always open; an evaluation only after the group's last session has ended (L9)."""
    if questionnaire.kind != Questionnaire.Kind.EVALUATION:
        return True
    last = last_session_end(questionnaire, learner)
    return last is not None and (now or timezone.now()) >= last


def draft_of(questionnaire: Questionnaire, learner: Learner) -> Response | None:
    return Response.objects.filter(questionnaire=questionnaire, learner=learner).first()


def is_submitted(questionnaire: Questionnaire, learner: Learner) -> bool:
    """Submitted: a linked response was sent in, or (anonymous) the action was completed."""
    if Response.objects.filter(questionnaire=questionnaire, learner=learner, submitted_at__isnull=False).exists():
        return True
    return (
        questionnaire.action_id is not None
        and ActionProgress.objects.filter(
            action_id=questionnaire.action_id, learner=learner, completed_at__isnull=False
        ).exists()
    )


def questionnaires_by_action(project_id: int) -> dict[int, Questionnaire]:
    return {
        q.action_id: q
        for q in Questionnaire.objects.filter(project_id=project_id, action__isnull=False)
        if q.action_id is not None
    }
