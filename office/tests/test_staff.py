from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.roles import Role
from accounts.staff import create_staff
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase, as_user


class StaffAdministrationTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.security)

    def test_S3_create_staff_member_with_roles_and_nda(self) -> None:
        response = self.client.post(
            reverse("office:staff-create"),
            {"full_name": "Nieuwe Trainer", "email": "Nieuw@Bureau.example", "roles": ["trainer", "adviser"],
             "nda_signed_on": "2026-01-05"},
        )  # fmt: skip
        user = User.objects.get(email="nieuw@bureau.example")
        self.assertRedirects(response, reverse("office:staff-edit", args=[user.code]))
        self.assertEqual(user.roles, frozenset({Role.TRAINER, Role.ADVISER}))
        self.assertEqual(user.nda_signed_on, date(2026, 1, 5))
        self.assertEqual(user.kind, User.Kind.STAFF)
        self.assertTrue(AuditEvent.objects.filter(event=Event.ROLE_GRANTED, target_code=user.code).exists())

    def test_S3_bad_input_changes_nothing(self) -> None:
        count = User.objects.count()
        response = self.client.post(
            reverse("office:staff-create"), {"full_name": "", "email": self.ca.email, "roles": ["koning"]}
        )
        self.assertContains(response, "Er bestaat al een account met dit e-mailadres.")
        self.assertContains(response, "koning is geen beschikbare keuze")
        self.assertEqual(User.objects.count(), count)

    def test_S5_third_party_needs_end_date_organisation_and_records_agreement(self) -> None:
        data = {"full_name": "Externe Hulp", "email": "hulp@extern.example", "third_party_account": "on",
                "roles": ["helpdesk"]}  # fmt: skip
        response = self.client.post(reverse("office:staff-create"), data)
        self.assertContains(response, "Een derde partij heeft altijd een einddatum.")
        self.assertContains(response, "Vul de organisatie van de derde partij in.")
        self.assertFalse(User.objects.filter(email="hulp@extern.example").exists())
        end = timezone.localdate() + timedelta(days=30)
        data |= {"organisation": "Extern BV", "access_ends_on": end.isoformat(),
                 "processing_agreement_signed_on": "2026-02-01", "nda_signed_on": "2026-02-01"}  # fmt: skip
        self.client.post(reverse("office:staff-create"), data)
        user = User.objects.get(email="hulp@extern.example")
        self.assertEqual(user.kind, User.Kind.THIRD_PARTY)
        self.assertEqual(timezone.localdate(user.access_ends_at), end + timedelta(days=1))
        self.assertEqual(user.processing_agreement_signed_on, date(2026, 2, 1))

    def test_S1_deactivation_ends_every_session_at_once(self) -> None:
        victim = self.ca
        browser1, browser2 = as_user(victim), as_user(victim)
        self.assertEqual(browser1.get(reverse("office:project-list")).status_code, 200)
        response = self.client.post(reverse("office:staff-deactivate", args=[victim.code]))
        self.assertRedirects(response, reverse("office:staff-list"))
        for browser in (browser1, browser2):
            response = browser.get(reverse("office:project-list"))
            self.assertEqual(response.status_code, 302)
            self.assertIn("/account/", response["Location"])
        victim.refresh_from_db()
        self.assertFalse(victim.is_active)
        self.assertTrue(AuditEvent.objects.filter(event=Event.ACCOUNT_DEACTIVATED, target_code=victim.code).exists())

    def test_S3_taking_a_role_away_ends_sessions_and_the_task(self) -> None:
        browser = as_user(self.trainer)
        self.assertEqual(browser.get(reverse("office:upload-list")).status_code, 200)
        self.client.post(
            reverse("office:staff-edit", args=[self.trainer.code]),
            {"full_name": self.trainer.full_name, "roles": ["marketing"], "nda_signed_on": "2025-01-01"},
        )
        self.assertEqual(browser.get(reverse("office:upload-list")).status_code, 302)
        self.assertEqual(
            as_user(User.objects.get(pk=self.trainer.pk)).get(reverse("office:upload-list")).status_code, 403
        )

    def test_S3_security_officer_cannot_deactivate_self(self) -> None:
        self.client.post(reverse("office:staff-deactivate", args=[self.security.code]))
        self.security.refresh_from_db()
        self.assertTrue(self.security.is_active)

    def test_S3_refusals(self) -> None:
        self.assertEqual(self.client.get(reverse("office:staff-edit", args=[self.learner.user.code])).status_code, 404)
        self.assertEqual(self.client.get(reverse("office:staff-edit", args=["onbekend"])).status_code, 404)
        for user in (self.ca, self.programmer, self.trainer, self.adviser, self.marketing, self.helpdesk):
            http = as_user(user)
            for name in ("office:staff-list", "office:access-review", "office:staff-create"):
                self.assertEqual(http.get(reverse(name)).status_code, 403, (user, name))
            self.assertEqual(http.post(reverse("office:staff-deactivate", args=[self.trainer.code])).status_code, 403)
        self.assertEqual(as_user(self.contact.user).get(reverse("office:staff-list")).status_code, 403)
        self.trainer.refresh_from_db()
        self.assertTrue(self.trainer.is_active)

    def test_S2_S3_access_review_shows_roles_nda_second_factor_last_login_and_end_date(self) -> None:
        response = self.client.get(reverse("office:access-review"))
        self.assertContains(response, self.third_party.email)
        self.assertContains(response, "Security officer")
        self.assertContains(response, "Tweede factor")
        self.assertNotContains(response, self.learner.user.email)
        with translation.override("nl"):
            end = date_filter(timezone.localtime(self.third_party.access_ends_at), "j M Y")
        self.assertContains(response, end)

    def test_S3_staff_pages_query_count_is_flat(self) -> None:
        def count(name: str) -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(reverse(name)).status_code, 200)
            return len(ctx.captured_queries)

        before = {name: count(name) for name in ("office:staff-list", "office:access-review")}
        for i in range(50):
            create_staff(email=f"s{i}@bureau.example", full_name=f"S {i}", roles=[Role.HELPDESK], by=self.security)
        after = {name: count(name) for name in ("office:staff-list", "office:access-review")}
        self.assertEqual(before, after)


