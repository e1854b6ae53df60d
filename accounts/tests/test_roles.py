"""S3: only the security officer creates staff accounts and grants roles, also at the action level."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from accounts.actions import create_employee, grant_role
from accounts.models import User
from accounts.roles import Role
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase


class RoleChangesTests(CastTestCase):
    def test_S3_only_the_security_officer_grants_roles(self) -> None:
        for by in (self.ca, self.programmer, self.third_party, self.learner.user, self.contact.user):
            with self.subTest(by=by.email), self.assertRaises(PermissionDenied):
                grant_role(user=self.marketing, role=Role.CA, by=by)
        self.assertFalse(self.marketing.role_assignments.filter(role=Role.CA).exists())
        granted = AuditEvent.objects.filter(event=Event.ROLE_GRANTED, target_code=self.marketing.code, data__role="ca")
        self.assertFalse(granted.exists())
        grant_role(user=self.marketing, role=Role.CA, by=self.security)
        self.assertTrue(self.marketing.role_assignments.filter(role=Role.CA, granted_by=self.security).exists())
        self.assertEqual(granted.get().actor, self.security)

    def test_S3_only_the_security_officer_creates_staff_accounts(self) -> None:
        with self.assertRaises(PermissionDenied):
            create_employee(email="nieuw@loovaneck.example", full_name="Nieuw", roles=[Role.CA], by=self.helpdesk)
        self.assertFalse(User.objects.filter(email="nieuw@loovaneck.example").exists())
        user = create_employee(email="nieuw@loovaneck.example", full_name="Nieuw", roles=[Role.CA], by=self.security)
        self.assertEqual(user.roles, {Role.CA})
        created = AuditEvent.objects.get(event=Event.ACCOUNT_CREATED, target_code=user.code)
        self.assertEqual(created.actor, self.security)

    def test_S3_granting_a_role_twice_records_it_once(self) -> None:
        grant_role(user=self.marketing, role=Role.TRAINER, by=self.security)
        grant_role(user=self.marketing, role=Role.TRAINER, by=self.security)
        self.assertEqual(
            AuditEvent.objects.filter(
                event=Event.ROLE_GRANTED, target_code=self.marketing.code, data__role="trainer"
            ).count(),
            1,
        )
