"""S3/S4: the effective task set of every role, pinned as a snapshot, and the union for several roles."""

from __future__ import annotations

from pathlib import Path

from django.test import SimpleTestCase

from accounts.actions import grant_role
from accounts.roles import ROLE_TASKS, S4_ROLES, S4_TASKS, Role, Task, tasks_for_roles
from cursistensite.testing import CastTestCase

# A change to the matrix must change this literal too, so it shows up in review.
SNAPSHOT: dict[str, list[str]] = {
    "programmer": ["change_system", "test_system"],
    "ca": [
        "answer_questions",
        "contact_learners",
        "create_projects",
        "enter_learners",
        "link_trainings",
        "send_invoices",
        "send_mail",
        "track_progress",
    ],
    "trainer": ["answer_questions", "contact_learners", "send_mail", "track_progress", "view_uploads"],
    "adviser": ["answer_questions", "contact_learners", "track_progress", "view_uploads"],
    "marketing": ["contact_learners", "send_mail"],
    "helpdesk": ["answer_questions", "contact_learners", "send_mail"],
    "security_officer": ["manage_staff", "view_audit"],
}

# The rows and columns of the S4 table in the requirements, mapped onto the code.
ROW_TASK = {
    "change the system": Task.CHANGE_SYSTEM,
    "test the system": Task.TEST_SYSTEM,
    "create projects and training groups": Task.CREATE_PROJECTS,
    "enter learner data": Task.ENTER_LEARNERS,
    "link trainings / e-learnings to learners": Task.LINK_TRAININGS,
    "send mails": Task.SEND_MAIL,
    "track learners' progress": Task.TRACK_PROGRESS,
    "view learners' uploads": Task.VIEW_UPLOADS,
    "contact learners": Task.CONTACT_LEARNERS,
    "answer learners' questions": Task.ANSWER_QUESTIONS,
}
COLUMN_ROLE = {
    "programmer": Role.PROGRAMMER,
    "CA": Role.CA,
    "trainer": Role.TRAINER,
    "adviser": Role.ADVISER,
    "marketing": Role.MARKETING,
    "helpdesk": Role.HELPDESK,
}
# Tasks the code adds beyond S4: S10 (invoices, CA) and S3 (the security officer).
BEYOND_S4 = {Role.CA: {Task.SEND_INVOICES}, Role.SECURITY_OFFICER: {Task.MANAGE_STAFF, Task.VIEW_AUDIT}}

MATRIX_FILE = Path(__file__).parent / "data" / "s4_matrix.md"


def parse_s4_table(text: str) -> dict[Role, set[Task]]:
    """The role → tasks of the markdown table (rows are tasks, columns roles, `x` marks a task)."""
    rows = [line.strip() for line in text.splitlines() if line.strip().startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    roles = [COLUMN_ROLE[name] for name in header[1:]]
    matrix: dict[Role, set[Task]] = {role: set() for role in roles}
    for row in rows[2:]:  # skip the header and the |---| line
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        task = ROW_TASK[cells[0]]
        for role, mark in zip(roles, cells[1:], strict=True):
            if mark == "x":
                matrix[role].add(task)
            else:
                assert mark == "", f"unexpected cell {mark!r} in row {cells[0]!r}"
    return matrix


class TaskMatrixTests(SimpleTestCase):
    def test_S4_snapshot_equals_role_tasks(self) -> None:
        actual = {role.value: sorted(task.value for task in tasks) for role, tasks in ROLE_TASKS.items()}
        self.assertEqual(actual, SNAPSHOT)
        self.assertEqual(set(ROLE_TASKS), set(Role))

    def test_S4_role_tasks_equal_the_requirements_table(self) -> None:
        table = parse_s4_table(MATRIX_FILE.read_text(encoding="utf-8"))
        self.assertEqual(len(table), 6)
        self.assertEqual(sum(len(tasks) for tasks in table.values()), 23)
        self.assertEqual(set(table), set(S4_ROLES))
        for role in Role:
            expected = table.get(role, set()) | BEYOND_S4.get(role, set())
            self.assertEqual(set(ROLE_TASKS[role]), expected, role)

    def test_S4_tasks_list_covers_every_row_in_order(self) -> None:
        self.assertEqual(tuple(ROW_TASK.values()), S4_TASKS)

    def test_S4_parser_fails_on_a_changed_table(self) -> None:
        text = MATRIX_FILE.read_text(encoding="utf-8").replace("| test the system | x |", "| test the system | |")
        self.assertNotEqual(parse_s4_table(text)[Role.PROGRAMMER], set(ROLE_TASKS[Role.PROGRAMMER]))

    def test_S3_several_roles_give_the_union(self) -> None:
        self.assertEqual(
            tasks_for_roles({Role.MARKETING, Role.ADVISER}),
            ROLE_TASKS[Role.MARKETING] | ROLE_TASKS[Role.ADVISER],
        )
        self.assertEqual(tasks_for_roles(set()), frozenset())
        everything = tasks_for_roles(set(Role))
        self.assertEqual(everything, frozenset(Task))


class UserTasksTests(CastTestCase):
    def test_S3_person_with_several_roles_has_the_union(self) -> None:
        user = self.marketing
        grant_role(user=user, role=Role.TRAINER, by=self.security)
        user.refresh_from_db()
        user.__dict__.pop("roles", None)
        self.assertEqual(user.roles, {Role.MARKETING, Role.TRAINER})
        self.assertEqual(user.tasks, ROLE_TASKS[Role.MARKETING] | ROLE_TASKS[Role.TRAINER])
        self.assertTrue(user.has_task(Task.VIEW_UPLOADS))
        self.assertFalse(user.has_task(Task.CREATE_PROJECTS))

    def test_S4_cast_staff_have_their_role_tasks(self) -> None:
        cast = {
            Role.PROGRAMMER: self.programmer,
            Role.CA: self.ca,
            Role.TRAINER: self.trainer,
            Role.ADVISER: self.adviser,
            Role.MARKETING: self.marketing,
            Role.HELPDESK: self.helpdesk,
            Role.SECURITY_OFFICER: self.security,
        }
        for role, user in cast.items():
            self.assertEqual(user.tasks, ROLE_TASKS[role], role)

    def test_S1_learners_and_contacts_have_no_tasks(self) -> None:
        self.assertEqual(self.learner.user.tasks, frozenset())
        self.assertEqual(self.contact.user.tasks, frozenset())