class StaffActionGuardTests(CastTestCase):
    """S3: the staff actions themselves refuse anyone without MANAGE_STAFF, not only the views."""

    def test_S3_update_and_deactivate_refuse_users_without_manage_staff(self) -> None:
        from django.core.exceptions import PermissionDenied

        from accounts.staff import deactivate_staff, update_staff

        for actor in (self.ca, self.programmer, self.trainer2, self.learner.user, self.contact.user):
            with self.assertRaises(PermissionDenied, msg=str(actor)):
                update_staff(user=self.trainer, by=actor, full_name="Gewijzigd", roles=[Role.TRAINER, Role.CA])
            with self.assertRaises(PermissionDenied, msg=str(actor)):
                deactivate_staff(user=self.trainer, by=actor)
        trainer = User.objects.get(pk=self.trainer.pk)
        self.assertTrue(trainer.is_active)
        self.assertNotEqual(trainer.full_name, "Gewijzigd")
        self.assertEqual(trainer.roles, {Role.TRAINER})

    def test_S3_security_officer_and_the_system_may_update_and_deactivate(self) -> None:
        from accounts.staff import deactivate_staff, update_staff

        update_staff(user=self.trainer, by=self.security, full_name="Nieuwe naam", roles=[Role.TRAINER])
        self.assertEqual(User.objects.get(pk=self.trainer.pk).full_name, "Nieuwe naam")
        deactivate_staff(user=self.trainer2, by=None)
        self.assertFalse(User.objects.get(pk=self.trainer2.pk).is_active)
