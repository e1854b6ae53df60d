"""Staff administration by the security officer (S1–S3, S5): accounts, roles, NDA dates, deactivation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F

from accounts.actions import create_employee, grant_role, require_staff_manager
from accounts.models import RoleAssignment, User
from accounts.roles import Role
from audit.actions import record
from audit.models import Event


class StaffError(Exception):
    """A rule refused the change; the message is for the user."""


@transaction.atomic
def create_staff(
    *,
    email: str,
    full_name: str,
    roles: Iterable[Role],
    by: Any,
    nda_signed_on: Any = None,
    third_party: bool = False,
    organisation: str = "",
    processing_agreement_signed_on: Any = None,
    access_ends_at: Any = None,
) -> User:
    if User.objects.filter(email__iexact=email).exists():
        raise StaffError("Er bestaat al een account met dit e-mailadres.")
    if third_party and access_ends_at is None:
        raise StaffError("Een derde partij heeft altijd een einddatum.")
    return create_employee(
        email=email,
        full_name=full_name,
        roles=list(roles),
        by=by,
        nda_signed_on=nda_signed_on,
        third_party=third_party,
        organisation=organisation,
        processing_agreement_signed_on=processing_agreement_signed_on,
        access_ends_at=access_ends_at,
    )


def _end_sessions(user: User) -> None:
    """Every open session of `user` dies on its next request (the session hash includes the version)."""
    User.objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
    user.refresh_from_db(fields=["session_version"])


@transaction.atomic
def update_staff(
    *,
    user: User,
    by: Any,
    full_name: str,
    roles: Iterable[Role],
    nda_signed_on: Any = None,
    organisation: str = "",
    processing_agreement_signed_on: Any = None,
    access_ends_at: Any = None,
) -> User:
    """Change a staff member's details and roles. Losing a role ends their sessions at once."""
    require_staff_manager(by)
    if not user.is_employee:
        raise StaffError("Dit is geen medewerker.")
    if user.kind == User.Kind.THIRD_PARTY and access_ends_at is None:
        raise StaffError("Een derde partij heeft altijd een einddatum.")
    user.full_name = full_name
    user.nda_signed_on = nda_signed_on
    user.organisation = organisation
    user.processing_agreement_signed_on = processing_agreement_signed_on
    user.access_ends_at = access_ends_at
    user.save(
        update_fields=["full_name", "nda_signed_on", "organisation", "processing_agreement_signed_on", "access_ends_at"]
    )
    record(Event.ACCOUNT_CHANGED, actor=by, target=user)
    wanted = {Role(r) for r in roles}
    current = {Role(r) for r in user.role_assignments.values_list("role", flat=True)}
    for role in sorted(wanted - current):
        grant_role(user=user, role=role, by=by)
    revoked = current - wanted
    if revoked:
        RoleAssignment.objects.filter(user=user, role__in=revoked).delete()
        for role in sorted(revoked):
            record(Event.ROLE_REVOKED, actor=by, target=user, data={"role": str(role)})
        _end_sessions(user)
    user.__dict__.pop("roles", None)
    return user


@transaction.atomic
def deactivate_staff(*, user: User, by: Any) -> User:
    """Switch the account off and end every session of this person at once (S1)."""
    require_staff_manager(by)
    if not user.is_employee:
        raise StaffError("Dit is geen medewerker.")
    if user.pk == getattr(by, "pk", None):
        raise StaffError("Je kunt je eigen account niet deactiveren.")
    user.is_active = False
    user.save(update_fields=["is_active"])
    _end_sessions(user)
    record(Event.ACCOUNT_DEACTIVATED, actor=by, target=user)
    return user
