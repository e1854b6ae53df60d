from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clients.models import Learner
from cursistensite.testing import CastTestCase
from measurements.models import SavedMeasurement

HARD = (
    "Teneinde de dienstverlening aan burgers te optimaliseren, wordt door de gemeente in het kader van de "
    "herinrichting van de openbare ruimte, alsmede ten behoeve van de verkeersveiligheid, een integrale "
    "herziening van het parkeerbeleid voorbereid, waarbij de implementatie middels een gefaseerde aanpak "
    "zal geschieden. Belanghebbenden worden derhalve verzocht hun zienswijze kenbaar te maken."
)
EASY = "We maken de straat veiliger. Daarom gaan we het parkeren anders regelen. Wat vindt u ervan? Laat het ons weten."


class TextMeasureTests(CastTestCase):
    def measure(self, **data: object) -> object:
        return self.client.post(reverse("texts:measure"), data)

    def test_L4_learner_measures_a_pasted_text_with_highlights_and_reasons(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(reverse("texts:measure"), {"text": HARD})
        self.assertEqual(response.status_code, 200)
        result = response.context["result"]
        self.assertEqual(result.language, "nl")
        self.assertGreater(result.officialese, 0)
        content = response.content.decode()
        self.assertIn('<mark class="hl-word"', content)
        self.assertIn("[1]", content)  # a numbered note, not colour alone
        self.assertIn("Flesch-Douma", content)
        self.assertFalse(SavedMeasurement.objects.exists())  # nothing kept unless asked

    def test_L4_hard_text_is_harder_than_easy_text(self) -> None:
        self.login(self.learner.user)
        hard = self.client.post(reverse("texts:measure"), {"text": HARD}).context["result"].difficulty
        easy = self.client.post(reverse("texts:measure"), {"text": EASY}).context["result"].difficulty
        self.assertGreater(hard, easy)

    def test_L4_bad_input_gets_a_dutch_message(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(reverse("texts:measure"), {"text": "   "})
        self.assertContains(response, "Plak een tekst of kies een bestand.")
        response = self.client.post(reverse("texts:measure"), {"text": "12 34 56,78 2024"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
        self.assertNotIn("result", response.context)
        corrupt = SimpleUploadedFile(
            "brief.docx", b"PK\x03\x04 not a real docx", content_type="application/octet-stream"
        )
        response = self.client.post(reverse("texts:measure"), {"file": corrupt})
        self.assertTrue(response.context["form"].errors)
        self.assertFalse(SavedMeasurement.objects.exists())

    def test_L4_a_txt_file_is_measured(self) -> None:
        self.login(self.learner.user)
        upload = SimpleUploadedFile("brief.txt", EASY.encode(), content_type="text/plain")
        response = self.client.post(reverse("texts:measure"), {"file": upload})
        self.assertEqual(response.context["result"].sentences, 4)

    def test_L4_compare_two_versions(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(reverse("texts:compare"), {"before": HARD, "after": EASY})
        rows = {row["key"]: row for row in response.context["rows"]}
        self.assertGreater(rows["mean_sentence_length"]["before"], rows["mean_sentence_length"]["after"])
        self.assertGreater(rows["difficulty"]["before"], rows["difficulty"]["after"])
        response = self.client.post(reverse("texts:compare"), {"before": HARD, "after": ""})
        self.assertContains(response, "Vul beide versies in.")

    def test_L4_save_list_and_delete_a_measurement(self) -> None:
        self.login(self.learner.user)
        self.client.post(reverse("texts:measure"), {"text": HARD, "save": "on", "title": "Parkeerbrief"})
        saved = SavedMeasurement.objects.get()
        self.assertEqual((saved.learner, saved.title), (self.learner, "Parkeerbrief"))
        self.assertContains(self.client.get(reverse("texts:history")), "Parkeerbrief")
        self.assertContains(self.client.get(reverse("texts:saved-detail", args=[saved.code])), "hl-word")
        response = self.client.post(reverse("texts:saved-delete", args=[saved.code]))
        self.assertRedirects(response, reverse("texts:history"))
        self.assertFalse(SavedMeasurement.objects.exists())

    def _saved_by(self, learner: Learner) -> SavedMeasurement:
        self.login(learner.user)
        self.client.post(reverse("texts:measure"), {"text": EASY, "save": "on", "title": "Mijn tekst"})
        self.client.logout()
        return SavedMeasurement.objects.latest("id")

    def test_L4_other_learners_measurement_is_not_found(self) -> None:
        saved = self._saved_by(self.learner_same_group)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("texts:saved-detail", args=[saved.code])).status_code, 404)
        self.assertEqual(self.client.post(reverse("texts:saved-delete", args=[saved.code])).status_code, 404)
        self.assertTrue(SavedMeasurement.objects.filter(pk=saved.pk).exists())

    def test_L4_the_learners_trainer_sees_saved_measurements(self) -> None:
        saved = self._saved_by(self.learner)  # group A1, trained by self.trainer
        self.login(self.trainer)
        self.assertContains(self.client.get(reverse("office-texts:list")), "Mijn tekst")
        self.assertEqual(self.client.get(reverse("office-texts:detail", args=[saved.code])).status_code, 200)

    def test_L4_refusals_for_other_trainers_roles_and_faces(self) -> None:
        saved = self._saved_by(self.learner)
        self.login(self.trainer2)  # trains group A2 only
        self.assertEqual(self.client.get(reverse("office-texts:detail", args=[saved.code])).status_code, 404)
        self.assertNotContains(self.client.get(reverse("office-texts:list")), "Mijn tekst")
        for user in (self.ca, self.adviser, self.marketing):  # not the learner's trainer
            self.login(user)
            self.assertEqual(self.client.get(reverse("office-texts:detail", args=[saved.code])).status_code, 403, user)
        for user in (self.contact.user, self.learner_other_client.user):
            self.login(user)
            self.assertEqual(self.client.get(reverse("office-texts:detail", args=[saved.code])).status_code, 403, user)
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("texts:measure")).status_code, 403)

    def test_L4_history_query_count_is_flat(self) -> None:
        self.login(self.learner.user)
        url = reverse("texts:history")
        self.client.post(reverse("texts:measure"), {"text": EASY, "save": "on"})
        with self.assertNumQueries(4):
            self.client.get(url)
        for _ in range(5):
            self.client.post(reverse("texts:measure"), {"text": EASY, "save": "on"})
        with self.assertNumQueries(4):
            self.client.get(url)


class TextNavigationTests(CastTestCase):
    def test_L4_the_pages_are_in_the_menus_of_learners_and_trainers(self) -> None:
        self.login(self.learner.user)
        self.assertContains(self.client.get(reverse("portal:home"), follow=True), reverse("texts:measure"))
        self.login(self.trainer)
        self.assertContains(self.client.get(reverse("office:home")), reverse("office-texts:list"))
        self.login(self.ca)
        self.assertNotContains(self.client.get(reverse("office:home")), reverse("office-texts:list"))
