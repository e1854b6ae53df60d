from __future__ import annotations

from django.urls import reverse

from cursistensite.testing import CastTestCase
from training import actions as training


class OverviewTests(CastTestCase):
    def test_L2_learner_sees_project_actions_status_and_sessions(self) -> None:
        acts = self.world.clients[0].actions
        training.complete_action(action=acts["intake"], learner=self.learner, by=self.learner.user)
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:project-detail", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn("Helder schrijven voor burgers", content)
        self.assertIn("Intake invullen", content)
        self.assertIn("Klaar", content)
        # What to do next: the first unfinished action with the nearest deadline.
        self.assertEqual(response.context["next_item"].action, acts["preparation"])
        sessions = list(response.context["sessions"])
        self.assertEqual({s.group for s in sessions}, {self.group_a1})
        self.assertIn(self.trainer.full_name, content)

    def test_L2_home_sends_a_learner_with_one_project_to_it(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:home"))
        self.assertRedirects(response, reverse("portal:project-detail", args=[self.project_a.code]))

    def test_L2_D2_overview_never_shows_the_employee_number(self) -> None:
        self.assertTrue(self.learner.employee_number)
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:project-detail", args=[self.project_a.code]))
        self.assertNotIn(self.learner.employee_number, response.content.decode())

    def test_V2_other_clients_project_is_not_found(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:project-detail", args=[self.project_b.code]))
        self.assertEqual(response.status_code, 404)

    def test_wrong_kind_of_user_is_refused(self) -> None:
        for user in (self.contact.user, self.ca):
            self.login(user)
            response = self.client.get(reverse("portal:project-detail", args=[self.project_a.code]))
            self.assertEqual(response.status_code, 403, user)

    def test_L2_query_count_is_pinned(self) -> None:
        self.login(self.learner.user)
        url = reverse("portal:project-detail", args=[self.project_a.code])
        self.client.get(url)
        with self.assertNumQueries(8):
            self.client.get(url)
        for n in range(50):
            action = training.add_action(project=self.project_a, kind="preparation", title=f"Opdracht {n}", by=self.ca)
            training.start_action(action=action, learner=self.learner, by=self.learner.user)
        with self.assertNumQueries(8):
            response = self.client.get(url)
        self.assertEqual(len(response.context["rows"]), 56)
