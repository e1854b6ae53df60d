"""Office writes that combine domain actions: an action for chosen learners only (U3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from audit.actions import record
from audit.models import Event
from clients.models import Learner
from training.actions import TrainingError, add_action
from training.models import Project, ProjectAction


@transaction.atomic
def link_action(*, project: Project, by: Any, learners: Iterable[Learner] = (), **fields: Any) -> ProjectAction:
    """Add an action to the whole project, one group, or only the chosen learners of the project."""
    chosen = list(learners)
    participants = set(project.participations.values_list("learner_id", flat=True))
    if any(learner.pk not in participants for learner in chosen):
        raise TrainingError("Kies alleen cursisten van dit project.")
    action = add_action(project=project, by=by, **fields)
    if chosen:
        action.learners.set(chosen)
        record(Event.DATA_CHANGED, actor=by, target=action, data={"assigned_learners": len(chosen)})
    return action
