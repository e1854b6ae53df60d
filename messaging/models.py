from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import Client, Learner


class MailMessage(models.Model):
    """The outbox: every outgoing mail is a row, sent by a background task, never lost."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        SENDING = "sending", _("Wordt verstuurd")
        SENT = "sent", _("Verstuurd")
        FAILED = "failed", _("Mislukt")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    learner = models.ForeignKey(Learner, on_delete=models.SET_NULL, null=True, blank=True, related_name="mails")
    kind = models.CharField(max_length=50)
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"]), models.Index(fields=["client", "learner"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to} ({self.status})"
