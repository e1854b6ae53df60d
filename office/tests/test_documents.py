"""Office: progress export (U6, D2), uploads with download links (D5), certificates (L13, U7)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent, Event
from clients.models import Learner
from cursistensite.testing import CastTestCase
from documents.actions import upload_homework
from documents.certificates import issue_certificate, reissue_certificate
from documents.models import Certificate, Upload
from training import actions as training
from training.models import Project, Session


def other_trainers_project(case: CastTestCase) -> tuple[Project, Learner]:
    """A project of client A whose only group is trained by trainer2, with one learner in it."""
    project = training.create_project(
        client=case.client_a, name="Alleen trainer 2", starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31),
        by=case.ca,
    )  # fmt: skip
    group = training.create_group(project=project, name="T2", by=case.ca, trainer=case.trainer2)
    training.place_in_group(group=group, learner=case.learner_other_group, by=case.ca)
    return project, case.learner_other_group


def homework(project: Project, learner: Learner, name: str = "huiswerk.pdf") -> Upload:
    file = SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    return upload_homework(project=project, learner=learner, file=file, acknowledged=True, by=learner.user)


class ProgressExportTests(CastTestCase):
    def url(self, project: Project, fmt: str = "xlsx") -> str:
        return reverse("office:progress-export", args=[project.code, fmt])

    def test_U6_D2_xlsx_export_has_the_employee_number_column(self) -> None:
        self.login(self.ca)
        page = self.client.get(reverse("office:project-progress", args=[self.project_a.code]))
        self.assertContains(page, self.url(self.project_a))
        response = self.client.get(self.url(self.project_a))
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertIn("Personeelsnummer", rows[0])
        column = rows[0].index("Personeelsnummer")
        numbers = {row[column] for row in rows[1:]}
        self.assertIn(self.learner.employee_number, numbers)
        self.assertNotIn(self.learner_other_client.employee_number, numbers)
        self.assertTrue(AuditEvent.objects.filter(event=Event.EXPORTED, target_code=self.project_a.code).exists())

    def test_U6_csv_export_for_the_trainer_of_the_project(self) -> None:
        self.login(self.trainer)
        response = self.client.get(self.url(self.project_a, "csv"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Personeelsnummer", response.content.decode("utf-8-sig").splitlines()[0])

    def test_U6_export_refusals(self) -> None:
        project, _learner = other_trainers_project(self)
        self.login(self.trainer)
        self.assertEqual(self.client.get(self.url(project)).status_code, 404)
        for user in (self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            self.assertEqual(self.client.get(self.url(self.project_a)).status_code, 403, user)
        self.login(self.contact.user)
        self.assertEqual(self.client.get(self.url(self.project_a)).status_code, 403)
        self.login(self.ca)
        self.assertEqual(self.client.get(f"/kantoor/projecten/{self.project_a.code}/voortgang/pdf/").status_code, 404)
        self.assertEqual(self.client.get(self.url(Project(code="GEENCODE"))).status_code, 404)
        # A learner code still reaches the learner page behind the same path.
        page = reverse("office:learner-progress", args=[self.project_a.code, self.learner.code])
        self.assertEqual(self.client.get(page).status_code, 200)


class OfficeUploadTests(CastTestCase):
    def test_D5_trainer_downloads_an_own_learners_upload_also_when_archived(self) -> None:
        upload = homework(self.project_a, self.learner)
        self.login(self.trainer)
        page = self.client.get(reverse("office:upload-list"))
        link = reverse("portal:upload-download", args=[upload.code])
        self.assertContains(page, link)
        self.assertNotContains(page, "gearchiveerd")
        response = self.client.get(link)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertEqual(response.getvalue(), b"%PDF-1.4\n%%EOF\n")
        with time_machine.travel(upload.hidden_at + timedelta(days=1), tick=False):
            self.login(self.trainer)
            page = self.client.get(reverse("office:upload-list"))
            self.assertContains(page, link)
            self.assertContains(page, "gearchiveerd")
            self.assertEqual(self.client.get(link).status_code, 200)

    def test_D5_upload_refusals(self) -> None:
        project, learner = other_trainers_project(self)
        upload = homework(project, learner)
        link = reverse("portal:upload-download", args=[upload.code])
        self.login(self.trainer)
        self.assertNotContains(self.client.get(reverse("office:upload-list")), link)
        self.assertEqual(self.client.get(link).status_code, 404)
        self.login(self.trainer2)
        self.assertEqual(self.client.get(link).status_code, 200)
        for user in (self.ca, self.marketing, self.helpdesk):
            self.login(user)
            self.assertEqual(self.client.get(link).status_code, 403, user)
            self.assertEqual(self.client.get(reverse("office:upload-list")).status_code, 403, user)


class OfficeCertificateTests(CastTestCase):
    def after_sessions(self) -> Any:
        last = Session.objects.filter(group=self.group_a1).aggregate(m=Max("ends_at"))["m"]
        return time_machine.travel(last + timedelta(hours=1), tick=False)

    def finish(self) -> None:
        acts = self.world.clients[0].actions
        for key in ("intake", "preparation", "homework", "evaluation"):
            training.complete_action(action=acts[key], learner=self.learner, by=self.learner.user)
        for session in Session.objects.filter(group=self.group_a1):
            training.record_attendance(session=session, learner=self.learner, status="present", by=self.trainer)

    def issued(self) -> Certificate:
        self.finish()
        with self.after_sessions():
            return issue_certificate(learner=self.learner, project=self.project_a, by=self.learner.user)

    def test_L13_U7_ca_revokes_and_the_public_page_says_revoked(self) -> None:
        certificate = self.issued()
        verify = reverse("portal:certificate-verify", args=[certificate.verification_code])
        self.assertNotContains(self.client.get(verify), "ingetrokken")
        self.login(self.ca)
        page = self.client.get(reverse("office:certificate-list", args=[self.project_a.code]))
        self.assertContains(page, self.learner.user.full_name)
        self.assertContains(page, reverse("office:certificate-revoke", args=[certificate.code]))
        response = self.client.post(reverse("office:certificate-revoke", args=[certificate.code]), follow=True)
        self.assertContains(response, "Certificaat ingetrokken.")
        self.assertContains(response, "Ingetrokken op")
        certificate.refresh_from_db()
        self.assertIsNotNone(certificate.revoked_at)
        self.client.logout()
        self.assertContains(self.client.get(verify), "ingetrokken")

    def test_L13_U7_reissue_gives_a_new_code_and_revokes_the_old_one(self) -> None:
        certificate = self.issued()
        with self.after_sessions():
            self.login(self.ca)
            response = self.client.post(reverse("office:certificate-reissue", args=[certificate.code]), follow=True)
        self.assertContains(response, "Nieuw certificaat uitgegeven")
        current = Certificate.objects.get(learner=self.learner, project=self.project_a, revoked_at__isnull=True)
        self.assertNotEqual(current.verification_code, certificate.verification_code)
        certificate.refresh_from_db()
        self.assertIsNotNone(certificate.revoked_at)

    def test_L13_reissue_refused_when_the_rule_is_no_longer_met_changes_nothing(self) -> None:
        certificate = self.issued()
        self.learner.progress.all().delete()  # the required actions are no longer done
        with self.after_sessions():
            self.login(self.ca)
            response = self.client.post(reverse("office:certificate-reissue", args=[certificate.code]), follow=True)
        self.assertContains(response, "voldoet niet (meer) aan de eisen")
        certificate.refresh_from_db()
        self.assertIsNone(certificate.revoked_at)
        self.assertEqual(Certificate.objects.count(), 1)

    def test_L13_certificate_refusals(self) -> None:
        certificate = self.issued()
        revoke = reverse("office:certificate-revoke", args=[certificate.code])
        reissue = reverse("office:certificate-reissue", args=[certificate.code])
        listing = reverse("office:certificate-list", args=[self.project_a.code])
        for user in (self.trainer, self.adviser, self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            self.assertEqual(self.client.post(revoke).status_code, 403, user)
            self.assertEqual(self.client.post(reissue).status_code, 403, user)
            self.assertEqual(self.client.get(listing).status_code, 403, user)
        self.login(self.learner.user)
        self.assertEqual(self.client.post(revoke).status_code, 403)
        self.login(self.ca)
        self.assertEqual(self.client.get(revoke).status_code, 405)
        self.assertEqual(self.client.post(reverse("office:certificate-revoke", args=["GEENCODE"])).status_code, 404)
        self.assertEqual(self.client.get(reverse("office:certificate-list", args=["GEENCODE"])).status_code, 404)
        certificate.refresh_from_db()
        self.assertIsNone(certificate.revoked_at)

    def test_L13_certificate_list_query_count_is_the_same_for_1_and_50(self) -> None:
        certificate = self.issued()
        self.login(self.ca)
        url = reverse("office:certificate-list", args=[self.project_a.code])

        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(ctx.captured_queries)

        before = count()
        with self.after_sessions():
            for _ in range(49):
                certificate = reissue_certificate(certificate=certificate, by=self.ca)
        self.assertEqual(Certificate.objects.filter(project=self.project_a).count(), 50)
        self.assertEqual(count(), before)
        self.assertEqual(before, 6)
