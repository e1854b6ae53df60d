from __future__ import annotations

from datetime import timedelta

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clients.actions import create_learner
from cursistensite.testing import CastTestCase
from documents.models import Material
from training.actions import add_participant
from training.models import ProjectAction
from training.queries import actions_for_learner


class LinkingTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.ca)

    def test_U3_action_for_single_learners_only(self) -> None:
        url = reverse("office:action-create", args=[self.project_a.code])
        data = {"kind": "homework", "title": "Extra oefening", "required": "on", "learners": [self.learner.pk]}
        both = self.client.post(url, data | {"group": self.group_a1.pk})
        self.assertContains(both, "Kies een groep of losse cursisten, niet allebei.")
        other = self.client.post(url, data | {"learners": [self.learner_other_client.pk]})
        self.assertContains(other, "is geen beschikbare keuze")
        self.assertFalse(ProjectAction.objects.filter(title="Extra oefening").exists())
        self.client.post(url, data)
        action = ProjectAction.objects.get(title="Extra oefening")
        self.assertIn(action, actions_for_learner(self.learner, self.project_a))
        self.assertNotIn(action, actions_for_learner(self.learner_same_group, self.project_a))

    def test_U7_material_for_a_group(self) -> None:
        url = reverse("office:material-create", args=[self.project_a.code])
        pdf = SimpleUploadedFile("reader.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        response = self.client.post(url, {"title": "Reader", "file": pdf, "group": self.group_a1.pk})
        self.assertRedirects(response, reverse("office:project-detail", args=[self.project_a.code]))
        material = Material.objects.get(title="Reader")
        self.assertEqual((material.project, material.group), (self.project_a, self.group_a1))
        fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
        self.client.post(url, {"title": "Nep", "file": fake})
        self.assertFalse(Material.objects.filter(title="Nep").exists())

    def test_U3_U7_refusals(self) -> None:
        for user in (self.trainer, self.adviser, self.marketing, self.helpdesk, self.programmer):
            self.login(user)
            self.assertEqual(
                self.client.get(reverse("office:material-create", args=[self.project_a.code])).status_code, 403
            )
        self.login(self.ca)
        self.assertEqual(self.client.get(reverse("office:material-create", args=["onbekend"])).status_code, 404)


class HomeAndProgressTests(CastTestCase):
    def test_ca_home_lists_projects_starting_soon_with_learners_not_invited(self) -> None:
        starts = self.project_a.starts_on
        with time_machine.travel(starts - timedelta(days=10)):
            self.login(self.ca)
            response = self.client.get(reverse("office:home"))
            self.assertContains(response, self.project_a.name)
            self.client.post(reverse("office:project-invite", args=[self.project_a.code]))
            self.assertNotIn(self.project_a, list(self.client.get(reverse("office:home")).context["to_invite"]))
        with time_machine.travel(starts - timedelta(days=40)):
            self.login(self.ca)
            self.assertNotIn(self.project_b, list(self.client.get(reverse("office:home")).context["to_invite"]))

    def test_progress_page_for_ca_trainer_and_adviser(self) -> None:
        for user in (self.ca, self.trainer, self.adviser):
            self.login(user)
            response = self.client.get(reverse("office:project-progress", args=[self.project_a.code]))
            self.assertContains(response, self.learner.user.full_name)
        self.login(self.marketing)
        self.assertEqual(
            self.client.get(reverse("office:project-progress", args=[self.project_a.code])).status_code, 403
        )
        self.login(self.ca)
        self.assertEqual(self.client.get(reverse("office:project-progress", args=["onbekend"])).status_code, 404)

    def test_progress_and_questions_query_counts_are_flat(self) -> None:
        self.login(self.ca)
        urls = [
            reverse("office:project-progress", args=[self.project_b.code]),
            reverse("office:questions") + "?q=example",
            reverse("office:home"),
        ]

        def counts() -> list[int]:
            result = []
            for url in urls:
                with CaptureQueriesContext(connection) as ctx:
                    self.assertEqual(self.client.get(url).status_code, 200)
                result.append(len(ctx.captured_queries))
            return result

        before = counts()
        for i in range(50):
            learner = create_learner(client=self.client_b, email=f"p{i}@anker.example", full_name=f"P {i}", by=self.ca)
            add_participant(project=self.project_b, learner=learner, by=self.ca)
        self.assertEqual(before, counts())

    def test_questions_lookup_for_helpdesk(self) -> None:
        self.login(self.helpdesk)
        response = self.client.get(reverse("office:questions"), {"q": self.learner.user.email})
        self.assertContains(response, self.learner.user.full_name)
        self.assertContains(response, "Wachtwoord ingesteld")
        self.assertNotContains(response, self.learner_other_client.user.full_name)
        self.login(self.marketing)
        self.assertEqual(self.client.get(reverse("office:questions")).status_code, 403)

    def test_system_status_for_programmers(self) -> None:
        self.login(self.programmer)
        self.assertContains(self.client.get(reverse("office:system-status")), "Uitgaande mail")
        self.assertRedirects(
            self.client.get(reverse("office:system-admin")), reverse("admin:index"), fetch_redirect_response=False
        )
        self.login(self.ca)
        self.assertEqual(self.client.get(reverse("office:system-status")).status_code, 403)


class LearnerProgressTests(CastTestCase):
    def test_progress_per_learner_with_refusals(self) -> None:
        url = reverse("office:learner-progress", args=[self.project_a.code, self.learner.code])
        for user in (self.ca, self.trainer, self.adviser):
            self.login(user)
            response = self.client.get(url)
            self.assertContains(response, self.learner.user.full_name)
            self.assertContains(response, "nog niet ingevuld")
        self.login(self.ca)
        # A learner of another client is not part of this project: 404.
        other = reverse("office:learner-progress", args=[self.project_a.code, self.learner_other_client.code])
        self.assertEqual(self.client.get(other).status_code, 404)
        for user in (self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(url).status_code, 403)
