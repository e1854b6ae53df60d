"""L5 portal pages: the group list and the enrol / switch / withdraw buttons."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse

from clients.actions import create_learner
from cursistensite.testing import CastTestCase
from training import actions as training
from training.models import Enrolment, Project


class GroupPageTests(CastTestCase):
    def url(self, project: Project | None = None) -> str:
        return reverse("portal:group-list", args=[(project or self.project_a).code])

    def test_L5_group_list_shows_places_sessions_location_and_trainer(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn(self.group_a1.name, content)
        self.assertIn(self.group_a2.name, content)
        self.assertIn(self.group_a2.location, content)
        self.assertIn(self.trainer2.full_name, content)
        self.assertIn("5 van 8", content)
        self.assertIn("Wissel naar deze groep", content)
        self.assertIn("Je bent ingeschreven in deze groep.", content)
        self.assertNotIn(self.learner.employee_number, content)

    def test_L5_switch_through_the_button(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(reverse("portal:group-enrol", args=[self.group_a2.code]))
        self.assertRedirects(response, self.url())
        self.assertTrue(Enrolment.objects.filter(group=self.group_a2, learner=self.learner, status="enrolled").exists())
        self.assertFalse(Enrolment.objects.filter(group=self.group_a1, learner=self.learner).exists())

    def test_L5_withdraw_through_the_button(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(reverse("portal:group-withdraw", args=[self.group_a1.code]), follow=True)
        self.assertContains(response, "Je bent uitgeschreven")
        self.assertFalse(Enrolment.objects.filter(learner=self.learner).exists())

    def test_L5_full_group_shows_waiting_list_position(self) -> None:
        small = training.create_group(project=self.project_a, name="Klein", capacity=1, by=self.ca)
        training.place_in_group(group=small, learner=self.learner_same_group, by=self.ca)
        self.login(self.learner.user)
        response = self.client.post(reverse("portal:group-enrol", args=[small.code]), follow=True)
        self.assertContains(response, "Je staat op de wachtlijst")
        self.assertContains(response, "plaats 1")

    def test_L5_after_deadline_buttons_vanish_and_post_is_refused_in_dutch(self) -> None:
        deadline = self.project_a.enrolment_deadline
        assert deadline is not None
        with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
            self.login(self.learner.user)
            response = self.client.get(self.url())
            self.assertNotContains(response, "Wissel naar deze groep")
            response = self.client.post(reverse("portal:group-enrol", args=[self.group_a2.code]), follow=True)
        self.assertContains(response, "De termijn om je in te schrijven of te wisselen is voorbij.")
        self.assertTrue(Enrolment.objects.filter(group=self.group_a1, learner=self.learner).exists())

    def test_L5_get_on_enrol_is_not_allowed(self) -> None:
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("portal:group-enrol", args=[self.group_a2.code])).status_code, 405)

    def test_L5_other_clients_project_and_group_are_not_found(self) -> None:
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.project_b)).status_code, 404)
        self.assertEqual(self.client.post(reverse("portal:group-enrol", args=[self.group_b1.code])).status_code, 404)
        self.assertEqual(self.client.post(reverse("portal:group-withdraw", args=[self.group_b1.code])).status_code, 404)
        self.assertFalse(Enrolment.objects.filter(group=self.group_b1, learner=self.learner).exists())

    def test_L5_wrong_kind_of_user_is_refused(self) -> None:
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 403, user)
            self.assertEqual(
                self.client.post(reverse("portal:group-enrol", args=[self.group_a2.code])).status_code, 403
            )

    def test_L5_query_count_is_the_same_for_1_and_50_learners(self) -> None:
        self.login(self.learner.user)
        url = self.url()
        self.client.get(url)
        with self.assertNumQueries(7):
            self.client.get(url)
        for n in range(50):
            other = create_learner(client=self.client_a, email=f"extra{n}@zv.example", full_name=f"Extra {n}", by=None)
            training.add_participant(project=self.project_a, learner=other, by=None)
            group = self.group_a2 if n < 4 else self.group_a1 if n < 9 else None
            if group is not None:
                training.place_in_group(group=group, learner=other, by=None)
        with self.assertNumQueries(7):
            self.client.get(url)
