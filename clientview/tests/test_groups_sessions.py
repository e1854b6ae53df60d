from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from cursistensite.testing import CastTestCase


class GroupTests(CastTestCase):
    def test_P3_every_group_with_its_members_names_and_emails(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:group-list", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        groups = {g.group.name: [m.name for m in g.members] for g in response.context["groups"]}
        self.assertEqual(groups["Groep A"], ["Daan Visser", "Fatima El Amrani", "Sanne Jansen"])
        self.assertEqual(groups["Groep B"], ["Lotte Bakker", "Pieter Smit", "Yusuf Demir"])
        for learner in (self.learner, self.learner_same_group, self.learner_other_group):
            self.assertContains(response, learner.email)
        self.assertNotContains(response, self.learner_other_client.email)
        self.assertNotContains(response, self.learner.employee_number)

    def test_P3_group_page_shows_members_and_sessions(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:group-detail", args=[self.group_a2.code]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.learner_other_group.email)
        self.assertNotContains(response, self.learner.email)
        self.assertEqual(len(response.context["sessions"]), 2)

    def test_P3_refusals(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("clientview:group-list", args=[self.project_b.code])).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("clientview:group-detail", args=[self.group_b1.code])).status_code, 404
        )
        self.login(self.learner.user)
        self.assertEqual(
            self.client.get(reverse("clientview:group-detail", args=[self.group_a1.code])).status_code, 403
        )
        self.assertEqual(self.client.get(reverse("clientview:group-list", args=[self.project_a.code])).status_code, 403)


class SessionTests(CastTestCase):
    def test_P4_every_session_with_trainer_date_time_and_location(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:session-list", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        sessions = list(response.context["sessions"])
        self.assertEqual(len(sessions), 4)
        first = sessions[0]
        start = timezone.localtime(first.starts_at)
        self.assertContains(response, f"{start:%H:%M}–{timezone.localtime(first.ends_at):%H:%M}")
        self.assertContains(response, first.location)
        self.assertContains(response, self.trainer.full_name)
        self.assertContains(response, self.trainer2.full_name)
        self.assertNotContains(response, self.project_b.client.name)

    def test_P4_project_calendar_is_an_ics_file_with_every_session(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:project-calendar", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        body = response.content.decode()
        self.assertEqual(body.count("BEGIN:VEVENT"), 4)
        session = self.world.clients[0].sessions[self.group_a1.code][0]
        self.assertIn(f"UID:{session.code}@cursistensite", body)
        self.assertIn("LOCATION:Gemeente Zuiderveen\\, zaal 1", body)
        self.assertIn(f"Trainer: {self.trainer.full_name}", body)

    def test_P4_refusals(self) -> None:
        self.login(self.contact.user)
        for name in ("clientview:session-list", "clientview:project-calendar"):
            self.assertEqual(self.client.get(reverse(name, args=[self.project_b.code])).status_code, 404)
        self.login(self.learner.user)
        for name in ("clientview:session-list", "clientview:project-calendar"):
            self.assertEqual(self.client.get(reverse(name, args=[self.project_a.code])).status_code, 403)
