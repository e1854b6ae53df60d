from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clients.models import Client, Learner
from cursistensite.lib.codes import new_code


class SavedMeasurement(models.Model):
    """A text measurement (L4) the learner chose to keep; the learner can delete it again."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="measurements")
    title = models.CharField(_("titel"), max_length=200)
    language = models.CharField(max_length=2)
    text = models.TextField()
    # The figures at the time of saving (textmeter's JSON without the highlights).
    figures = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["client", "learner"])]

    def __str__(self) -> str:
        return self.title
