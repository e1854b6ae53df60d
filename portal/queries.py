"""Reads for the learner portal."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from clients.models import Learner
from questionnaires.queries import questionnaires_by_action
from training.models import Project, ProjectAction
from training.queries import LearnerAction, actions_for_learner


@dataclass
class OverviewRow:
    item: LearnerAction
    url: str | None  # where the learner does this action in the portal, if here


def overview_rows(project: Project, items: list[LearnerAction]) -> list[OverviewRow]:
    """Each action with the portal page where the learner does it (1 query)."""
    questionnaires = questionnaires_by_action(project.pk)
    rows = []
    for item in items:
        url = None
        questionnaire = questionnaires.get(item.action.pk)
        if questionnaire is not None:
            url = reverse("portal:questionnaire-fill", args=[questionnaire.code])
        elif item.action.kind == ProjectAction.Kind.HOMEWORK:
            url = reverse("portal:upload-list", args=[project.code])
        elif item.action.kind == ProjectAction.Kind.CERTIFICATE:
            url = reverse("portal:certificate-page", args=[project.code])
        rows.append(OverviewRow(item=item, url=url))
    return rows


def homework_action(learner: Learner, project: Project) -> ProjectAction | None:
    """The first homework action of `project` that applies to `learner`; an upload completes it."""
    return actions_for_learner(learner, project).filter(kind=ProjectAction.Kind.HOMEWORK).first()
