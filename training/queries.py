"""Reads on the training domain used by more than one face."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from clients.models import Learner
from training.models import ActionProgress, Enrolment, Participation, Project, ProjectAction, Session


class Status:
    OPEN = "open"
    STARTED = "started"
    DONE = "done"


@dataclass
class LearnerAction:
    action: ProjectAction
    progress: ActionProgress | None

    @property
    def status(self) -> str:
        if self.progress is None or self.progress.started_at is None:
            return Status.OPEN
        return Status.DONE if self.progress.completed_at else Status.STARTED

    @property
    def late(self) -> bool:
        return (
            self.status != Status.DONE and self.action.due_on is not None and self.action.due_on < timezone.localdate()
        )


def actions_for_learner(learner: Learner, project: Project) -> QuerySet[ProjectAction]:
    """The actions of `project` that apply to `learner` (whole project, their group, or them alone)."""
    in_group = Enrolment.objects.filter(group=OuterRef("group"), learner=learner, status=Enrolment.Status.ENROLLED)
    assigned = ProjectAction.learners.through.objects.filter(projectaction=OuterRef("pk"))
    assigned_to_me = assigned.filter(learner=learner)
    return (
        ProjectAction.objects.filter(project=project)
        .filter(Q(group__isnull=True) | Exists(in_group))
        .filter(~Exists(assigned) | Exists(assigned_to_me))
        .order_by("order", "id")
    )


def list_learner_actions(learner: Learner, project: Project) -> list[LearnerAction]:
    actions = list(actions_for_learner(learner, project))
    progress = {
        p.action_id: p for p in ActionProgress.objects.filter(learner=learner, action__in=[a.pk for a in actions])
    }
    return [LearnerAction(action=a, progress=progress.get(a.pk)) for a in actions]


def next_action(items: list[LearnerAction]) -> LearnerAction | None:
    """What to do next: the first unfinished action, the one due soonest first."""
    open_items = [i for i in items if i.status != Status.DONE]
    if not open_items:
        return None
    return min(open_items, key=lambda i: (i.action.due_on or date.max, i.action.order, i.action.pk))


def list_learner_sessions(learner: Learner, project: Project | None = None) -> QuerySet[Session]:
    sessions = Session.objects.filter(
        group__enrolments__learner=learner, group__enrolments__status=Enrolment.Status.ENROLLED
    ).select_related("group", "trainer")
    if project is not None:
        sessions = sessions.filter(group__project=project)
    return sessions.order_by("starts_at")


@dataclass
class ActionCounts:
    action: ProjectAction
    total: int
    started: int
    done: int

    @property
    def open(self) -> int:
        return max(self.total - self.started - self.done, 0)

    @property
    def late(self) -> int:
        if self.action.due_on is not None and self.action.due_on < timezone.localdate():
            return self.total - self.done
        return 0

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def count_action_progress(project: Project) -> list[ActionCounts]:
    """Per action: how many of the learners it applies to have not started, started, finished (P1).

    A constant number of queries, whatever the number of learners.
    """
    actions = list(ProjectAction.objects.filter(project=project).order_by("order", "id"))
    progress = {
        row["action"]: row
        for row in ActionProgress.objects.filter(action__project=project)
        .values("action")
        .annotate(
            started=Count("id", filter=Q(started_at__isnull=False, completed_at__isnull=True)),
            done=Count("id", filter=Q(completed_at__isnull=False)),
        )
    }
    assigned = {
        row["projectaction"]: row["assigned"]
        for row in ProjectAction.learners.through.objects.filter(projectaction__project=project)
        .values("projectaction")
        .annotate(assigned=Count("id"))
    }
    participants = Participation.objects.filter(project=project).count()
    group_sizes = dict(
        Enrolment.objects.filter(project=project, status=Enrolment.Status.ENROLLED)
        .values_list("group")
        .annotate(n=Count("id"))
        .values_list("group", "n")
    )
    result = []
    for action in actions:
        if action.pk in assigned:
            total = assigned[action.pk]
        elif action.group_id:
            total = group_sizes.get(action.group_id, 0)
        else:
            total = participants
        row = progress.get(action.pk, {"started": 0, "done": 0})
        result.append(ActionCounts(action=action, total=total, started=row["started"], done=row["done"]))
    return result


def overall_progress(counts: list[ActionCounts]) -> int:
    total = sum(c.total for c in counts if c.action.required)
    done = sum(c.done for c in counts if c.action.required)
    return round(100 * done / total) if total else 0
