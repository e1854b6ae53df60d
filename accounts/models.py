from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, Task, tasks_for_roles
from cursistensite.lib.codes import new_code


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("kind", User.Kind.STAFF)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username or "")


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who logs in: learners, client project leaders, staff and third parties."""

    class Kind(models.TextChoices):
        LEARNER = "learner", _("Cursist")
        CONTACT = "contact", _("Projectleider klant")
        STAFF = "staff", _("Medewerker")
        THIRD_PARTY = "third_party", _("Derde partij")

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.LEARNER)
    language = models.CharField(
        _("taal"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # S2 / S5: confidentiality and processing agreements, recorded with their date.
    nda_signed_on = models.DateField(_("geheimhoudingsverklaring getekend op"), null=True, blank=True)
    processing_agreement_signed_on = models.DateField(_("verwerkersovereenkomst getekend op"), null=True, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    access_ends_at = models.DateTimeField(_("toegang tot"), null=True, blank=True)
    # Bumped to end every session of this person at once (deactivation, role change).
    session_version = models.PositiveIntegerField(default=1)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="third_party") | models.Q(access_ends_at__isnull=False),
                name="third_party_has_end_date",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_staff(self) -> bool:
        """Django admin access: programmers only (they change the system)."""
        return self.is_active and (self.is_superuser or Role.PROGRAMMER in self.roles)

    @property
    def is_employee(self) -> bool:
        return self.kind in (self.Kind.STAFF, self.Kind.THIRD_PARTY)

    @cached_property
    def roles(self) -> frozenset[Role]:
        if not self.is_employee or self.pk is None:
            return frozenset()
        return frozenset(Role(r) for r in self.role_assignments.values_list("role", flat=True))

    @property
    def tasks(self) -> frozenset[Task]:
        return tasks_for_roles(self.roles)

    def has_task(self, task: Task) -> bool:
        return task in self.tasks

    def access_expired(self, now: Any = None) -> bool:
        return self.access_ends_at is not None and (now or timezone.now()) >= self.access_ends_at

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """Sessions die when the password changes or `session_version` is bumped (deactivation)."""
        return salted_hmac(
            "accounts.User.session",
            f"{self.password}:{self.session_version}:{self.is_active}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class RoleAssignment(models.Model):
    """One role of one staff member; set by the security officer only (S3)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(default=timezone.now)
    granted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class Invitation(models.Model):
    """A single-use, expiring link to set a password (U1)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    def __str__(self) -> str:
        return f"Invitation for {self.user}"

    def is_usable(self, now: Any = None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at
