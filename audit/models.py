from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clients.models import Client


class Event(models.TextChoices):
    LOGIN = "login", _("Ingelogd")
    LOGIN_FAILED = "login_failed", _("Inloggen mislukt")
    LOGOUT = "logout", _("Uitgelogd")
    LOCKED_OUT = "locked_out", _("Account geblokkeerd")
    ACCESS_REFUSED = "access_refused", _("Toegang geweigerd")
    PASSWORD_SET = "password_set", _("Wachtwoord ingesteld")
    OTP_ENROLLED = "otp_enrolled", _("Tweede factor ingesteld")
    ACTION_STARTED = "action_started", _("Actie gestart")
    ACTION_COMPLETED = "action_completed", _("Actie afgerond")
    DOCUMENT_OPENED = "document_opened", _("Document geopend")
    ACCOUNT_CREATED = "account_created", _("Account aangemaakt")
    ACCOUNT_CHANGED = "account_changed", _("Account gewijzigd")
    ACCOUNT_DEACTIVATED = "account_deactivated", _("Account gedeactiveerd")
    ROLE_GRANTED = "role_granted", _("Rol toegekend")
    ROLE_REVOKED = "role_revoked", _("Rol ingetrokken")
    INVITATION_SENT = "invitation_sent", _("Uitnodiging verstuurd")
    ENROLLED = "enrolled", _("Ingeschreven")
    WITHDRAWN = "withdrawn", _("Uitgeschreven")
    UPLOADED = "uploaded", _("Bestand geüpload")
    UPLOAD_DELETED = "upload_deleted", _("Upload verwijderd")
    EXPORTED = "exported", _("Gegevens geëxporteerd")
    DATA_CHANGED = "data_changed", _("Gegevens gewijzigd")


class AuditEvent(models.Model):
    """One entry in the activity log (D4), written inside the transaction of the change."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_label = models.CharField(max_length=254, blank=True)
    event = models.CharField(max_length=40, choices=Event.choices, db_index=True)
    client = models.ForeignKey(Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    target_type = models.CharField(max_length=60, blank=True)
    target_code = models.CharField(max_length=40, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client", "at"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.event}"
