"""Access to questionnaires (L7, L9): a learner reaches only those of their own actions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from access.core import learner_of
from access.training import learner_projects
from questionnaires.models import Questionnaire
from training.queries import actions_for_learner


def access_questionnaire(user: Any, code: str) -> Questionnaire:
    """A questionnaire of one of the learner's projects whose action applies to them; 404 otherwise,
    403 for anyone who is not a learner."""
    learner = learner_of(user)
    if learner is None:
        raise PermissionDenied
    questionnaire = (
        Questionnaire.objects.filter(code=code, project__in=learner_projects(learner))
        .select_related("project", "action", "client")
        .first()
    )
    if questionnaire is None:
        raise Http404
    action_id = questionnaire.action_id
    if action_id is not None and not actions_for_learner(learner, questionnaire.project).filter(pk=action_id).exists():
        raise Http404
    return questionnaire
