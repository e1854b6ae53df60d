"""Learner questions to the trainer (L1, U9): ask, reply, answer and close, each one transaction.

Mails go through the outbox and hold only a link, never the question text or an employee number.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.actions import record
from audit.models import Event
from clients.models import Learner
from messaging.actions import queue_mail
from messaging.models import QuestionMessage, QuestionThread
from training.models import Enrolment, Participation, Project


class QuestionError(ValueError):
    """A question action that cannot be done; the message is Dutch and fit for the page."""


def _link(name: str, code: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[code])


def trainer_for(thread: QuestionThread) -> User | None:
    """The trainer of the learner's group in the project, else the project's adviser."""
    enrolment = (
        Enrolment.objects.filter(
            project_id=thread.project_id, learner_id=thread.learner_id, status=Enrolment.Status.ENROLLED
        )
        .select_related("group__trainer")
        .first()
    )
    if enrolment is not None and enrolment.group.trainer is not None:
        return enrolment.group.trainer
    return Project.objects.select_related("adviser").get(pk=thread.project_id).adviser


def _notify_trainer(thread: QuestionThread, *, by: Any) -> None:
    trainer = trainer_for(thread)
    if trainer is None or not trainer.email:
        return
    queue_mail(
        template="question_asked",
        to=trainer.email,
        context={"name": trainer.full_name, "url": _link("office-questions:detail", thread.code)},
        client=thread.client,
        learner=thread.learner,
        by=by,
        language=trainer.language or "nl",
    )


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise QuestionError(_("Schrijf je vraag of bericht."))
    return body


def _check_open(thread: QuestionThread) -> None:
    if thread.closed_at is not None:
        raise QuestionError(_("Deze vraag is gesloten."))


@transaction.atomic
def ask_question(*, learner: Learner, project: Project, subject: str, body: str, by: Any) -> QuestionThread:
    """Start a thread for `learner` in `project` and mail their trainer a link."""
    subject = (subject or "").strip()
    body = _check_body(body)
    if not subject:
        raise QuestionError(_("Geef je vraag een onderwerp."))
    if not Participation.objects.filter(project=project, learner=learner).exists():
        raise QuestionError(_("Je doet niet mee aan dit project."))
    thread = QuestionThread.objects.create(
        client_id=learner.client_id, project=project, learner=learner, subject=subject[:200]
    )
    QuestionMessage.objects.create(thread=thread, author=by, body=body)
    record(Event.DATA_CHANGED, actor=by, target=thread, data={"what": "question_asked"})
    _notify_trainer(thread, by=by)
    return thread


def _add_message(thread: QuestionThread, *, body: str, by: Any, answered: bool, what: str) -> QuestionMessage:
    """Add a message to an open thread; an answer marks it answered, a learner's reply makes it wait again."""
    body = _check_body(body)
    _check_open(thread)
    message = QuestionMessage.objects.create(thread=thread, author=by, body=body)
    thread.answered_at = timezone.now() if answered else None
    thread.save(update_fields=["answered_at"])
    record(Event.DATA_CHANGED, actor=by, target=thread, data={"what": what})
    return message


@transaction.atomic
def reply_to_question(*, thread: QuestionThread, body: str, by: Any) -> QuestionMessage:
    """The learner adds to their open thread; it waits for an answer again."""
    message = _add_message(thread, body=body, by=by, answered=False, what="question_reply")
    _notify_trainer(thread, by=by)
    return message


@transaction.atomic
def answer_question(*, thread: QuestionThread, body: str, by: Any) -> QuestionMessage:
    """An employee answers; the learner gets a mail with a link."""
    message = _add_message(thread, body=body, by=by, answered=True, what="question_answered")
    user = thread.learner.user
    queue_mail(
        template="question_answered",
        to=user.email,
        context={"name": user.full_name, "url": _link("questions:detail", thread.code)},
        client=thread.client,
        learner=thread.learner,
        by=by,
        language=user.language or "nl",
    )
    return message


@transaction.atomic
def close_question(*, thread: QuestionThread, by: Any) -> QuestionThread:
    """Close the thread; no further messages."""
    _check_open(thread)
    thread.closed_at = timezone.now()
    thread.save(update_fields=["closed_at"])
    record(Event.DATA_CHANGED, actor=by, target=thread, data={"what": "question_closed"})
    return thread
