from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from clientview.tests.helpers import answer, build_project, make_questionnaire
from cursistensite.testing import CastTestCase
from questionnaires.models import Question, Questionnaire, Response


class WishesTests(CastTestCase):
    """P5: intake answers per learner and per question, with a summary per question."""

    intake: Questionnaire
    q: dict[str, Question]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.intake, cls.q = make_questionnaire(cls.project_a, "intake", title="Intake Helder schrijven")
        answer(
            cls.intake,
            cls.q,
            cls.learner,
            text="Kortere zinnen",
            single="Veel",
            multiple=["Brieven", "Mails"],
            scale=4,
            yes_no="ja",
        )
        answer(
            cls.intake,
            cls.q,
            cls.learner_same_group,
            text="Minder jargon",
            single="Weinig",
            multiple=["Mails"],
            scale=2,
            yes_no="nee",
        )
        answer(cls.intake, cls.q, cls.learner_other_group, single="Veel", scale=3, yes_no="ja")
        # Not yet submitted: never counted.
        Response.objects.create(
            client=cls.client_a,
            questionnaire=cls.intake,
            learner=cls.world.clients[0].learners[2],
            answers={str(cls.q["text"].pk): "Concept, nog niet verstuurd"},
        )

    def test_P5_summary_per_question(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:wishes", args=[self.project_a.code]))
        self.assertEqual(response.status_code, 200)
        (result,) = response.context["results"]
        self.assertEqual(result.responses, 3)
        summaries = {s.question.pk: s for s in result.summaries}
        single = summaries[self.q["single"].pk]
        self.assertEqual([(c.label, c.n, c.percent) for c in single.counts], [("Weinig", 1, 33), ("Veel", 2, 67)])
        multiple = summaries[self.q["multiple"].pk]
        self.assertEqual([(c.label, c.n) for c in multiple.counts], [("Brieven", 1), ("Mails", 2), ("Rapporten", 0)])
        self.assertEqual(multiple.answered, 2)
        scale = summaries[self.q["scale"].pk]
        self.assertEqual(scale.average, 3.0)
        self.assertEqual([c.n for c in scale.counts], [0, 1, 1, 1, 0])
        yes_no = summaries[self.q["yes_no"].pk]
        self.assertEqual([(c.label, c.n) for c in yes_no.counts], [("Ja", 2), ("Nee", 1)])
        self.assertEqual(summaries[self.q["text"].pk].texts, ["Kortere zinnen", "Minder jargon"])
        self.assertNotContains(response, "Concept, nog niet verstuurd")

    def test_P5_answers_per_learner(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:wishes", args=[self.project_a.code]))
        (result,) = response.context["results"]
        by_name = {r.name: r.answers for r in result.respondents}
        self.assertEqual(by_name[self.learner.name], ["Kortere zinnen", "Veel", "Brieven, Mails", "4", "Ja"])
        self.assertEqual(by_name[self.learner_other_group.name][0], "—")
        self.assertContains(response, "Antwoorden per cursist")
        self.assertContains(response, "gemiddelde <strong>3,0</strong>", html=False)
        self.assertNotContains(response, self.learner.employee_number)

    def test_P5_refusals(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("clientview:wishes", args=[self.project_b.code])).status_code, 404)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("clientview:wishes", args=[self.project_a.code])).status_code, 403)


class EvaluationTests(CastTestCase):
    """P8: distribution and averages per question; per respondent only when not anonymous."""

    def url(self, project_code: str) -> str:
        return reverse("clientview:evaluations", args=[project_code])

    def test_P8_named_evaluation_shows_distribution_average_and_respondents(self) -> None:
        evaluation, q = make_questionnaire(self.project_a, "evaluation", title="Evaluatie dag 1")
        answer(evaluation, q, self.learner, scale=5, yes_no="ja", text="Top")
        answer(evaluation, q, self.learner_same_group, scale=4, yes_no="ja", text="Goed")
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code))
        (result,) = response.context["results"]
        scale = next(s for s in result.summaries if s.question == q["scale"])
        self.assertEqual(scale.average, 4.5)
        self.assertEqual([c.percent for c in scale.counts], [0, 0, 0, 50, 50])
        self.assertEqual(
            sorted(r.name for r in result.respondents), sorted([self.learner.name, self.learner_same_group.name])
        )
        self.assertContains(response, self.learner.name)

    def test_P8_anonymous_evaluation_is_withheld_below_five_responses(self) -> None:
        built = build_project(self.client_a, 5, by=self.ca, name="Anoniem")
        evaluation, q = make_questionnaire(built.project, "evaluation", anonymous=True)
        for i in range(4):
            answer(evaluation, q, None, scale=1 + i, text=f"Opmerking {i}")
        self.login(self.contact.user)
        response = self.client.get(self.url(built.project.code))
        (result,) = response.context["results"]
        self.assertTrue(result.withheld)
        self.assertEqual(result.summaries, [])
        self.assertContains(response, "De resultaten verschijnen vanaf 5 ingevulde evaluaties")
        self.assertNotContains(response, "Opmerking 0")

    def test_P8_anonymous_evaluation_shows_results_from_five_on_but_never_per_respondent(self) -> None:
        built = build_project(self.client_a, 5, by=self.ca, name="Anoniem")
        evaluation, q = make_questionnaire(built.project, "evaluation", anonymous=True)
        for i, text in enumerate(["zeker", "Bruikbaar", "anders", "Concreet", "boeiend"]):
            answer(evaluation, q, None, scale=1 + i, text=text)
        self.login(self.contact.user)
        response = self.client.get(self.url(built.project.code))
        (result,) = response.context["results"]
        self.assertFalse(result.withheld)
        self.assertEqual(next(s for s in result.summaries if s.question == q["scale"]).average, 3.0)
        # Texts in alphabetical order, so the order of submission gives nothing away.
        self.assertEqual(
            next(s for s in result.summaries if s.question == q["text"]).texts,
            ["anders", "boeiend", "Bruikbaar", "Concreet", "zeker"],
        )
        self.assertEqual(result.respondents, [])
        self.assertNotContains(response, "Antwoorden per cursist")

    @override_settings(ANONYMOUS_EVALUATION_MIN_RESPONSES=2)
    def test_P8_the_minimum_is_a_setting(self) -> None:
        evaluation, q = make_questionnaire(self.project_a, "evaluation", anonymous=True)
        answer(evaluation, q, None, scale=2)
        answer(evaluation, q, None, scale=4)
        self.login(self.contact.user)
        (result,) = self.client.get(self.url(self.project_a.code)).context["results"]
        self.assertFalse(result.withheld)
        self.assertEqual(result.responses, 2)

    def test_P8_refusals(self) -> None:
        make_questionnaire(self.project_b, "evaluation")
        self.login(self.contact.user)
        self.assertEqual(self.client.get(self.url(self.project_b.code)).status_code, 404)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.project_a.code)).status_code, 403)
