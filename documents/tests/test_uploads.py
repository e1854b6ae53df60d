"""L6 homework upload, D4 every open logged, D5 hide after 3 and delete after 6 calendar months."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.actions import create_employee
from accounts.roles import Role
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from documents.actions import purge_uploads, upload_homework
from documents.files import add_months
from documents.models import Upload
from documents.tests.samples import SAMPLES, sample
from training.models import ActionProgress

AMS = ZoneInfo("Europe/Amsterdam")


class AddMonthsTests(CastTestCase):
    def test_D5_add_months_clips_to_the_end_of_the_month(self) -> None:
        moment = datetime(2026, 8, 31, 14, 0, tzinfo=AMS)
        self.assertEqual(add_months(moment, 6), datetime(2027, 2, 28, 14, 0, tzinfo=AMS))
        self.assertEqual(
            add_months(datetime(2027, 8, 31, 9, 0, tzinfo=AMS), 6), datetime(2028, 2, 29, 9, 0, tzinfo=AMS)
        )
        self.assertEqual(add_months(moment, 3), datetime(2026, 11, 30, 14, 0, tzinfo=AMS))

    def test_D5_add_months_keeps_the_amsterdam_wall_clock_across_dst(self) -> None:
        summer = datetime(2026, 7, 15, 12, 0, tzinfo=AMS)  # CEST, UTC+2
        winter = add_months(summer, 6)  # CET, UTC+1
        self.assertEqual((winter.astimezone(AMS).hour, winter.day, winter.month), (12, 15, 1))
        # 22:30 UTC on 31 August is already 1 September in Amsterdam.
        late = datetime(2026, 8, 31, 22, 30, tzinfo=ZoneInfo("UTC"))
        self.assertEqual(add_months(late, 6).astimezone(AMS).date().isoformat(), "2027-03-01")


class UploadViewTests(CastTestCase):
    def url(self) -> str:
        return reverse("portal:upload-list", args=[self.project_a.code])

    def post(self, file: object, acknowledged: bool = True) -> Any:
        data: dict[str, object] = {"file": file}
        if acknowledged:
            data["acknowledged"] = "on"
        return self.client.post(self.url(), data)

    def stored_files(self) -> list[str]:
        storage = storages["default"]
        return storage.listdir("uploads")[1] if storage.exists("uploads") else []

    def test_L6_S7_page_shows_the_confidentiality_warning_first(self) -> None:
        self.login(self.learner.user)
        content = self.client.get(self.url()).content.decode()
        self.assertIn("geen vertrouwelijke gegevens", content)
        self.assertLess(content.index("geen vertrouwelijke gegevens"), content.index('type="file"'))
        self.assertIn('name="acknowledged"', content)

    def test_L6_every_allowed_type_is_accepted_by_content(self) -> None:
        self.login(self.learner.user)
        for ext in SAMPLES:
            response = self.post(sample(ext))
            self.assertEqual(response.status_code, 302, ext)
        self.assertEqual(Upload.objects.filter(learner=self.learner).count(), len(SAMPLES))
        self.assertEqual(len(self.stored_files()), len(SAMPLES))

    def test_L6_upload_is_stored_under_a_random_key_with_a_sanitised_name_and_completes_homework(self) -> None:
        self.login(self.learner.user)
        self.post(sample("pdf", "../../Mijn brief <versie 2>.pdf"))
        upload = Upload.objects.get(learner=self.learner)
        self.assertEqual(upload.original_name, "Mijn brief _versie 2_.pdf")
        self.assertNotIn("brief", upload.storage_key)
        self.assertTrue(upload.storage_key.startswith("uploads/"))
        self.assertEqual(upload.content_type, "application/pdf")
        self.assertIsNotNone(upload.warning_acknowledged_at)
        homework = self.world.clients[0].actions["homework"]
        self.assertIsNotNone(ActionProgress.objects.get(action=homework, learner=self.learner).completed_at)
        self.assertTrue(AuditEvent.objects.filter(event=Event.UPLOADED, target_code=upload.code).exists())

    def test_L6_refusals_have_dutch_messages_and_store_nothing(self) -> None:
        self.login(self.learner.user)
        self.post(sample("pdf", "eerste.pdf"))  # an earlier upload must survive every refusal
        cases = [
            (sample("pdf"), False, "Bevestig eerst"),
            (sample("png", "vermomd.pdf"), True, "past niet bij de extensie .pdf"),
            (io.BytesIO(b"MZ\x90\x00programma"), True, "past niet"),
            (sample("pdf", "script.exe"), True, "Dit soort bestand kun je niet uploaden"),
            (sample("txt", "zonder-extensie"), True, "Dit soort bestand kun je niet uploaden"),
            (sample("docx", "werkblad.xlsx"), True, "past niet bij de extensie .xlsx"),
        ]
        cases.append((SimpleUploadedFile("nul.txt", b"tekst\x00met nul"), True, "past niet"))
        cases.append((SimpleUploadedFile("leeg.pdf", b""), True, "Het bestand is leeg."))
        for file, acknowledged, message in cases:
            if isinstance(file, io.BytesIO):
                file = SimpleUploadedFile("programma.pdf", file.getvalue())
            response = self.post(file, acknowledged)
            self.assertEqual(response.status_code, 200, message)
            self.assertContains(response, message)
        self.assertEqual(list(Upload.objects.values_list("original_name", flat=True)), ["eerste.pdf"])
        self.assertEqual(len(self.stored_files()), 1)

    @override_settings(UPLOAD_MAX_BYTES=40)
    def test_L6_oversized_file_is_refused(self) -> None:
        self.login(self.learner.user)
        response = self.post(sample("docx"))
        self.assertContains(response, "Het bestand is te groot")
        self.assertFalse(Upload.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_L6_D5_list_shows_dates_and_hides_after_three_months(self) -> None:
        moment = datetime(2026, 8, 31, 10, 0, tzinfo=AMS)
        with time_machine.travel(moment, tick=False):
            upload = upload_homework(
                project=self.project_a, learner=self.learner, file=sample("pdf"), acknowledged=True, by=None
            )
        self.assertEqual(upload.hidden_at, datetime(2026, 11, 30, 10, 0, tzinfo=AMS))
        self.assertEqual(upload.delete_at, datetime(2027, 2, 28, 10, 0, tzinfo=AMS))
        download = reverse("portal:upload-download", args=[upload.code])
        with time_machine.travel(upload.hidden_at - timedelta(seconds=1), tick=False):
            self.login(self.learner.user)
            response = self.client.get(self.url())
            self.assertContains(response, "30 november 2026")
            self.assertContains(response, "28 februari 2027")
            self.assertContains(response, download)
            self.assertEqual(self.client.get(download).status_code, 200)
        with time_machine.travel(upload.hidden_at + timedelta(seconds=1), tick=False):
            self.login(self.learner.user)
            self.assertNotContains(self.client.get(self.url()), download)
            self.assertEqual(self.client.get(download).status_code, 404)
            # Trainers and advisers still see it, archived.
            for staff in (self.trainer, self.adviser):
                self.login(staff)
                self.assertEqual(self.client.get(download).status_code, 200, staff)

    def test_L6_D4_download_is_an_attachment_with_nosniff_and_every_open_is_logged(self) -> None:
        upload = upload_homework(
            project=self.project_a, learner=self.learner, file=sample("txt"), acknowledged=True, by=None
        )
        url = reverse("portal:upload-download", args=[upload.code])
        self.login(self.learner.user)
        for _ in range(2):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response["Content-Disposition"].startswith("attachment"))
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")
            self.assertEqual(response.getvalue(), SAMPLES["txt"])
        self.login(self.trainer)
        self.assertEqual(self.client.get(url).status_code, 200)
        opened = AuditEvent.objects.filter(event=Event.DOCUMENT_OPENED, target_code=upload.code)
        self.assertEqual(opened.count(), 3)
        self.assertEqual(set(opened.values_list("actor", flat=True)), {self.learner.user.pk, self.trainer.pk})

    def test_L6_refusals_for_download(self) -> None:
        upload = upload_homework(
            project=self.project_a, learner=self.learner, file=sample("pdf"), acknowledged=True, by=None
        )
        url = reverse("portal:upload-download", args=[upload.code])
        outsider = create_employee(
            email="trainer3@loovaneck.example",
            full_name="Andere Trainer",
            roles=[Role.TRAINER],
            by=None,
            nda_signed_on=timezone.localdate(),
        )
        for user, status in (
            (self.learner_same_group.user, 404),  # another learner's upload, same group
            (self.learner_other_group.user, 404),
            (self.learner_other_client.user, 404),
            (self.contact.user, 403),  # the client's project leader never sees content
            (self.ca, 403),  # no VIEW_UPLOADS task
            (self.marketing, 403),
            (outsider, 404),  # a trainer of other projects
        ):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, status, user)
        self.assertFalse(AuditEvent.objects.filter(event=Event.DOCUMENT_OPENED).exists())

    def test_L6_upload_page_refusals(self) -> None:
        self.login(self.learner.user)
        other = reverse("portal:upload-list", args=[self.project_b.code])
        self.assertEqual(self.client.get(other).status_code, 404)
        self.assertEqual(self.client.post(other, {"file": sample("pdf"), "acknowledged": "on"}).status_code, 404)
        self.assertFalse(Upload.objects.exists())
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 403)

    def test_L6_query_count_is_the_same_for_1_and_50_uploads(self) -> None:
        upload_homework(project=self.project_a, learner=self.learner, file=sample("pdf"), acknowledged=True, by=None)
        self.login(self.learner.user)
        self.client.get(self.url())
        with self.assertNumQueries(5):
            self.client.get(self.url())
        for n in range(49):
            upload_homework(
                project=self.project_a,
                learner=self.learner,
                file=sample("txt", f"t{n}.txt"),
                acknowledged=True,
                by=None,
            )
        with self.assertNumQueries(5):
            response = self.client.get(self.url())
        self.assertEqual(len(response.context["uploads"]), 50)


class PurgeTests(CastTestCase):
    def test_D5_purge_deletes_row_and_bytes_at_six_months_is_idempotent_and_leaves_a_content_free_record(
        self,
    ) -> None:
        with time_machine.travel(datetime(2026, 8, 31, 10, 0, tzinfo=AMS), tick=False):
            upload = upload_homework(
                project=self.project_a,
                learner=self.learner,
                file=sample("pdf", "Geheime brief.pdf"),
                acknowledged=True,
                by=None,
            )
        storage = storages["default"]
        self.assertTrue(storage.exists(upload.storage_key))
        with time_machine.travel(upload.delete_at - timedelta(seconds=1), tick=False):
            self.assertEqual(purge_uploads(), {"uploads": 0, "files": 0})
        self.assertTrue(Upload.objects.filter(pk=upload.pk).exists())
        with time_machine.travel(upload.delete_at + timedelta(seconds=1), tick=False):
            out = io.StringIO()
            call_command("purge_uploads", stdout=out)
            self.assertIn("Verwijderd: 1 uploads, 1 opgeslagen bestanden.", out.getvalue())
            out = io.StringIO()
            call_command("purge_uploads", stdout=out)
            self.assertIn("Verwijderd: 0 uploads, 0 opgeslagen bestanden.", out.getvalue())
        self.assertFalse(Upload.objects.filter(pk=upload.pk).exists())
        self.assertFalse(storage.exists(upload.storage_key))
        event = AuditEvent.objects.get(event=Event.UPLOAD_DELETED)
        self.assertEqual(event.data["upload"], upload.code)
        self.assertNotIn("Geheime", str(event.data) + event.target_label + event.actor_label)
