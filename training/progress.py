"""Progress reads shared by the client view and the office (P1, P2, P4, P6, P7, U6).

Every function here runs a fixed number of queries, whatever the number of learners: the matrix
is assembled in Python from one query per table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import Learner
from documents.models import Upload
from training.models import (
    ActionProgress,
    Attendance,
    Enrolment,
    Participation,
    Project,
    ProjectAction,
    Session,
    TrainingGroup,
)
from training.queries import Status

PREPARATION_KINDS = (ProjectAction.Kind.PREPARATION, ProjectAction.Kind.HOMEWORK)
ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)
NOT_RECORDED = "not_recorded"
NOT_RECORDED_LABEL = _("Niet geregistreerd")


@dataclass
class Cell:
    """One learner's state on one action; `applies` is False when the action is not theirs."""

    action: ProjectAction
    applies: bool
    status: str = Status.OPEN
    started_at: datetime | None = None
    completed_at: datetime | None = None
    late: bool = False
    upload_present: bool = False

    @property
    def moment(self) -> datetime | None:
        return self.completed_at or self.started_at


@dataclass
class LearnerRow:
    learner: Learner
    group: TrainingGroup | None
    cells: list[Cell]
    attended: int = 0
    sessions: int = 0

    @property
    def applicable(self) -> list[Cell]:
        return [c for c in self.cells if c.applies]

    @property
    def late(self) -> bool:
        return any(c.late for c in self.cells)

    @property
    def status(self) -> str:
        """Overall: done when every required action of theirs is done, open when nothing started."""
        cells = self.applicable
        required = [c for c in cells if c.action.required] or cells
        if required and all(c.status == Status.DONE for c in required):
            return Status.DONE
        if any(c.status != Status.OPEN for c in cells):
            return Status.STARTED
        return Status.OPEN

    def cell(self, action: ProjectAction) -> Cell | None:
        return next((c for c in self.cells if c.action.pk == action.pk), None)


@dataclass
class ProgressMatrix:
    project: Project
    actions: list[ProjectAction]
    rows: list[LearnerRow]
    groups: list[TrainingGroup] = field(default_factory=list)


@dataclass
class MatrixFilter:
    group: str = ""  # group code
    action: str = ""  # action code; `status` and `late` then apply to that action
    status: str = ""  # open | started | done
    late: bool = False
    sort: str = "naam"  # naam | groep


def _is_late(action: ProjectAction, status: str, today: date) -> bool:
    return status != Status.DONE and action.due_on is not None and action.due_on < today


