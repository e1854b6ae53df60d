"""S4: one test per task × role (60 cells) against the real office views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from accounts.models import User
from accounts.roles import ROLE_TASKS, S4_ROLES, S4_TASKS, Role, Task
from cursistensite.testing import CastTestCase, login

# Per task a representative office page that requires exactly that task.
PAGES: dict[Task, Callable[[Any], str]] = {
    Task.CHANGE_SYSTEM: lambda t: reverse("office:system-admin"),
    Task.TEST_SYSTEM: lambda t: reverse("office:system-status"),
    Task.CREATE_PROJECTS: lambda t: reverse("office:project-create"),
    Task.ENTER_LEARNERS: lambda t: reverse("office:import-upload", args=[t.project_a.code]),
    Task.LINK_TRAININGS: lambda t: reverse("office:action-create", args=[t.project_a.code]),
    Task.SEND_MAIL: lambda t: reverse("office:project-invite", args=[t.project_a.code]),
    Task.TRACK_PROGRESS: lambda t: reverse("office:project-progress", args=[t.project_a.code]),
    Task.VIEW_UPLOADS: lambda t: reverse("office:upload-list"),
    Task.CONTACT_LEARNERS: lambda t: reverse("office:learner-detail", args=[t.learner.code]),
    Task.ANSWER_QUESTIONS: lambda t: reverse("office:questions"),
}

# The cast member holding each role (the trainer trains group A1 and the adviser advises project A).
PEOPLE = {
    Role.PROGRAMMER: "programmer",
    Role.CA: "ca",
    Role.TRAINER: "trainer",
    Role.ADVISER: "adviser",
    Role.MARKETING: "marketing",
    Role.HELPDESK: "helpdesk",
}


class S4MatrixTests(CastTestCase):
    def check(self, task: Task, role: Role) -> None:
        user: User = getattr(self, PEOPLE[role])
        self.assertEqual(user.roles, frozenset({role}))
        http = login(HttpClient(), user)
        response = http.get(PAGES[task](self))
        if task in ROLE_TASKS[role]:
            self.assertIn(response.status_code, (200, 302), f"{role} should be able to {task}")
            if response.status_code == 302:
                self.assertEqual(response["Location"], reverse("admin:index"))
        else:
            self.assertEqual(response.status_code, 403, f"{role} must not {task}")


def _make(task: Task, role: Role) -> Any:
    def test(self: S4MatrixTests) -> None:
        self.check(task, role)

    return test


for _task in S4_TASKS:
    for _role in S4_ROLES:
        setattr(S4MatrixTests, f"test_S4_{_task.value}__{_role.value}", _make(_task, _role))


def test_S4_matrix_has_sixty_cells() -> None:
    cells = [name for name in dir(S4MatrixTests) if name.startswith("test_S4_") and "__" in name]
    assert len(cells) == 60
    assert set(PAGES) == set(S4_TASKS)


@pytest.mark.parametrize("task", S4_TASKS)
def test_S4_every_page_declares_its_task(task: Task) -> None:
    """The representative page really is guarded by that task (not by a broader one)."""
    from django.urls import resolve

    path = PAGES[task](_Codes())
    view = resolve(path).func
    assert getattr(view, "required_task", None) == task


class _Codes:
    """Stand-in with codes for reversing URLs without a database."""

    class _Obj:
        code = "x"

    project_a = _Obj()
    learner = _Obj()
