"""Writes on accounts: invitations, passwords, second factor."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, User
from accounts.roles import Task
from audit.actions import record
from audit.models import Event


class InvalidInvitation(Exception):
    """The link is unknown, used or expired."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_invitation(*, user: User, by: Any) -> str:
    """Make a single-use link for `user` to set a password (U1); returns the absolute URL."""
    token = secrets.token_urlsafe(32)
    Invitation.objects.create(
        user=user,
        token_hash=_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        created_by=by if getattr(by, "pk", None) else None,
    )
    record(Event.INVITATION_SENT, actor=by, target=user, client=client_of(user))
    return settings.SITE_URL.rstrip("/") + reverse("accounts:invitation", args=[token])


def find_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.is_usable() or not invitation.user.is_active:
        raise InvalidInvitation
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, password: str) -> User:
    invitation = find_invitation(token)
    # Lock the row so a double submit cannot use the link twice.
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable():
        raise InvalidInvitation
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    # Other open links of this person stop working too.
    Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=locked.used_at)
    record(Event.PASSWORD_SET, actor=user, target=user, client=client_of(user))
    return user


def client_of(user: Any) -> Any:
    """The client a learner or project leader belongs to; None for staff."""
    for attr in ("learner", "client_contact"):
        row = getattr(user, attr, None)
        if row is not None:
            return row.client
    return None


def require_staff_manager(by: Any) -> None:
    """S3: only the security officer changes staff accounts and roles (`None` is the system itself:
    the demo seed and management commands)."""
    if by is None:
        return
    if not (getattr(by, "is_authenticated", False) and by.is_employee and Task.MANAGE_STAFF in by.tasks):
        raise PermissionDenied


@transaction.atomic
def create_employee(
    *,
    email: str,
    full_name: str,
    roles: Any,
    by: Any,
    nda_signed_on: Any = None,
    third_party: bool = False,
    organisation: str = "",
    processing_agreement_signed_on: Any = None,
    access_ends_at: Any = None,
) -> User:
    """A staff member or third party with roles (S1–S3, S5). Only the security officer calls this."""
    require_staff_manager(by)
    user = User.objects.create_user(
        email=email,
        full_name=full_name,
        kind=User.Kind.THIRD_PARTY if third_party else User.Kind.STAFF,
        nda_signed_on=nda_signed_on,
        organisation=organisation,
        processing_agreement_signed_on=processing_agreement_signed_on,
        access_ends_at=access_ends_at,
    )
    record(Event.ACCOUNT_CREATED, actor=by, target=user)
    for role in roles:
        grant_role(user=user, role=role, by=by)
    return user


@transaction.atomic
def grant_role(*, user: User, role: Any, by: Any) -> None:
    from accounts.models import RoleAssignment

    require_staff_manager(by)
    _, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": by if getattr(by, "pk", None) else None}
    )
    if created:
        record(Event.ROLE_GRANTED, actor=by, target=user, data={"role": str(role)})
    user.__dict__.pop("roles", None)