def build_progress_matrix(
    project: Project, *, filters: MatrixFilter | None = None, kinds: Iterable[str] | None = None
) -> ProgressMatrix:
    """Learners × actions with status, dates, late flags and attendance (P2, P6). Eight queries."""
    filters = filters or MatrixFilter()
    actions_qs = ProjectAction.objects.filter(project=project).order_by("order", "id")
    if kinds is not None:
        actions_qs = actions_qs.filter(kind__in=list(kinds))
    actions = list(actions_qs)
    groups = list(TrainingGroup.objects.filter(project=project).order_by("name"))
    groups_by_id = {g.pk: g for g in groups}
    learners = [
        p.learner for p in Participation.objects.filter(project=project).select_related("learner__user").order_by("id")
    ]
    group_of = {
        learner_id: groups_by_id.get(group_id)
        for learner_id, group_id in Enrolment.objects.filter(
            project=project, status=Enrolment.Status.ENROLLED
        ).values_list("learner_id", "group_id")
    }
    assigned: dict[int, set[int]] = defaultdict(set)
    for action_id, learner_id in ProjectAction.learners.through.objects.filter(
        projectaction__project=project
    ).values_list("projectaction_id", "learner_id"):
        assigned[action_id].add(learner_id)
    progress = {
        (p.action_id, p.learner_id): p
        for p in ActionProgress.objects.filter(action__project=project).only(
            "action_id", "learner_id", "started_at", "completed_at"
        )
    }
    now = timezone.now()
    uploads = set(
        Upload.objects.filter(project=project, action__isnull=False, hidden_at__gt=now).values_list(
            "learner_id", "action_id"
        )
    )
    attended = dict(
        Attendance.objects.filter(session__group__project=project, status__in=ATTENDED)
        .values("learner")
        .annotate(n=Count("id"))
        .values_list("learner", "n")
    )
    sessions_per_group = {g.pk: 0 for g in groups}
    for session_group in Session.objects.filter(group__project=project).values_list("group_id", flat=True):
        sessions_per_group[session_group] = sessions_per_group.get(session_group, 0) + 1

    today = timezone.localdate()
    rows = []
    for learner in learners:
        group = group_of.get(learner.pk)
        cells = []
        for action in actions:
            applies = (action.group_id is None or (group is not None and group.pk == action.group_id)) and (
                action.pk not in assigned or learner.pk in assigned[action.pk]
            )
            cell = Cell(action=action, applies=applies)
            if applies:
                p = progress.get((action.pk, learner.pk))
                if p is not None and p.started_at is not None:
                    cell.status = Status.DONE if p.completed_at else Status.STARTED
                    cell.started_at, cell.completed_at = p.started_at, p.completed_at
                cell.late = _is_late(action, cell.status, today)
                cell.upload_present = (learner.pk, action.pk) in uploads
            cells.append(cell)
        rows.append(
            LearnerRow(
                learner=learner,
                group=group,
                cells=cells,
                attended=attended.get(learner.pk, 0),
                sessions=sessions_per_group.get(group.pk, 0) if group else 0,
            )
        )
    return filter_matrix(ProgressMatrix(project=project, actions=actions, rows=rows, groups=groups), filters)


def filter_matrix(matrix: ProgressMatrix, filters: MatrixFilter) -> ProgressMatrix:
    """Keep the rows that match `filters`, sorted as asked (no queries)."""
    return ProgressMatrix(
        project=matrix.project,
        actions=matrix.actions,
        rows=_filter_rows(list(matrix.rows), matrix.actions, filters),
        groups=matrix.groups,
    )


def _filter_rows(rows: list[LearnerRow], actions: list[ProjectAction], filters: MatrixFilter) -> list[LearnerRow]:
    if filters.group:
        rows = [r for r in rows if r.group is not None and r.group.code == filters.group]
    action = next((a for a in actions if a.code == filters.action), None) if filters.action else None
    if action is not None:
        pairs: list[tuple[LearnerRow, Cell]] = []
        for r in rows:
            c = r.cell(action)
            if c is not None and c.applies:
                pairs.append((r, c))
        if filters.status:
            pairs = [(r, c) for r, c in pairs if c.status == filters.status]
        if filters.late:
            pairs = [(r, c) for r, c in pairs if c.late]
        rows = [r for r, _c in pairs]
    else:
        if filters.status:
            rows = [r for r in rows if r.status == filters.status]
        if filters.late:
            rows = [r for r in rows if r.late]
    if filters.sort == "groep":
        rows.sort(key=lambda r: (r.group is None, r.group.name.lower() if r.group else "", r.learner.name.lower()))
    else:
        rows.sort(key=lambda r: r.learner.name.lower())
    return rows


def is_participant(project: Project, learner: Learner) -> bool:
    return Participation.objects.filter(project=project, learner=learner).exists()


def learner_group(project: Project, learner: Learner) -> TrainingGroup | None:
    enrolment = (
        Enrolment.objects.filter(project=project, learner=learner, status=Enrolment.Status.ENROLLED)
        .select_related("group")
        .first()
    )
    return enrolment.group if enrolment else None


def uploaded_action_ids(project: Project, learner: Learner) -> set[int]:
    """Actions for which `learner` has a still-visible upload (D5: three months). Never the upload itself."""
    return set(
        Upload.objects.filter(
            project=project, learner=learner, action__isnull=False, hidden_at__gt=timezone.now()
        ).values_list("action_id", flat=True)
    )


@dataclass
class SessionAttendance:
    session: Session
    status: str  # an Attendance.Status value or NOT_RECORDED


