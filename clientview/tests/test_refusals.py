"""Every client-view URL, walked with every kind of visitor (V2, S1)."""

from __future__ import annotations

from django.urls import reverse

from clientview.urls import urlpatterns
from cursistensite.testing import CastTestCase


class RefusalTests(CastTestCase):
    def urls(self, side: int) -> dict[str, list[str]]:
        """Arguments for every URL name, with the objects of client A (side 0) or client B (side 1)."""
        world = self.world.clients[side]
        group = world.groups[0]
        session = world.sessions[group.code][0]
        project, learner = world.project, world.learners[0]
        return {
            "home": [],
            "project-detail": [project.code],
            "progress-list": [project.code],
            "progress-export": [project.code, "xlsx"],
            "learner-detail": [project.code, learner.code],
            "group-list": [project.code],
            "session-list": [project.code],
            "project-calendar": [project.code],
            "wishes": [project.code],
            "preparation": [project.code],
            "evaluations": [project.code],
            "group-detail": [group.code],
            "session-attendance": [session.code],
            "session-attendance-pdf": [session.code],
        }

    def test_every_url_is_walked(self) -> None:
        self.assertEqual({p.name for p in urlpatterns}, set(self.urls(0)))

    def test_V2_other_clients_objects_are_not_found(self) -> None:
        self.login(self.contact.user)
        for name, args in self.urls(1).items():
            if args:
                with self.subTest(name):
                    self.assertEqual(self.client.get(reverse(f"clientview:{name}", args=args)).status_code, 404)

    def test_project_leader_reaches_every_page_of_own_client(self) -> None:
        self.login(self.contact.user)
        for name, args in self.urls(0).items():
            with self.subTest(name):
                self.assertEqual(self.client.get(reverse(f"clientview:{name}", args=args)).status_code, 200)

    def test_learners_staff_and_third_parties_are_refused(self) -> None:
        for user in (self.learner.user, self.ca, self.trainer, self.adviser, self.programmer, self.third_party):
            self.login(user)
            for name, args in self.urls(0).items():
                with self.subTest(name, user=user.email):
                    self.assertEqual(self.client.get(reverse(f"clientview:{name}", args=args)).status_code, 403)

    def test_anonymous_visitors_go_to_the_login_page(self) -> None:
        for name, args in self.urls(0).items():
            with self.subTest(name):
                response = self.client.get(reverse(f"clientview:{name}", args=args))
                self.assertEqual(response.status_code, 302)
                self.assertIn("next=", response["Location"])
