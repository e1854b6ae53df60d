from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cursistensite.lib.codes import new_code


class Client(models.Model):
    """An organisation that buys training projects: the tenant (ARCHITECTURE decision 1)."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("klant")
        verbose_name_plural = _("klanten")

    def __str__(self) -> str:
        return self.name


class ClientContact(models.Model):
    """The client's own project leader, who follows the client's projects (P1–P8)."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_contact")
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("projectleider")
        verbose_name_plural = _("projectleiders")
        indexes = [models.Index(fields=["client"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.client})"


class Learner(models.Model):
    """An employee of a client who follows a training (D1, D2)."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="learners")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner")
    # D2: internal only; never on a portal or client-view page, in a mail or a log.
    employee_number = models.CharField(_("personeelsnummer"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("cursist")
        verbose_name_plural = _("cursisten")
        indexes = [models.Index(fields=["client"])]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return self.user.full_name

    @property
    def email(self) -> str:
        return self.user.email