def list_learner_attendance(project: Project, learner: Learner) -> list[SessionAttendance]:
    """The learner's sessions in `project` with their attendance (P2 learner page). Two queries."""
    sessions = list(
        Session.objects.filter(
            group__project=project,
            group__enrolments__learner=learner,
            group__enrolments__status=Enrolment.Status.ENROLLED,
        )
        .select_related("group", "trainer")
        .order_by("starts_at")
    )
    recorded = dict(
        Attendance.objects.filter(learner=learner, session__group__project=project).values_list("session_id", "status")
    )
    # Sessions of a former group where attendance was recorded also count.
    missing = set(recorded) - {s.pk for s in sessions}
    if missing:
        sessions += list(Session.objects.filter(pk__in=missing).select_related("group", "trainer"))
        sessions.sort(key=lambda s: s.starts_at)
    return [SessionAttendance(session=s, status=recorded.get(s.pk, NOT_RECORDED)) for s in sessions]


def list_project_sessions(project: Project, group: TrainingGroup | None = None) -> QuerySet[Session]:
    """Every session of the project (or of one group) with trainer and attendance counts (P4, P7). One query."""
    sessions = Session.objects.filter(group__project=project)
    if group is not None:
        sessions = sessions.filter(group=group)
    return (
        sessions.select_related("group", "trainer")
        .annotate(
            n_present=Count("attendance", filter=Q(attendance__status=Attendance.Status.PRESENT)),
            n_late=Count("attendance", filter=Q(attendance__status=Attendance.Status.LATE)),
            n_absent=Count("attendance", filter=Q(attendance__status=Attendance.Status.ABSENT)),
            n_excused=Count("attendance", filter=Q(attendance__status=Attendance.Status.EXCUSED)),
        )
        .order_by("starts_at", "group__name")
    )


@dataclass
class GroupMembers:
    group: TrainingGroup
    members: list[Learner]
    waiting: int


def list_project_groups(project: Project) -> list[GroupMembers]:
    """Every group with its enrolled members (name, email) and the length of its waiting list (P3). Two queries."""
    groups = list(TrainingGroup.objects.filter(project=project).select_related("trainer").order_by("name"))
    members: dict[int, list[Learner]] = defaultdict(list)
    waiting: dict[int, int] = defaultdict(int)
    for enrolment in (
        Enrolment.objects.filter(project=project).select_related("learner__user").order_by("learner__user__full_name")
    ):
        if enrolment.status == Enrolment.Status.ENROLLED:
            members[enrolment.group_id].append(enrolment.learner)
        else:
            waiting[enrolment.group_id] += 1
    return [GroupMembers(group=g, members=members[g.pk], waiting=waiting[g.pk]) for g in groups]


@dataclass
class AttendanceLine:
    learner: Learner
    status: str  # an Attendance.Status value or NOT_RECORDED

    @property
    def label(self) -> str:
        if self.status == NOT_RECORDED:
            return str(NOT_RECORDED_LABEL)
        return str(Attendance.Status(self.status).label)


def session_attendance(session: Session, members: Iterable[Learner]) -> list[AttendanceLine]:
    """The attendance list of a session: every member of the group, and anyone recorded (P7). Two queries."""
    records = {
        a.learner_id: a
        for a in Attendance.objects.filter(session=session).select_related("learner__user").order_by("id")
    }
    lines = {learner.pk: AttendanceLine(learner=learner, status=NOT_RECORDED) for learner in members}
    for learner_id, record in records.items():
        if learner_id in lines:
            lines[learner_id].status = record.status
        else:
            lines[learner_id] = AttendanceLine(learner=record.learner, status=record.status)
    return sorted(lines.values(), key=lambda line: line.learner.name.lower())


def attendance_totals(lines: Iterable[AttendanceLine]) -> dict[str, int]:
    totals = {status: 0 for status in [*Attendance.Status.values, NOT_RECORDED]}
    for line in lines:
        totals[line.status] += 1
    return totals
