"""L11 knowledge base: published articles, Dutch search, Markdown rendered safely."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from cursistensite.testing import CastTestCase
from knowledge.models import Article
from knowledge.queries import search_articles


class ArticleTests(CastTestCase):
    letter: Article
    mail: Article
    draft: Article

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.letter = Article.objects.create(
            title="Een heldere brief schrijven",
            body="## Begin met de kern\n\nZet in de **eerste zin** waar de brief over gaat.\n\n"
            "<script>alert(1)</script><img src=x onerror=alert(2)>[klik](javascript:alert(3))",
            tags="brief, B1",
            published=True,
        )
        cls.mail = Article.objects.create(
            title="Korte e-mails", body="Houd zinnen kort.", tags="e-mail", published=True
        )
        cls.draft = Article.objects.create(title="Concept: brief aan de raad", body="Nog niet klaar.", published=False)

    def test_L11_list_and_search_show_published_articles_only(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:article-list"))
        self.assertEqual(list(response.context["articles"]), [self.letter, self.mail])
        response = self.client.get(reverse("portal:article-list"), {"zoek": "brief"})
        self.assertEqual(list(response.context["articles"]), [self.letter])
        self.assertNotContains(response, "Concept: brief aan de raad")
        self.assertContains(response, "1 artikel gevonden")

    def test_L11_markdown_is_rendered_and_cleaned(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:article-detail", args=[self.letter.code]))
        content = response.content.decode()
        self.assertIn("<h2>Begin met de kern</h2>", content)
        self.assertIn("<strong>eerste zin</strong>", content)
        self.assertNotIn("<script>alert", content)
        self.assertNotIn("onerror", content)
        self.assertNotIn("javascript:", content)

    def test_L11_draft_is_not_found_and_other_kinds_are_refused(self) -> None:
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("portal:article-detail", args=[self.draft.code])).status_code, 404)
        self.assertEqual(self.client.get(reverse("portal:article-detail", args=["bestaatniet"])).status_code, 404)
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(reverse("portal:article-list")).status_code, 403)

    def test_L11_query_count_is_the_same_for_2_and_50_articles(self) -> None:
        self.login(self.learner.user)
        url = reverse("portal:article-list")
        self.client.get(url)
        with self.assertNumQueries(4):
            self.client.get(url, {"zoek": "kort"})
        Article.objects.bulk_create(
            Article(title=f"Kort artikel {n}", body="Kort en krachtig.", published=True) for n in range(48)
        )
        with self.assertNumQueries(4):
            response = self.client.get(url, {"zoek": "kort"})
        self.assertEqual(len(response.context["articles"]), 49)


@pytest.mark.postgres
class DutchSearchTests(CastTestCase):
    def setUp(self) -> None:
        if connection.vendor != "postgresql":
            self.skipTest("Dutch full-text search needs PostgreSQL (SQLite uses the icontains fallback).")

    def test_L11_dutch_stemming_matches_plural_and_singular(self) -> None:
        letter = Article.objects.create(
            title="Schrijven voor de gemeente", body="Een brief aan een burger.", published=True
        )
        Article.objects.create(title="Burgers en gemeenten", body="Nog in concept.", published=False)
        self.assertEqual(list(search_articles("burgers")), [letter])  # burgers → burger
        self.assertEqual(list(search_articles("gemeenten")), [letter])  # gemeenten → gemeent
        self.assertEqual(list(search_articles("fietsen")), [])
