"""L1 / U9: learners ask the trainer a question; employees answer and close it in the office."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clients.actions import create_learner
from clients.models import Learner
from cursistensite.testing import CastTestCase, as_user
from messaging.models import MailMessage, QuestionMessage, QuestionThread
from messaging.questions import answer_question, ask_question
from training.actions import add_participant, create_project
from training.models import Project

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


class QuestionTests(CastTestCase):
    def ask(
        self, learner: Learner | None = None, project: Project | None = None, body: str = "Hoe lever ik huiswerk in?"
    ) -> QuestionThread:
        learner = learner or self.learner
        return ask_question(
            learner=learner, project=project or self.project_a, subject="Huiswerk", body=body, by=learner.user
        )

    def test_L1_learner_asks_trainer_answers_learner_is_mailed(self) -> None:
        portal = as_user(self.learner.user)
        with time_machine.travel(NOW, tick=False), self.captureOnCommitCallbacks(execute=True):
            response = portal.post(
                "/portal/vragen/",
                {"project": self.project_a.code, "subject": "Huiswerk", "body": "Geheime vraagtekst over opdracht 3"},
            )
        thread = QuestionThread.objects.get(learner=self.learner)
        self.assertRedirects(response, f"/portal/vragen/vraag/{thread.code}/")
        asked = MailMessage.objects.get(kind="question_asked")
        self.assertEqual(asked.to, self.trainer.email)  # the trainer of group A1
        self.assertIn(f"/kantoor/vraag/{thread.code}/", asked.body_text)
        for text in (asked.subject, asked.body_text, asked.body_html):
            self.assertNotIn("Geheime vraagtekst", text)
            self.assertNotIn("Huiswerk", text)
            if self.learner.employee_number:
                self.assertNotIn(self.learner.employee_number, text)

        office = as_user(self.trainer)
        self.assertContains(office.get("/kantoor/vraag/"), thread.subject)
        self.assertContains(office.get(f"/kantoor/vraag/{thread.code}/"), "Geheime vraagtekst over opdracht 3")
        with self.captureOnCommitCallbacks(execute=True):
            response = office.post(f"/kantoor/vraag/{thread.code}/", {"body": "Via de pagina Bestanden."})
        self.assertRedirects(response, f"/kantoor/vraag/{thread.code}/")
        thread.refresh_from_db()
        self.assertIsNotNone(thread.answered_at)
        answered = MailMessage.objects.get(kind="question_answered")
        self.assertEqual(answered.to, self.learner.user.email)
        self.assertIn(f"/portal/vragen/vraag/{thread.code}/", answered.body_text)
        self.assertNotIn("Via de pagina Bestanden", answered.body_text + answered.body_html)
        page = portal.get(f"/portal/vragen/vraag/{thread.code}/")
        self.assertContains(page, "Via de pagina Bestanden.")
        self.assertContains(page, "Beantwoord")

    def test_L1_learner_replies_and_thread_waits_again(self) -> None:
        thread = self.ask()
        as_user(self.trainer).post(f"/kantoor/vraag/{thread.code}/", {"body": "Antwoord."})
        response = as_user(self.learner.user).post(f"/portal/vragen/vraag/{thread.code}/", {"body": "Dank, nog iets."})
        self.assertEqual(response.status_code, 302)
        thread.refresh_from_db()
        self.assertIsNone(thread.answered_at)
        self.assertEqual(thread.messages.count(), 3)

    def test_L1_empty_question_gets_dutch_error_and_stores_nothing(self) -> None:
        portal = as_user(self.learner.user)
        response = portal.post("/portal/vragen/", {"project": self.project_a.code, "subject": "Huiswerk", "body": "  "})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schrijf je vraag of bericht.")
        response = portal.post("/portal/vragen/", {"project": self.project_a.code, "subject": "", "body": "Vraag"})
        self.assertContains(response, "Geef je vraag een onderwerp.")
        response = portal.post("/portal/vragen/", {"project": self.project_b.code, "subject": "X", "body": "Vraag"})
        self.assertContains(response, "Kies een van je trainingen.")
        self.assertFalse(QuestionThread.objects.exists())
        self.assertFalse(MailMessage.objects.filter(kind="question_asked").exists())

    def test_U9_empty_answer_gets_dutch_error_and_changes_nothing(self) -> None:
        thread = self.ask()
        response = as_user(self.trainer).post(f"/kantoor/vraag/{thread.code}/", {"body": ""})
        self.assertContains(response, "Schrijf je antwoord.")
        thread.refresh_from_db()
        self.assertIsNone(thread.answered_at)
        self.assertEqual(QuestionMessage.objects.filter(thread=thread).count(), 1)

    def test_L1_portal_refusals(self) -> None:
        thread = self.ask()
        other_client = self.ask(learner=self.learner_other_client, project=self.project_b)
        url = f"/portal/vragen/vraag/{thread.code}/"
        self.assertEqual(as_user(self.learner.user).get(url).status_code, 200)
        # Another learner of the same group, another group, another client: 404.
        for learner in (self.learner_same_group, self.learner_other_group, self.learner_other_client):
            self.assertEqual(as_user(learner.user).get(url).status_code, 404, learner)
            self.assertEqual(as_user(learner.user).post(url, {"body": "x"}).status_code, 404, learner)
        self.assertEqual(as_user(self.learner.user).get(f"/portal/vragen/vraag/{other_client.code}/").status_code, 404)
        self.assertEqual(as_user(self.learner.user).get("/portal/vragen/vraag/NOPE/").status_code, 404)
        # Wrong kind: a project leader and staff get 403 on the portal.
        for user in (self.contact.user, self.contact_other_client.user, self.trainer):
            self.assertEqual(as_user(user).get(url).status_code, 403, user)
            self.assertEqual(as_user(user).get("/portal/vragen/").status_code, 403, user)
        self.assertEqual(thread.messages.count(), 1)

    def test_U9_office_refusals(self) -> None:
        thread = self.ask()
        url = f"/kantoor/vraag/{thread.code}/"
        # Roles without ANSWER_QUESTIONS: 403.
        for user in (self.marketing, self.programmer, self.security):
            self.assertEqual(as_user(user).get(url).status_code, 403, user)
            self.assertEqual(as_user(user).get("/kantoor/vraag/").status_code, 403, user)
            self.assertEqual(as_user(user).post(f"{url}sluiten/").status_code, 403, user)
        # Learners and project leaders: 403 in the office.
        for user in (self.learner.user, self.contact.user):
            self.assertEqual(as_user(user).get(url).status_code, 403, user)
        # A trainer out of scope (a project of client B they do not train in): 404.
        project = create_project(
            client=self.client_b, name="Los project", starts_on=NOW.date(), ends_on=NOW.date(), by=self.ca
        )
        add_participant(project=project, learner=self.learner_other_client, by=self.ca)
        outside = self.ask(learner=self.learner_other_client, project=project)
        self.assertEqual(as_user(self.trainer).get(f"/kantoor/vraag/{outside.code}/").status_code, 404)
        self.assertEqual(as_user(self.trainer).post(f"/kantoor/vraag/{outside.code}/sluiten/").status_code, 404)
        self.assertNotContains(as_user(self.trainer).get("/kantoor/vraag/"), outside.code)
        self.assertEqual(as_user(self.helpdesk).get(f"/kantoor/vraag/{outside.code}/").status_code, 200)
        self.assertEqual(as_user(self.trainer).get("/kantoor/vraag/NOPE/").status_code, 404)
        outside.refresh_from_db()
        self.assertIsNone(outside.closed_at)

    def test_U9_contact_gets_403_for_own_client_thread_404_for_other(self) -> None:
        from django.core.exceptions import PermissionDenied
        from django.http import Http404

        from access.questions import access_thread

        thread = self.ask()
        with self.assertRaises(PermissionDenied):
            access_thread(self.contact.user, thread.code)
        with self.assertRaises(Http404):
            access_thread(self.contact_other_client.user, thread.code)

    def test_U9_close_removes_from_open_list_and_blocks_replies(self) -> None:
        thread = self.ask()
        office = as_user(self.ca)
        response = office.post(f"/kantoor/vraag/{thread.code}/sluiten/")
        self.assertRedirects(response, "/kantoor/vraag/")
        thread.refresh_from_db()
        self.assertIsNotNone(thread.closed_at)
        self.assertNotContains(office.get("/kantoor/vraag/"), thread.subject)
        self.assertEqual(office.get(f"/kantoor/vraag/{thread.code}/sluiten/").status_code, 405)
        response = as_user(self.learner.user).post(f"/portal/vragen/vraag/{thread.code}/", {"body": "Nog een vraag"})
        self.assertContains(response, "Deze vraag is gesloten.")
        self.assertEqual(thread.messages.count(), 1)

    def test_U9_office_list_query_count_equal_for_1_and_50_threads(self) -> None:
        office = as_user(self.ca)
        self.ask()
        office.get("/kantoor/vraag/")  # warm the session and caches
        with CaptureQueriesContext(connection) as one:
            response = office.get("/kantoor/vraag/")
        self.assertContains(response, "Huiswerk", count=1)
        learners = [
            create_learner(client=self.client_a, email=f"vraag{i}@zuiderveen.example", full_name=f"V {i}", by=self.ca)
            for i in range(49)
        ]
        for learner in learners:
            add_participant(project=self.project_a, learner=learner, by=self.ca)
            self.ask(learner=learner)
        with self.assertNumQueries(len(one.captured_queries)):
            response = office.get("/kantoor/vraag/")
        self.assertContains(response, "Huiswerk", count=50)

    def test_L1_portal_list_query_count_equal_for_1_and_50_threads(self) -> None:
        portal = as_user(self.learner.user)
        self.ask()
        portal.get("/portal/vragen/")
        with CaptureQueriesContext(connection) as one:
            portal.get("/portal/vragen/")
        for _i in range(49):
            self.ask()
        with self.assertNumQueries(len(one.captured_queries)):
            response = portal.get("/portal/vragen/")
        self.assertContains(response, "/portal/vragen/vraag/", count=50)


class OpenQuestionsOnHomeTests(CastTestCase):
    def test_U9_office_home_counts_questions_waiting_for_an_answer(self) -> None:
        thread = ask_question(
            learner=self.learner,
            project=self.project_a,
            subject="Huiswerk",
            body="Mag het langer?",
            by=self.learner.user,
        )
        self.login(self.helpdesk)
        response = self.client.get(reverse("office:home"))
        self.assertEqual(response.context["open_questions"], 1)
        self.assertContains(response, "1 vraag wacht op antwoord")
        answer_question(thread=thread, body="Ja, tot 2 pagina's.", by=self.helpdesk)
        self.assertEqual(self.client.get(reverse("office:home")).context["open_questions"], 0)
        self.login(self.marketing)  # no ANSWER_QUESTIONS task: no such section
        self.assertNotIn("open_questions", self.client.get(reverse("office:home")).context)
