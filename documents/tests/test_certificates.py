"""L13 certificate: completion rule, PDF with verification code, public check, revoke and reissue."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import time_machine
from django.db.models import Max
from django.test import Client as HttpClient
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from documents.certificates import CertificateError, issue_certificate, revoke_certificate
from documents.models import Certificate
from training import actions as training
from training.models import ActionProgress, Session


class CertificateTests(CastTestCase):
    def page(self) -> str:
        return reverse("portal:certificate-page", args=[self.project_a.code])

    def after_sessions(self) -> Any:
        last = Session.objects.filter(group=self.group_a1).aggregate(m=Max("ends_at"))["m"]
        return time_machine.travel(last + timedelta(hours=1), tick=False)

    def finish(self, attended: int = 2) -> None:
        acts = self.world.clients[0].actions
        for key in ("intake", "preparation", "homework", "evaluation"):
            training.complete_action(action=acts[key], learner=self.learner, by=self.learner.user)
        for n, session in enumerate(Session.objects.filter(group=self.group_a1).order_by("starts_at")):
            status = "present" if n < attended else "absent"
            training.record_attendance(session=session, learner=self.learner, status=status, by=self.trainer)

    def pdf_text(self, data: bytes) -> str:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)

    def test_L13_not_available_until_actions_done_and_attendance_met(self) -> None:
        with self.after_sessions():
            self.login(self.learner.user)
            response = self.client.get(self.page())
            self.assertContains(response, "Wat nog ontbreekt")
            self.assertContains(response, "Intake invullen")
            self.client.post(self.page())
            self.finish(attended=1)  # 50% < 80%
            self.assertContains(self.client.get(self.page()), "Aanwezigheid: 50%")
            response = self.client.post(self.page(), follow=True)
            self.assertContains(response, "Je hebt de training nog niet afgerond.")
        self.assertFalse(Certificate.objects.exists())

    def test_L13_pdf_has_learner_training_dates_hours_trainer_and_verification_code(self) -> None:
        self.finish()
        with self.after_sessions():
            self.login(self.learner.user)
            response = self.client.post(self.page(), follow=True)
            self.assertContains(response, "Download je certificaat")
            certificate = Certificate.objects.get(learner=self.learner)
            pdf = self.client.get(reverse("portal:certificate-pdf", args=[certificate.code]))
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        self.assertTrue(pdf["Content-Disposition"].startswith("attachment"))
        self.assertEqual(pdf["X-Content-Type-Options"], "nosniff")
        text = self.pdf_text(pdf.content)
        for expected in (
            "Sanne Jansen",
            "Helder schrijven voor burgers",
            "12.0 studie-uren",
            self.trainer.full_name,
            certificate.verification_code,
            reverse("portal:certificate-verify", args=[certificate.verification_code]),
            certificate.data["starts_on"],
        ):
            self.assertIn(expected, text)
        self.assertNotIn(self.learner.employee_number, text)
        certificate_action = self.world.clients[0].actions["certificate"]
        self.assertIsNotNone(ActionProgress.objects.get(action=certificate_action, learner=self.learner).completed_at)
        self.assertTrue(AuditEvent.objects.filter(event=Event.DOCUMENT_OPENED, target_code=certificate.code).exists())

    def test_L13_issuing_twice_gives_the_same_certificate(self) -> None:
        self.finish()
        with self.after_sessions():
            first = issue_certificate(learner=self.learner, project=self.project_a, by=self.learner.user)
            second = issue_certificate(learner=self.learner, project=self.project_a, by=self.learner.user)
        self.assertEqual(first.pk, second.pk)

    def test_L13_public_page_shows_frozen_data_and_revoked_shows_revoked_then_reissue(self) -> None:
        self.finish()
        with self.after_sessions():
            certificate = issue_certificate(learner=self.learner, project=self.project_a, by=self.learner.user)
        anonymous = HttpClient()
        url = reverse("portal:certificate-verify", args=[certificate.verification_code])
        # The name changes later; the page shows what the certificate said.
        self.learner.user.full_name = "Sanne Andersnaam"
        self.learner.user.save()
        response = anonymous.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Geldig")
        self.assertContains(response, "Sanne Jansen")
        self.assertContains(response, "Helder schrijven voor burgers")
        self.assertContains(response, self.trainer.full_name)
        self.assertNotContains(response, self.learner.employee_number)
        revoke_certificate(certificate=certificate, by=self.ca)
        response = anonymous.get(url)
        self.assertContains(response, "Ingetrokken")
        self.assertNotContains(response, "Geldig")
        with self.after_sessions():
            new = issue_certificate(learner=self.learner, project=self.project_a, by=self.ca)
        self.assertNotEqual(new.verification_code, certificate.verification_code)
        self.assertContains(anonymous.get(reverse("portal:certificate-verify", args=[new.verification_code])), "Geldig")
        self.assertEqual(anonymous.get(reverse("portal:certificate-verify", args=["BESTAAT-NIET"])).status_code, 404)
        # A revoked certificate can no longer be downloaded.
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("portal:certificate-pdf", args=[certificate.code])).status_code, 404)

    def test_L13_refusals(self) -> None:
        self.finish()
        with self.after_sessions():
            certificate = issue_certificate(learner=self.learner, project=self.project_a, by=self.learner.user)
            pdf = reverse("portal:certificate-pdf", args=[certificate.code])
            for user, status in (
                (self.learner_same_group.user, 404),
                (self.learner_other_client.user, 404),
                (self.contact.user, 403),
                (self.trainer, 403),
            ):
                self.login(user)
                self.assertEqual(self.client.get(pdf).status_code, status, user)
            self.login(self.learner.user)
            other = reverse("portal:certificate-page", args=[self.project_b.code])
            self.assertEqual(self.client.get(other).status_code, 404)
            self.assertEqual(self.client.post(other).status_code, 404)
        with self.assertRaises(CertificateError):
            issue_certificate(learner=self.learner_same_group, project=self.project_a, by=None)

    def test_L13_query_count_is_pinned(self) -> None:
        self.finish()
        self.login(self.learner.user)
        self.client.get(self.page())
        with self.assertNumQueries(9):
            self.client.get(self.page())


class CalendarTests(CastTestCase):
    def test_L2_ics_lists_only_the_learners_own_sessions(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:calendar"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        body = response.content.decode()
        own = Session.objects.filter(group=self.group_a1)
        self.assertEqual(body.count("BEGIN:VEVENT"), own.count())
        for session in own:
            self.assertIn(f"UID:{session.code}@cursistensite", body)
        for session in Session.objects.exclude(group=self.group_a1):
            self.assertNotIn(session.code, body)

    def test_L2_ics_refuses_other_kinds(self) -> None:
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(reverse("portal:calendar")).status_code, 403)

    def test_L2_ics_query_count_is_the_same_for_2_and_50_sessions(self) -> None:
        self.login(self.learner.user)
        url = reverse("portal:calendar")
        self.client.get(url)
        with self.assertNumQueries(4):
            self.client.get(url)
        start = Session.objects.filter(group=self.group_a1).earliest("starts_at").starts_at
        for n in range(48):
            training.add_session(
                group=self.group_a1,
                starts_at=start + timedelta(days=n + 30),
                ends_at=start + timedelta(days=n + 30, hours=2),
                location="Zaal 1",
                by=self.ca,
            )
        with self.assertNumQueries(4):
            response = self.client.get(url)
        self.assertEqual(response.content.decode().count("BEGIN:VEVENT"), 50)
