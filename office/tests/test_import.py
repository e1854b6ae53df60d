from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from clients.models import Learner
from cursistensite.testing import CastTestCase
from office.tests.helpers import HEADER, csv_file, xlsx_file
from training.models import Enrolment, Participation


class ImportTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.ca)
        self.code = self.project_a.code
        self.group = self.group_a2.name

    def upload(self, file: Any, code: str | None = None) -> Any:
        return self.client.post(reverse("office:import-upload", args=[code or self.code]), {"file": file})

    def map_columns(self, code: str | None = None) -> Any:
        mapping = {"name": "0", "email": "1", "employee_number": "2", "group": "3"}
        return self.client.post(reverse("office:import-mapping", args=[code or self.code]), mapping)

    def preview(self) -> Any:
        return self.client.get(reverse("office:import-preview", args=[self.code]))

    def confirm(self) -> Any:
        return self.client.post(reverse("office:import-preview", args=[self.code]))

    def rows(self) -> list[list[str]]:
        return [
            HEADER,
            ["Nieuwe Een", "een@zuiderveen.example", "P-1", self.group],
            ["Nieuwe Twee", "twee@zuiderveen.example", "", ""],
            ["Zonder Mail", "", "P-3", self.group],
            ["Foute Mail", "geen-mailadres", "", ""],
            ["Dubbel A", "dubbel@zuiderveen.example", "", ""],
            ["Dubbel B", "dubbel@zuiderveen.example", "", ""],
            ["Onbekende Groep", "groep@zuiderveen.example", "", "Groep Z"],
            ["Andere Klant", self.learner_other_client.user.email, "", ""],
        ]

    def test_S9_U2_preview_names_every_bad_row_and_writes_nothing(self) -> None:
        learners, events = Learner.objects.count(), AuditEvent.objects.count()
        self.assertRedirects(self.upload(csv_file(self.rows())), reverse("office:import-mapping", args=[self.code]))
        self.assertRedirects(self.map_columns(), reverse("office:import-preview", args=[self.code]))
        response = self.preview()
        self.assertContains(response, "Het e-mailadres ontbreekt.")
        self.assertContains(response, "“geen-mailadres” is geen geldig e-mailadres.")
        self.assertContains(response, "Dit e-mailadres staat meer dan één keer in het bestand.", count=2)
        self.assertContains(response, "De groep “Groep Z” bestaat niet in dit project.")
        self.assertContains(response, "Dit e-mailadres hoort bij een ander account.")
        self.assertContains(response, "6 regels hebben een fout")
        self.assertContains(response, "2 goede regels importeren")
        self.assertEqual((Learner.objects.count(), AuditEvent.objects.count()), (learners, events))

    def test_S9_U2_confirm_writes_good_rows_and_reimport_changes_nothing(self) -> None:
        before = Learner.objects.count()
        self.upload(csv_file(self.rows()))
        self.map_columns()
        response = self.confirm()
        self.assertRedirects(response, reverse("office:project-learners", args=[self.code]))
        self.assertEqual(Learner.objects.count(), before + 2)
        een = Learner.objects.get(user__email="een@zuiderveen.example")
        self.assertEqual((een.employee_number, een.client), ("P-1", self.client_a))
        self.assertTrue(Enrolment.objects.filter(learner=een, group=self.group_a2, status="enrolled").exists())
        twee = Learner.objects.get(user__email="twee@zuiderveen.example")
        self.assertEqual(twee.employee_number, "")  # optional
        self.assertTrue(Participation.objects.filter(learner=twee, project=self.project_a).exists())
        # The same file again: every good row is unchanged, nothing is written.
        events = AuditEvent.objects.count()
        self.upload(csv_file(self.rows()))
        self.map_columns()
        self.assertContains(self.preview(), "Ongewijzigd", count=2)
        response = self.confirm()
        self.assertEqual(Learner.objects.count(), before + 2)
        self.assertEqual(AuditEvent.objects.count(), events)
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertEqual(messages, ["Import klaar: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 6 overgeslagen."])

    def test_S9_U2_xlsx_with_guessed_columns(self) -> None:
        rows = [HEADER] + [[f"Excel {i}", f"excel{i}@zuiderveen.example", f"E{i}", self.group] for i in range(5)]
        self.upload(xlsx_file(rows))
        response = self.client.get(reverse("office:import-mapping", args=[self.code]))
        self.assertContains(response, '<option value="1" selected>E-mail</option>', html=True)
        self.map_columns()
        self.confirm()
        self.assertEqual(
            Enrolment.objects.filter(group=self.group_a2, learner__user__email__startswith="excel").count(), 5
        )

    def test_S9_bad_files_and_mapping_are_refused_in_dutch(self) -> None:
        response = self.upload(SimpleUploadedFile("leeg.csv", b"", content_type="text/csv"))
        self.assertContains(response, "Het bestand is leeg.")
        response = self.upload(csv_file([HEADER], name="alleen-kop.csv"))
        self.assertContains(response, "Het bestand bevat geen cursisten")
        response = self.upload(csv_file([HEADER, ["a"]], name="lijst.pdf"))
        self.assertContains(response, "Kies een CSV- of XLSX-bestand.")
        self.upload(csv_file(self.rows()))
        response = self.client.post(reverse("office:import-mapping", args=[self.code]), {"name": "0", "email": "0"})
        self.assertContains(response, "Gebruik iedere kolom maar voor één veld.")
        self.assertNotIn("mapping", self.client.session["office_import"])

    def test_S9_refusals(self) -> None:
        self.upload(csv_file(self.rows()))
        # The rows waiting for project A cannot be read through project B, nor through an unknown project.
        self.assertEqual(self.map_columns(code=self.project_b.code).status_code, 404)
        self.assertEqual(self.map_columns(code="onbekend").status_code, 404)
        for user in (self.trainer, self.adviser, self.marketing, self.helpdesk, self.security, self.programmer):
            self.login(user)
            self.assertEqual(self.upload(csv_file(self.rows())).status_code, 403, user)
        self.login(self.learner.user)
        self.assertEqual(self.upload(csv_file(self.rows())).status_code, 403)

    def test_S9_preview_query_count_is_flat(self) -> None:
        def count(n: int) -> int:
            rows = [HEADER] + [[f"Q {i}", f"q{n}-{i}@zuiderveen.example", "", self.group] for i in range(n)]
            self.upload(csv_file(rows))
            self.map_columns()
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.preview().status_code, 200)
            return len(ctx.captured_queries)

        self.assertEqual(count(1), count(50))


class ImportCapacityTests(CastTestCase):
    def test_S9_U2_rows_beyond_a_full_group_get_an_error(self) -> None:
        self.login(self.ca)
        code = self.project_a.code
        free = self.group_a1.capacity - self.group_a1.enrolments.filter(status="enrolled").count()
        rows = [HEADER] + [[f"V {i}", f"vol{i}@zuiderveen.example", "", self.group_a1.name] for i in range(free + 2)]
        self.client.post(reverse("office:import-upload", args=[code]), {"file": csv_file(rows)})
        self.client.post(
            reverse("office:import-mapping", args=[code]),
            {"name": "0", "email": "1", "employee_number": "2", "group": "3"},
        )
        response = self.client.get(reverse("office:import-preview", args=[code]))
        self.assertContains(response, f"De groep “{self.group_a1.name}” is vol.", count=2)
        self.client.post(reverse("office:import-preview", args=[code]))
        self.assertEqual(self.group_a1.enrolments.filter(status="enrolled").count(), self.group_a1.capacity)
