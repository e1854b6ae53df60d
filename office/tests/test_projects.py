from __future__ import annotations

from django.urls import reverse

from cursistensite.testing import CastTestCase


class ProjectPagesTests(CastTestCase):
    def test_ca_sees_projects_of_every_client(self) -> None:
        self.login(self.ca)
        response = self.client.get(reverse("office:project-list"))
        self.assertContains(response, self.project_a.name)
        self.assertContains(response, self.project_b.name)

    def test_roles_without_progress_task_are_refused(self) -> None:
        for user in (self.programmer, self.marketing, self.helpdesk, self.security):
            self.login(user)
            self.assertEqual(self.client.get(reverse("office:project-list")).status_code, 403, user)
            self.assertEqual(
                self.client.get(reverse("office:project-detail", args=[self.project_a.code])).status_code, 403, user
            )

    def test_project_page_for_adviser(self) -> None:
        self.login(self.adviser)
        response = self.client.get(reverse("office:project-detail", args=[self.project_a.code]))
        self.assertContains(response, "Groep A")

    def test_project_list_query_count_is_flat(self) -> None:
        self.login(self.ca)
        self.client.get(reverse("office:project-list"))
        with self.assertNumQueries(6):
            self.client.get(reverse("office:project-list"))
