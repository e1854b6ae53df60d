from __future__ import annotations

from django.urls import reverse

from cursistensite.testing import CastTestCase


class LanguageTests(CastTestCase):
    def test_L12_pages_speak_dutch_by_default_and_the_chosen_language_after(self) -> None:
        self.login(self.learner.user)
        url = reverse("portal:project-detail", args=[self.project_a.code])
        response = self.client.get(url)
        self.assertContains(response, '<html lang="nl">')
        self.assertContains(response, "Bijeenkomsten")
        user = self.learner.user
        user.language = "en"
        user.save(update_fields=["language"])
        response = self.client.get(url)
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Sessions")

    def test_the_language_menu_wins_over_the_profile(self) -> None:
        self.login(self.learner.user)
        self.client.post(reverse("set_language"), {"language": "en", "next": "/"})
        response = self.client.get(reverse("portal:project-detail", args=[self.project_a.code]))
        self.assertContains(response, '<html lang="en">')
