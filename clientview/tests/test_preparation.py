from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from clients.models import Learner
from cursistensite.testing import CastTestCase
from documents.models import Upload
from training import actions as training


class PreparationTests(CastTestCase):
    def upload(self, learner: Learner, *, days_ago: int = 1) -> Upload:
        moment = timezone.now() - timedelta(days=days_ago)
        return Upload.objects.create(
            client=self.client_a,
            project=self.project_a,
            action=self.world.clients[0].actions["preparation"],
            learner=learner,
            storage_key=f"uploads/geheim-{days_ago}-{learner.pk}",
            original_name="vertrouwelijk-verslag.docx",
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            size=1234,
            uploaded_at=moment,
            hidden_at=moment + timedelta(days=91),
            delete_at=moment + timedelta(days=182),
            warning_acknowledged_at=moment,
        )

    def test_P6_preparation_at_a_glance_with_upload_as_evidence_but_no_content(self) -> None:
        acts = self.world.clients[0].actions
        upload = self.upload(self.learner)
        training.complete_action(action=acts["homework"], learner=self.learner_other_group, by=self.trainer)
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:preparation", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual([a.kind for a in response.context["matrix"].actions], ["preparation", "homework"])
        rows = {row.learner.pk: row for row in response.context["matrix"].rows}
        self.assertTrue(rows[self.learner.pk].cell(acts["preparation"]).upload_present)
        self.assertFalse(rows[self.learner_same_group.pk].cell(acts["preparation"]).upload_present)
        self.assertEqual(rows[self.learner_other_group.pk].cell(acts["homework"]).status, "done")
        self.assertContains(response, "✓ Gedaan (upload aanwezig)", count=1)
        # Never the content, its name, its key or a download link (S4: only trainers and advisers).
        self.assertNotContains(response, upload.original_name)
        self.assertNotContains(response, upload.storage_key)
        self.assertNotContains(response, upload.code)

    def test_P6_learner_page_says_an_upload_is_present_without_showing_it(self) -> None:
        upload = self.upload(self.learner)
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:learner-detail", args=[self.project_a.code, self.learner.code]))
        self.assertContains(response, "upload aanwezig", count=1)
        self.assertNotContains(response, upload.original_name)
        self.assertNotContains(response, upload.code)

    def test_P6_D5_an_upload_past_three_months_no_longer_counts(self) -> None:
        self.upload(self.learner, days_ago=100)
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:preparation", args=[self.project_a.code]))
        self.assertNotContains(response, "upload aanwezig")

    def test_P6_refusals(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(
            self.client.get(reverse("clientview:preparation", args=[self.project_b.code])).status_code, 404
        )
        self.login(self.learner.user)
        self.assertEqual(
            self.client.get(reverse("clientview:preparation", args=[self.project_a.code])).status_code, 403
        )
