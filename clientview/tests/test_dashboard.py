from __future__ import annotations

from django.urls import reverse

from cursistensite.testing import CastTestCase
from training import actions as training


class DashboardTests(CastTestCase):
    def test_P1_project_leader_sees_progress_per_action(self) -> None:
        acts = self.world.clients[0].actions
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:project-detail", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        intake = next(c for c in response.context["counts"] if c.action == acts["intake"])
        # Demo data: one learner started the intake, one finished it, four did nothing yet.
        self.assertEqual((intake.open, intake.started, intake.done), (4, 1, 1))
        training.complete_action(
            action=acts["intake"], learner=self.learner_other_group, by=self.learner_other_group.user
        )
        response = self.client.get(reverse("clientview:project-detail", args=[self.project_a.code]))
        intake = next(c for c in response.context["counts"] if c.action == acts["intake"])
        self.assertEqual((intake.open, intake.started, intake.done), (3, 1, 2))

    def test_P1_project_list_shows_own_client_only(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:home"))
        self.assertContains(response, self.project_a.name)
        self.assertNotContains(response, self.project_b.name)

    def test_V2_other_clients_project_is_not_found(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:project-detail", args=[self.project_b.code]))
        self.assertEqual(response.status_code, 404)

    def test_learner_is_refused(self) -> None:
        self.login(self.learner.user)
        self.assertEqual(
            self.client.get(reverse("clientview:project-detail", args=[self.project_a.code])).status_code, 403
        )
