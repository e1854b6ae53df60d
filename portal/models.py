from __future__ import annotations

from django.conf import settings
from django.db import models


class EmailChange(models.Model):
    """A requested change of a learner's email address, confirmed through a link to the new address (L12)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    new_email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Email change for {self.user_id}"
