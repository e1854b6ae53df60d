"""Reads on the outbox."""

from __future__ import annotations

from django.db.models import QuerySet

from clients.models import Learner
from messaging.models import MailMessage


def learner_mails(learner: Learner) -> QuerySet[MailMessage]:
    """The mail history of one learner, newest first (U4)."""
    return (
        MailMessage.objects.filter(learner=learner)
        .only("kind", "to", "subject", "status", "attempts", "created_at", "sent_at", "learner_id")
        .order_by("-created_at", "-id")
    )
