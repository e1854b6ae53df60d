"""The outbox: queue mail inside the business transaction, send it after commit, retry with back-off."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from messaging.models import MailMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
BATCH_SIZE = 100


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def queue_mail(
    *,
    template: str,
    to: str,
    context: dict[str, Any],
    kind: str | None = None,
    client: Any = None,
    learner: Any = None,
    by: Any = None,
    language: str = "nl",
) -> MailMessage:
    """Render `mail/<template>.*` and store it in the outbox; sent after the transaction commits."""
    subject, body_text, body_html = render_mail(template=template, context=context, language=language)
    message = MailMessage.objects.create(
        kind=kind or template,
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        client=client,
        learner=learner,
        created_by=by if getattr(by, "pk", None) else None,
    )
    transaction.on_commit(_enqueue_delivery)
    return message


def render_mail(*, template: str, context: dict[str, Any], language: str = "nl") -> tuple[str, str, str]:
    """Subject, text body and HTML body of `mail/<template>.*` in `language`."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"mail/{template}.subject.txt", context).split())
        body_text = render_to_string(f"mail/{template}.txt", context)
        body_html = render_to_string(f"mail/{template}.html", context)
    return subject, body_text, body_html


def queue_many(messages: list[MailMessage]) -> list[MailMessage]:
    """Store many unsaved outbox rows at once (bulk invitations); sent after the transaction commits."""
    if not messages:
        return []
    created = MailMessage.objects.bulk_create(messages, batch_size=500)
    transaction.on_commit(_enqueue_delivery)
    return created


def _enqueue_delivery() -> None:
    from messaging.tasks import deliver_outbox

    try:
        deliver_outbox.enqueue()
    except Exception:  # the periodic sweep picks the mail up later; nothing is lost
        log.exception("Could not enqueue outbox delivery")


def _claim(now: Any) -> list[MailMessage]:
    """Claim due messages so that two workers never send the same mail."""
    claimed: list[MailMessage] = []
    with transaction.atomic():
        due = (
            MailMessage.objects.select_for_update(skip_locked=True)
            .filter(status=MailMessage.Status.QUEUED, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "id")[:BATCH_SIZE]
        )
        for message in due:
            message.status = MailMessage.Status.SENDING
            message.attempts += 1
            message.next_attempt_at = now
            message.save(update_fields=["status", "attempts", "next_attempt_at"])
            claimed.append(message)
    return claimed


def deliver_due(now: Any = None) -> dict[str, int]:
    """Send every due message once. A failure puts it back in the queue with back-off."""
    now = now or timezone.now()
    counts = {"sent": 0, "retry": 0, "failed": 0}
    while True:
        batch = _claim(now)
        if not batch:
            return counts
        try:
            connection = get_connection(fail_silently=False)
            connection.open()
        except Exception as exc:
            for message in batch:
                _failed(message, exc, now, counts)
            return counts
        try:
            for message in batch:
                mail = EmailMultiAlternatives(
                    message.subject, message.body_text, settings.DEFAULT_FROM_EMAIL, [message.to], connection=connection
                )
                if message.body_html:
                    mail.attach_alternative(message.body_html, "text/html")
                mail.extra_headers["Message-ID"] = f"<outbox-{message.pk}@cursistensite>"
                try:
                    mail.send()
                except Exception as exc:
                    _failed(message, exc, now, counts)
                else:
                    message.status = MailMessage.Status.SENT
                    message.sent_at = timezone.now()
                    message.last_error = ""
                    message.save(update_fields=["status", "sent_at", "last_error"])
                    counts["sent"] += 1
        finally:
            try:
                connection.close()
            except Exception:
                log.warning("Closing the mail connection failed", exc_info=True)


def _failed(message: MailMessage, exc: Exception, now: Any, counts: dict[str, int]) -> None:
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if message.attempts >= MAX_ATTEMPTS:
        message.status = MailMessage.Status.FAILED
        counts["failed"] += 1
    else:
        message.status = MailMessage.Status.QUEUED
        message.next_attempt_at = now + backoff(message.attempts)
        counts["retry"] += 1
    message.save(update_fields=["status", "next_attempt_at", "last_error"])


def requeue_stale(now: Any = None, older_than: timedelta = timedelta(minutes=15)) -> int:
    """Messages left in 'sending' by a crashed worker go back to the queue.

    A crash after the SMTP server accepted the mail but before the row was saved is the only
    case that could send a mail twice; the fixed Message-ID lets receiving servers drop it.
    """
    now = now or timezone.now()
    return MailMessage.objects.filter(status=MailMessage.Status.SENDING, next_attempt_at__lte=now - older_than).update(
        status=MailMessage.Status.QUEUED
    )
