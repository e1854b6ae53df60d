from __future__ import annotations

from django.urls import reverse
from django.utils import dateformat

from clientview.tests.helpers import build_project
from cursistensite.testing import CastTestCase
from training import actions as training


class DashboardTests(CastTestCase):
    def url(self, project_code: str) -> str:
        return reverse("clientview:project-detail", args=[project_code])

    def test_P1_project_leader_sees_progress_per_action(self) -> None:
        acts = self.world.clients[0].actions
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code))
        self.assertEqual(response.status_code, 200)
        intake = next(c for c in response.context["counts"] if c.action == acts["intake"])
        # Demo data: one learner started the intake, one finished it, four did nothing yet.
        self.assertEqual((intake.open, intake.started, intake.done), (4, 1, 1))
        training.complete_action(
            action=acts["intake"], learner=self.learner_other_group, by=self.learner_other_group.user
        )
        response = self.client.get(self.url(self.project_a.code))
        intake = next(c for c in response.context["counts"] if c.action == acts["intake"])
        self.assertEqual((intake.open, intake.started, intake.done), (3, 1, 2))

    def test_P1_dashboard_draws_an_svg_chart_with_text_labels_and_the_same_figures_in_a_table(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code))
        html = response.content.decode()
        self.assertIn('role="img"', html)
        self.assertIn('<title id="chart-svg-title">', html)
        # The bar carries its figures as text, not by colour alone …
        self.assertIn("klaar 1 · begonnen 1 · niet begonnen 4", html)
        # … and the table repeats them: intake row 6 learners, 4 open, 1 started, 1 done.
        due = dateformat.format(response.context["counts"][0].action.due_on, "j M Y")
        self.assertInHTML(
            '<tr><th scope="row">Intake invullen</th><td class="num">6</td><td class="num">4</td>'
            '<td class="num">1</td><td class="num">1</td><td class="num">17%</td><td class="num">0</td>'
            f"<td>{due}</td></tr>",
            html,
        )
        # Bar widths are written with a decimal point whatever the locale (SVG needs it).
        self.assertNotRegex(html, r'width="\d+,\d+"')

    def test_P1_dashboard_shows_what_is_late_and_overall_progress(self) -> None:
        built = build_project(self.client_a, 2, by=self.ca, name="Laat")
        training.complete_action(action=built.preparation, learner=built.learners[0], by=built.learners[0].user)
        self.login(self.contact.user)
        response = self.client.get(self.url(built.project.code))
        counts = {c.action.title: c for c in response.context["counts"]}
        # Preparation was due yesterday: one learner did it, the other is late.
        self.assertEqual(counts["Voorbereiding"].late, 1)
        self.assertEqual(counts["Intake"].late, 0)
        self.assertEqual(response.context["late_total"], 1)
        # Required actions: intake 1 of 2 done, preparation 1 of 2 done → 50%.
        self.assertEqual(response.context["overall"], 50)
        self.assertContains(response, f"?actie={built.preparation.code}&amp;te_laat=on")

    def test_P1_project_list_shows_own_client_only(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:home"))
        self.assertContains(response, self.project_a.name)
        self.assertNotContains(response, self.project_b.name)

    def test_P1_V2_other_clients_project_is_not_found(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(self.client.get(self.url(self.project_b.code)).status_code, 404)
        self.assertEqual(self.client.get(self.url("doesnotexist")).status_code, 404)

    def test_P1_learner_and_staff_are_refused(self) -> None:
        for user in (self.learner.user, self.adviser):
            self.login(user)
            self.assertEqual(self.client.get(self.url(self.project_a.code)).status_code, 403)
            self.assertEqual(self.client.get(reverse("clientview:home")).status_code, 403)
