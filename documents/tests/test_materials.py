"""L10 course material: listed and downloaded by the learners it applies to; every open logged (D4)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from documents.actions import UploadError, add_material
from documents.models import Material
from documents.tests.samples import sample


class MaterialTests(CastTestCase):
    def make(self, title: str, **target: Any) -> Material:
        return add_material(
            project=self.project_a, title=title, file=sample("pdf", f"{title}.pdf"), by=self.ca, **target
        )

    def list_url(self) -> str:
        return reverse("portal:material-list", args=[self.project_a.code])

    def test_L10_learner_sees_project_group_and_own_material_only(self) -> None:
        everyone = self.make("Reader")
        my_group = self.make("Groep A oefeningen", group=self.group_a1)
        other_group = self.make("Groep B oefeningen", group=self.group_a2)
        mine = self.make("Feedback Sanne", learner=self.learner)
        someone_else = self.make("Feedback Daan", learner=self.learner_same_group)
        self.login(self.learner.user)
        response = self.client.get(self.list_url())
        self.assertEqual(list(response.context["materials"]), sorted([everyone, my_group, mine], key=lambda m: m.title))
        for material in (other_group, someone_else):
            self.assertNotContains(response, material.title)
            url = reverse("portal:material-download", args=[material.code])
            self.assertEqual(self.client.get(url).status_code, 404)

    def test_L10_D4_download_is_an_attachment_and_every_open_is_logged(self) -> None:
        material = self.make("Reader")
        url = reverse("portal:material-download", args=[material.code])
        self.login(self.learner.user)
        for _ in range(2):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response["Content-Disposition"].startswith("attachment"))
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(AuditEvent.objects.filter(event=Event.DOCUMENT_OPENED, target_code=material.code).count(), 2)

    def test_L10_refusals(self) -> None:
        material = self.make("Reader")
        url = reverse("portal:material-download", args=[material.code])
        self.login(self.learner_other_client.user)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get(self.list_url()).status_code, 404)
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, 403, user)
            self.assertEqual(self.client.get(self.list_url()).status_code, 403, user)
        self.assertFalse(AuditEvent.objects.filter(event=Event.DOCUMENT_OPENED).exists())

    def test_L10_material_for_another_projects_group_or_learner_is_refused(self) -> None:
        with self.assertRaises(UploadError):
            self.make("Fout", group=self.group_b1)
        with self.assertRaises(UploadError):
            self.make("Fout", learner=self.learner_other_client)
        self.assertFalse(Material.objects.exists())

    def test_L10_query_count_is_the_same_for_1_and_50_materials(self) -> None:
        self.make("Reader")
        self.login(self.learner.user)
        self.client.get(self.list_url())
        with self.assertNumQueries(5):
            self.client.get(self.list_url())
        for n in range(49):
            self.make(f"Extra {n:02d}", group=self.group_a1)
        with self.assertNumQueries(5):
            response = self.client.get(self.list_url())
        self.assertEqual(len(response.context["materials"]), 50)
