from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import time_machine
from django.urls import reverse

from clients.actions import create_learner
from clientview.tests.helpers import build_project
from cursistensite.demo import AMS
from cursistensite.testing import CastTestCase
from training import actions as training


class ProgressTableTests(CastTestCase):
    def url(self, project_code: str, query: str = "") -> str:
        return reverse("clientview:progress-list", args=[project_code]) + query

    def names(self, response: Any) -> list[str]:
        return [row.learner.name for row in response.context["matrix"].rows]

    def test_P2_table_shows_every_learner_with_status_and_date_per_action(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code))
        self.assertEqual(response.status_code, 200)
        rows = {row.learner.pk: row for row in response.context["matrix"].rows}
        self.assertEqual(len(rows), 6)
        intake = self.world.clients[0].actions["intake"]
        started = rows[self.learner.pk].cell(intake)
        done = rows[self.learner_same_group.pk].cell(intake)
        untouched = rows[self.learner_other_group.pk].cell(intake)
        self.assertEqual((started.status, done.status, untouched.status), ("started", "done", "open"))
        self.assertIsNotNone(done.completed_at)
        self.assertEqual(rows[self.learner.pk].group, self.group_a1)
        self.assertContains(response, "◐ Begonnen")
        self.assertContains(response, "✓ Klaar")
        self.assertContains(response, self.learner.name)
        self.assertNotContains(response, self.learner_other_client.name)

    def test_P2_filters_by_group(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, f"?groep={self.group_a2.code}"))
        self.assertEqual(self.names(response), ["Lotte Bakker", "Pieter Smit", "Yusuf Demir"])

    def test_P2_filters_by_status_of_one_action(self) -> None:
        intake = self.world.clients[0].actions["intake"]
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, f"?actie={intake.code}&status=done"))
        self.assertEqual(self.names(response), [self.learner_same_group.name])
        response = self.client.get(self.url(self.project_a.code, f"?actie={intake.code}&status=open"))
        self.assertEqual(len(self.names(response)), 4)

    def test_P2_filters_by_overall_status(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, "?status=started"))
        self.assertEqual(sorted(self.names(response)), sorted([self.learner.name, self.learner_same_group.name]))

    def test_P2_filters_late_learners(self) -> None:
        built = build_project(self.client_a, 3, by=self.ca, name="Laat")
        training.complete_action(action=built.preparation, learner=built.learners[1], by=built.learners[1].user)
        self.login(self.contact.user)
        response = self.client.get(self.url(built.project.code, "?te_laat=on"))
        self.assertEqual(self.names(response), ["Cursist 000", "Cursist 002"])
        self.assertContains(response, "! Te laat")
        response = self.client.get(self.url(built.project.code, f"?actie={built.intake.code}&te_laat=on"))
        self.assertEqual(self.names(response), [])

    def test_P2_sorts_by_name_and_by_group(self) -> None:
        self.login(self.contact.user)
        by_name = self.names(self.client.get(self.url(self.project_a.code)))
        self.assertEqual(by_name, sorted(by_name, key=str.lower))
        response = self.client.get(self.url(self.project_a.code, "?sorteer=groep"))
        groups = [row.group.name for row in response.context["matrix"].rows]
        self.assertEqual(groups, ["Groep A"] * 3 + ["Groep B"] * 3)
        self.assertEqual(self.names(response)[:3], ["Daan Visser", "Fatima El Amrani", "Sanne Jansen"])

    def test_P2_sort_links_keep_the_filters_and_mark_the_sorted_column(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, f"?groep={self.group_a1.code}"))
        self.assertContains(response, f'href="?groep={self.group_a1.code}&amp;sorteer=groep"')
        self.assertContains(response, '<th scope="col" aria-sort="ascending">Naam</th>', html=True)

    def test_P2_a_learner_becomes_late_when_the_due_date_passes(self) -> None:
        preparation = self.world.clients[0].actions["preparation"]
        self.login(self.contact.user)
        query = f"?actie={preparation.code}&te_laat=on"
        self.assertEqual(self.names(self.client.get(self.url(self.project_a.code, query))), [])
        assert preparation.due_on is not None
        due = datetime.combine(preparation.due_on, time(12, 0), tzinfo=AMS)
        with time_machine.travel(due + timedelta(days=1)):
            self.login(self.contact.user)
            late = self.names(self.client.get(self.url(self.project_a.code, query)))
        self.assertEqual(len(late), 6)

    def test_P2_bad_filter_answers_with_a_dutch_message_and_shows_everyone(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, f"?groep={self.group_b1.code}&status=raar"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Deze groep hoort niet bij dit project.")
        self.assertContains(response, "Kies een status uit de lijst.")
        self.assertEqual(len(self.names(response)), 6)

    def test_P2_action_for_one_group_is_not_applicable_to_the_other(self) -> None:
        action = training.add_action(
            project=self.project_a, kind="homework", title="Alleen B", group=self.group_a2, by=self.ca
        )
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code))
        rows = {row.learner.pk: row for row in response.context["matrix"].rows}
        self.assertFalse(rows[self.learner.pk].cell(action).applies)
        self.assertTrue(rows[self.learner_other_group.pk].cell(action).applies)
        self.assertContains(response, "n.v.t.")

    def test_P2_refusals(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(self.client.get(self.url(self.project_b.code)).status_code, 404)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.project_a.code)).status_code, 403)
        self.login(self.trainer)
        self.assertEqual(self.client.get(self.url(self.project_a.code)).status_code, 403)


class LearnerDetailTests(CastTestCase):
    def url(self, project_code: str, learner_code: str) -> str:
        return reverse("clientview:learner-detail", args=[project_code, learner_code])

    def test_P2_learner_page_shows_actions_sessions_and_attendance(self) -> None:
        session = self.world.clients[0].sessions[self.group_a1.code][0]
        training.record_attendance(session=session, learner=self.learner, status="late", by=self.trainer)
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, self.learner.code))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.learner.name)
        self.assertContains(response, "Intake invullen")
        self.assertContains(response, "◐ Begonnen")
        self.assertContains(response, "◐ Te laat")  # attendance: late
        self.assertContains(response, "? Niet geregistreerd")  # the second session
        self.assertEqual(len(response.context["attendance"]), 2)
        self.assertEqual(response.context["group"], self.group_a1)
        self.assertNotContains(response, self.learner.employee_number)

    def test_P2_learner_page_refusals(self) -> None:
        outsider = create_learner(client=self.client_a, email="los@test.example", full_name="Los", by=self.ca)
        self.login(self.contact.user)
        # Another client's learner, another client's project, and our own learner outside the project.
        self.assertEqual(
            self.client.get(self.url(self.project_a.code, self.learner_other_client.code)).status_code, 404
        )
        self.assertEqual(self.client.get(self.url(self.project_b.code, self.learner.code)).status_code, 404)
        self.assertEqual(self.client.get(self.url(self.project_a.code, outsider.code)).status_code, 404)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.project_a.code, self.learner.code)).status_code, 403)
