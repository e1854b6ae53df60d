"""The one way a view or API endpoint gets client data.

Every function takes the acting user and answers Http404 for an object that is missing *or* belongs
to someone the user may not see (another client, another group), and PermissionDenied (403) for a
visible object the user may not act on. Staff, who work across clients, are one explicit branch here.
Views never call `Model.objects` on client data themselves.
"""

from access.core import (
    any_user_required,
    contact_of,
    contact_required,
    employee_required,
    learner_of,
    learner_required,
    require_task,
    staff_required,
)
from access.staff import access_client, access_employee
from access.training import (
    access_group,
    access_learner,
    access_project,
    access_session,
    learner_projects,
    list_group_members,
    staff_learners,
    staff_projects,
    visible_projects,
)

__all__ = [
    "access_client",
    "access_employee",
    "any_user_required",
    "access_group",
    "access_learner",
    "access_project",
    "access_session",
    "contact_of",
    "contact_required",
    "employee_required",
    "learner_of",
    "learner_projects",
    "learner_required",
    "list_group_members",
    "require_task",
    "staff_learners",
    "staff_projects",
    "staff_required",
    "visible_projects",
]
