from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from clients.models import Client, Learner
from cursistensite.lib.codes import new_code


class Project(models.Model):
    """One training programme for one client, often with several groups."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    starts_on = models.DateField(_("startdatum"))
    ends_on = models.DateField(_("einddatum"))
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advised_projects",
    )
    enrolment_deadline = models.DateTimeField(_("inschrijven en wisselen tot"), null=True, blank=True)
    hours = models.DecimalField(_("studie-uren"), max_digits=5, decimal_places=1, default=0)
    # L13 completion rule: all required actions done and at least this share of sessions attended.
    min_attendance_percent = models.PositiveSmallIntegerField(_("minimale aanwezigheid (%)"), default=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        indexes = [models.Index(fields=["client", "starts_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="project_ends_after_start"),
            models.CheckConstraint(condition=Q(min_attendance_percent__lte=100), name="project_attendance_percent"),
        ]

    def __str__(self) -> str:
        return self.name


class ProjectAction(models.Model):
    """A step of the project that a learner must do."""

    class Kind(models.TextChoices):
        INTAKE = "intake", _("Intake")
        PREPARATION = "preparation", _("Voorbereiding")
        HOMEWORK = "homework", _("Huiswerk")
        ELEARNING = "elearning", _("E-learning")
        COACHING_FILM = "coaching_film", _("E-coachingfilm")
        SESSION = "session", _("Bijeenkomst")
        EVALUATION = "evaluation", _("Evaluatie")
        CERTIFICATE = "certificate", _("Certificaat")

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    required = models.BooleanField(_("verplicht"), default=True)
    # U3: an action applies to the whole project, to one group, or to chosen learners only.
    group = models.ForeignKey(
        "TrainingGroup", verbose_name=_("alleen voor groep"), on_delete=models.CASCADE, null=True, blank=True
    )
    learners = models.ManyToManyField(Learner, verbose_name=_("alleen voor cursisten"), blank=True, related_name="+")
    url = models.URLField(_("link (e-learning of film)"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("projectactie")
        verbose_name_plural = _("projectacties")
        indexes = [models.Index(fields=["client", "project"])]

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    """A learner taking part in a project (imported or entered by the CA)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="participations")
    invited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["client", "project"])]
        constraints = [models.UniqueConstraint(fields=["project", "learner"], name="one_participation_per_project")]

    def __str__(self) -> str:
        return f"{self.learner} in {self.project}"


class TrainingGroup(models.Model):
    """Learners who follow the sessions together."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("naam"), max_length=200)
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=12)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trained_groups",
    )
    location = models.CharField(_("locatie"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trainingsgroep")
        verbose_name_plural = _("trainingsgroepen")
        indexes = [models.Index(fields=["client", "project"])]
        constraints = [models.CheckConstraint(condition=Q(capacity__gte=1), name="group_capacity_at_least_one")]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    """One meeting of a group."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(TrainingGroup, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("titel"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("locatie"), max_length=200)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trained_sessions",
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [models.Index(fields=["client", "group", "starts_at"])]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start")]

    def __str__(self) -> str:
        return self.title or f"{self.group} {self.starts_at:%Y-%m-%d}"


class Enrolment(models.Model):
    """A learner's place in a group, or on its waiting list (L5, U2)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Ingeschreven")
        WAITING = "waiting", _("Wachtlijst")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="enrolments")
    group = models.ForeignKey(TrainingGroup, on_delete=models.CASCADE, related_name="enrolments")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ENROLLED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["client", "group", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["learner", "group"], name="one_enrolment_per_learner_and_group"),
            models.UniqueConstraint(
                fields=["learner", "project"],
                condition=Q(status="enrolled"),
                name="one_group_per_learner_and_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} → {self.group} ({self.status})"


class ActionProgress(models.Model):
    """A learner's progress on one action (D3, D4)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(ProjectAction, on_delete=models.CASCADE, related_name="progress")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="progress")
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    result = models.CharField(_("resultaat"), max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["client", "action"])]
        constraints = [
            models.UniqueConstraint(fields=["action", "learner"], name="one_progress_per_action_and_learner"),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(started_at__isnull=False),
                name="progress_completed_after_started",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} – {self.action}"


class Attendance(models.Model):
    """Who attended which session (P7)."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Aanwezig")
        ABSENT = "absent", _("Afwezig")
        EXCUSED = "excused", _("Afgemeld")
        LATE = "late", _("Te laat")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=10, choices=Status.choices)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["client", "session"])]
        constraints = [models.UniqueConstraint(fields=["session", "learner"], name="one_attendance_per_session")]

    def __str__(self) -> str:
        return f"{self.learner} @ {self.session}: {self.status}"
