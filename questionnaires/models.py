from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clients.models import Client, Learner
from cursistensite.lib.codes import new_code
from training.models import Project, ProjectAction


class Questionnaire(models.Model):
    """An intake (L7) or evaluation (L9) form of a project, on one engine."""

    class Kind(models.TextChoices):
        INTAKE = "intake", _("Intake")
        EVALUATION = "evaluation", _("Evaluatie")

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="questionnaires")
    action = models.OneToOneField(
        ProjectAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="questionnaire"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    introduction = models.TextField(_("inleiding"), blank=True)
    # An anonymous evaluation stores answers without the link to the learner (completion is still recorded).
    anonymous = models.BooleanField(_("anoniem"), default=False)

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        indexes = [models.Index(fields=["client", "project"])]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    class Type(models.TextChoices):
        SHORT_TEXT = "short_text", _("Korte tekst")
        LONG_TEXT = "long_text", _("Lange tekst")
        SINGLE_CHOICE = "single_choice", _("Eén keuze")
        MULTIPLE_CHOICE = "multiple_choice", _("Meerdere keuzes")
        SCALE = "scale", _("Schaal 1–5")
        YES_NO = "yes_no", _("Ja/nee")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(_("vraag"), max_length=500)
    help_text = models.CharField(_("toelichting"), max_length=500, blank=True)
    type = models.CharField(_("soort vraag"), max_length=20, choices=Type.choices)
    required = models.BooleanField(_("verplicht"), default=True)
    choices = models.JSONField(_("keuzes"), default=list, blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class Response(models.Model):
    """A learner's answers. `learner` is empty for a submitted anonymous evaluation."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="responses")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, null=True, blank=True, related_name="responses")
    answers = models.JSONField(default=dict)  # {str(question.pk): value}
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["client", "questionnaire"])]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "learner"],
                condition=Q(learner__isnull=False),
                name="one_response_per_learner",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.code}"
