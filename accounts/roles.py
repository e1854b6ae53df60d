"""The staff roles and the task matrix of S4, as one table a non-developer can read."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROGRAMMER = "programmer", _("Programmeur")
    CA = "ca", _("Communicatieassistent")
    TRAINER = "trainer", _("Trainer")
    ADVISER = "adviser", _("Adviseur")
    MARKETING = "marketing", _("Marketing")
    HELPDESK = "helpdesk", _("Helpdesk")
    SECURITY_OFFICER = "security_officer", _("Security officer")


class Task(models.TextChoices):
    CHANGE_SYSTEM = "change_system", _("Systeem wijzigen")
    TEST_SYSTEM = "test_system", _("Systeem testen")
    CREATE_PROJECTS = "create_projects", _("Projecten en trainingsgroepen aanmaken")
    ENTER_LEARNERS = "enter_learners", _("Cursistgegevens invoeren")
    LINK_TRAININGS = "link_trainings", _("Trainingen en e-learnings koppelen aan cursisten")
    SEND_MAIL = "send_mail", _("Mails versturen")
    TRACK_PROGRESS = "track_progress", _("Voortgang van cursisten volgen")
    VIEW_UPLOADS = "view_uploads", _("Uploads van cursisten bekijken")
    CONTACT_LEARNERS = "contact_learners", _("Contact opnemen met cursisten")
    ANSWER_QUESTIONS = "answer_questions", _("Vragen van cursisten beantwoorden")
    # Beyond the S4 matrix: S10 (invoices, CA) and S3 (the security officer).
    SEND_INVOICES = "send_invoices", _("Facturen versturen")
    MANAGE_STAFF = "manage_staff", _("Medewerkers en rollen beheren")
    VIEW_AUDIT = "view_audit", _("Activiteitenlog inzien")


# The S4 task matrix (plus S3 and S10). Change it here and only here.
ROLE_TASKS: dict[Role, frozenset[Task]] = {
    Role.PROGRAMMER: frozenset({Task.CHANGE_SYSTEM, Task.TEST_SYSTEM}),
    Role.CA: frozenset(
        {
            Task.CREATE_PROJECTS,
            Task.ENTER_LEARNERS,
            Task.LINK_TRAININGS,
            Task.SEND_MAIL,
            Task.TRACK_PROGRESS,
            Task.CONTACT_LEARNERS,
            Task.ANSWER_QUESTIONS,
            Task.SEND_INVOICES,
        }
    ),
    Role.TRAINER: frozenset(
        {Task.SEND_MAIL, Task.TRACK_PROGRESS, Task.VIEW_UPLOADS, Task.CONTACT_LEARNERS, Task.ANSWER_QUESTIONS}
    ),
    Role.ADVISER: frozenset({Task.TRACK_PROGRESS, Task.VIEW_UPLOADS, Task.CONTACT_LEARNERS, Task.ANSWER_QUESTIONS}),
    Role.MARKETING: frozenset({Task.SEND_MAIL, Task.CONTACT_LEARNERS}),
    Role.HELPDESK: frozenset({Task.SEND_MAIL, Task.CONTACT_LEARNERS, Task.ANSWER_QUESTIONS}),
    Role.SECURITY_OFFICER: frozenset({Task.MANAGE_STAFF, Task.VIEW_AUDIT}),
}

# Roles whose client data is limited to the projects they work on (as trainer or adviser);
# the other roles work across clients, as the seed says.
PROJECT_SCOPED_ROLES: frozenset[Role] = frozenset({Role.TRAINER, Role.ADVISER})

# The ten tasks of the S4 matrix, in the seed's order (the 60-cell test walks these).
S4_TASKS: tuple[Task, ...] = (
    Task.CHANGE_SYSTEM,
    Task.TEST_SYSTEM,
    Task.CREATE_PROJECTS,
    Task.ENTER_LEARNERS,
    Task.LINK_TRAININGS,
    Task.SEND_MAIL,
    Task.TRACK_PROGRESS,
    Task.VIEW_UPLOADS,
    Task.CONTACT_LEARNERS,
    Task.ANSWER_QUESTIONS,
)
S4_ROLES: tuple[Role, ...] = (Role.PROGRAMMER, Role.CA, Role.TRAINER, Role.ADVISER, Role.MARKETING, Role.HELPDESK)


def tasks_for_roles(roles: set[Role] | frozenset[Role]) -> frozenset[Task]:
    """The effective task set of a person holding `roles`."""
    tasks: set[Task] = set()
    for role in roles:
        tasks |= ROLE_TASKS[role]
    return frozenset(tasks)
