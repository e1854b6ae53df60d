from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clients.models import Client, Learner
from cursistensite.lib.codes import new_code
from training.models import Project, ProjectAction, TrainingGroup


class Upload(models.Model):
    """Homework a learner uploaded (L6). Hidden after 3 months, deleted after 6 (D5)."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="uploads")
    action = models.ForeignKey(ProjectAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="uploads")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="uploads")
    storage_key = models.CharField(max_length=200, unique=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField()
    hidden_at = models.DateTimeField()
    delete_at = models.DateTimeField()
    warning_acknowledged_at = models.DateTimeField()

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["client", "project"]), models.Index(fields=["delete_at"])]

    def __str__(self) -> str:
        return self.original_name


class Material(models.Model):
    """Course material or a document linked to a project, a group or one learner (L10, U7)."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="materials")
    group = models.ForeignKey(TrainingGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="materials")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, null=True, blank=True, related_name="materials")
    title = models.CharField(_("titel"), max_length=200)
    storage_key = models.CharField(max_length=200, unique=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["client", "project"])]

    def __str__(self) -> str:
        return self.title


class Certificate(models.Model):
    """A certificate after completing the training (L13), verifiable by its code."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="certificates")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="certificates")
    verification_code = models.CharField(max_length=32, unique=True)
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # What the certificate says, frozen at issue so the verification page shows exactly that.
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["client", "project"])]

    def __str__(self) -> str:
        return f"Certificate {self.verification_code}"
