"""L7 intake and L9 evaluation on one engine, through the portal views."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.db.models import Max
from django.urls import reverse

from cursistensite.testing import CastTestCase
from questionnaires.demo import add_demo_questionnaires
from questionnaires.models import Question, Questionnaire, Response
from training.models import ActionProgress, Session


class QuestionnaireTests(CastTestCase):
    intake: Questionnaire
    evaluation: Questionnaire
    intake_b: Questionnaire

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        made = add_demo_questionnaires(cls.world)
        cls.intake = next(q for q in made if q.project == cls.project_a and q.kind == "intake")
        cls.evaluation = next(q for q in made if q.project == cls.project_a and q.kind == "evaluation")
        cls.intake_b = next(q for q in made if q.project == cls.project_b and q.kind == "intake")

    def url(self, questionnaire: Questionnaire) -> str:
        return reverse("portal:questionnaire-fill", args=[questionnaire.code])

    def full_answers(self, questionnaire: Questionnaire) -> dict[str, object]:
        data: dict[str, object] = {"opslaan": "versturen"}
        for q in questionnaire.questions.all():
            data[f"q{q.pk}"] = {
                Question.Type.SHORT_TEXT: "Beleidsmedewerker",
                Question.Type.LONG_TEXT: "Korter en duidelijker schrijven.",
                Question.Type.SINGLE_CHOICE: q.choices[0] if q.choices else "",
                Question.Type.MULTIPLE_CHOICE: q.choices[:2],
                Question.Type.SCALE: "4",
                Question.Type.YES_NO: "ja",
            }[Question.Type(q.type)]
        return data

    def after_last_session(self) -> time_machine.travel:  # the moment just after group A1's last session
        last = Session.objects.filter(group=self.group_a1).aggregate(m=Max("ends_at"))["m"]
        return time_machine.travel(last + timedelta(seconds=1), tick=False)

    def test_L7_form_shows_every_question_type(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(self.url(self.intake))
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        for q in self.intake.questions.all():
            self.assertIn(q.text, content)
        self.assertIn('type="radio"', content)
        self.assertIn('type="checkbox"', content)
        self.assertIn("<textarea", content)
        self.assertIn("<legend>", content)

    def test_L7_submit_stores_answers_and_completes_the_action(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(self.url(self.intake), self.full_answers(self.intake))
        self.assertRedirects(response, reverse("portal:project-detail", args=[self.project_a.code]))
        stored = Response.objects.get(questionnaire=self.intake, learner=self.learner)
        self.assertIsNotNone(stored.submitted_at)
        scale = self.intake.questions.get(type=Question.Type.SCALE)
        multiple = self.intake.questions.get(type=Question.Type.MULTIPLE_CHOICE)
        self.assertEqual(stored.answers[str(scale.pk)], 4)
        self.assertEqual(stored.answers[str(multiple.pk)], multiple.choices[:2])
        progress = ActionProgress.objects.get(action=self.intake.action, learner=self.learner)
        self.assertIsNotNone(progress.completed_at)

    def test_L7_double_submit_stores_one_response(self) -> None:
        self.login(self.learner.user)
        data = self.full_answers(self.intake)
        self.client.post(self.url(self.intake), data)
        data[f"q{self.intake.questions.get(type=Question.Type.SHORT_TEXT).pk}"] = "Anders"
        response = self.client.post(self.url(self.intake), data, follow=True)
        self.assertContains(response, "al ingestuurd")
        self.assertEqual(Response.objects.filter(questionnaire=self.intake).count(), 1)
        stored = Response.objects.get(questionnaire=self.intake)
        self.assertIn("Beleidsmedewerker", stored.answers.values())

    def test_L7_missing_required_answers_and_bad_choice_get_dutch_messages_and_change_nothing(self) -> None:
        self.login(self.learner.user)
        single = self.intake.questions.get(type=Question.Type.SINGLE_CHOICE)
        response = self.client.post(self.url(self.intake), {"opslaan": "versturen", f"q{single.pk}": "Nooit"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Beantwoord deze vraag.")
        self.assertContains(response, "Kies een van de mogelijke antwoorden.")
        self.assertFalse(Response.objects.filter(questionnaire=self.intake).exists())
        self.assertFalse(
            ActionProgress.objects.filter(
                action=self.intake.action, learner=self.learner, completed_at__isnull=False
            ).exists()
        )

    def test_L7_draft_is_kept_without_required_answers_and_shown_again(self) -> None:
        self.login(self.learner.user)
        short = self.intake.questions.get(type=Question.Type.SHORT_TEXT)
        response = self.client.post(self.url(self.intake), {"opslaan": "concept", f"q{short.pk}": "Teamleider"})
        self.assertRedirects(response, self.url(self.intake))
        draft = Response.objects.get(questionnaire=self.intake, learner=self.learner)
        self.assertIsNone(draft.submitted_at)
        progress = ActionProgress.objects.get(action=self.intake.action, learner=self.learner)
        self.assertIsNone(progress.completed_at)
        self.assertContains(self.client.get(self.url(self.intake)), 'value="Teamleider"')

    def test_L9_evaluation_is_closed_until_the_last_session_has_ended(self) -> None:
        last = Session.objects.filter(group=self.group_a1).aggregate(m=Max("ends_at"))["m"]
        with time_machine.travel(last - timedelta(seconds=1), tick=False):
            self.login(self.learner.user)
            response = self.client.get(self.url(self.evaluation), follow=True)
            self.assertContains(response, "gaat open na de laatste bijeenkomst")
            self.client.post(self.url(self.evaluation), self.full_answers(self.evaluation))
        self.assertFalse(Response.objects.filter(questionnaire=self.evaluation).exists())
        with self.after_last_session():
            self.login(self.learner.user)
            self.assertEqual(self.client.get(self.url(self.evaluation)).status_code, 200)

    def test_L9_anonymous_evaluation_stores_answers_without_the_learner_and_records_completion(self) -> None:
        self.assertTrue(self.evaluation.anonymous)
        with self.after_last_session():
            self.login(self.learner.user)
            self.client.post(
                self.url(self.evaluation),
                {"opslaan": "concept", f"q{self.evaluation.questions.earliest('order').pk}": "3"},
            )
            self.client.post(self.url(self.evaluation), self.full_answers(self.evaluation))
            self.client.post(self.url(self.evaluation), self.full_answers(self.evaluation))
        responses = Response.objects.filter(questionnaire=self.evaluation)
        self.assertEqual(responses.count(), 1)
        self.assertIsNone(responses.get().learner)
        self.assertIsNotNone(responses.get().submitted_at)
        progress = ActionProgress.objects.get(action=self.evaluation.action, learner=self.learner)
        self.assertIsNotNone(progress.completed_at)

    def test_L7_overview_links_to_the_questionnaire(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(reverse("portal:project-detail", args=[self.project_a.code]))
        self.assertContains(response, self.url(self.intake))

    def test_L7_other_clients_questionnaire_is_not_found(self) -> None:
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.intake_b)).status_code, 404)
        self.assertEqual(self.client.post(self.url(self.intake_b), self.full_answers(self.intake_b)).status_code, 404)
        self.assertFalse(Response.objects.filter(questionnaire=self.intake_b).exists())

    def test_L7_other_groups_questionnaire_is_not_found(self) -> None:
        action = self.world.clients[0].actions["intake"]
        action.group = self.group_a2
        action.save()
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.intake)).status_code, 404)
        self.login(self.learner_other_group.user)
        self.assertEqual(self.client.get(self.url(self.intake)).status_code, 200)

    def test_L7_wrong_kind_of_user_is_refused(self) -> None:
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(self.url(self.intake)).status_code, 403, user)

    def test_L7_query_count_is_pinned_and_independent_of_questions(self) -> None:
        self.login(self.learner.user)
        url = self.url(self.intake)
        self.client.get(url)
        with self.assertNumQueries(9):
            self.client.get(url)
        Question.objects.bulk_create(
            Question(questionnaire=self.intake, order=100 + n, type=Question.Type.SHORT_TEXT, text=f"Extra {n}")
            for n in range(50)
        )
        with self.assertNumQueries(9):
            self.client.get(url)
