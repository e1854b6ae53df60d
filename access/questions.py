"""Access to question threads (L1, U9): the learner's own; employees who answer questions, in scope."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from access.core import contact_of, learner_of
from access.training import staff_projects
from accounts.roles import Task
from messaging.models import QuestionThread


def visible_threads(user: Any) -> QuerySet[QuestionThread]:
    """A learner's own threads, or the threads in the projects an employee answers questions for."""
    learner = learner_of(user)
    if learner is not None:
        return QuestionThread.objects.filter(learner=learner)
    if getattr(user, "is_authenticated", False) and user.is_employee:
        # The thread's own project must be in scope (so the learner is in `staff_learners` too).
        return QuestionThread.objects.filter(project__in=staff_projects(user, Task.ANSWER_QUESTIONS))
    raise PermissionDenied


def access_thread(user: Any, code: str) -> QuestionThread:
    """404 for a missing thread or one of someone else; 403 for a project leader of the thread's client."""
    contact = contact_of(user)
    if contact is not None:
        if QuestionThread.objects.filter(code=code, client_id=contact.client_id).exists():
            raise PermissionDenied
        raise Http404
    thread = visible_threads(user).select_related("learner__user", "project", "client").filter(code=code).first()
    if thread is None:
        raise Http404
    return thread
