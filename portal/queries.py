"""Reads for the learner portal."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from questionnaires.queries import questionnaires_by_action
from training.models import Project
from training.queries import LearnerAction


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
        rows.append(OverviewRow(item=item, url=url))
    return rows
