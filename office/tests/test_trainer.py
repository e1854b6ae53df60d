from __future__ import annotations

from datetime import timedelta

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cursistensite.testing import CastTestCase
from documents.actions import upload_homework
from questionnaires.actions import submit
from questionnaires.models import Question, Questionnaire
from training.actions import add_session
from training.models import Attendance, Session


class TrainerTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.session: Session = Session.objects.filter(group=self.group_a1).order_by("starts_at")[0]

    def attendance_url(self, session: Session | None = None) -> str:
        return reverse("office:session-attendance", args=[(session or self.session).code])

    def test_trainer_home_lists_sessions_this_week_and_missing_attendance(self) -> None:
        with time_machine.travel(self.session.starts_at - timedelta(hours=1)):
            self.login(self.trainer)
            response = self.client.get(reverse("office:home"))
        self.assertContains(response, "Jouw bijeenkomsten deze week")
        self.assertContains(response, self.attendance_url())
        self.assertContains(response, "Alles is ingevuld.")
        with time_machine.travel(self.session.ends_at + timedelta(hours=1)):
            self.login(self.trainer)
            response = self.client.get(reverse("office:home"))
            self.assertContains(response, "0 van 3 ingevuld")
            self.client.post(self.attendance_url(), self.all_present())
            missing = self.client.get(reverse("office:home")).context["missing_attendance"]
            self.assertNotIn(self.session, list(missing))
            self.assertTrue(all(s.trainer == self.trainer for s in missing))

    def all_present(self, status: str = "present") -> dict[str, str]:
        members = [self.learner, self.learner_same_group] + [
            e.learner for e in self.group_a1.enrolments.exclude(learner__in=[self.learner, self.learner_same_group])
        ]
        return {f"l_{m.code}": status for m in members}

    def test_attendance_registration_present_absent_excused_late(self) -> None:
        self.login(self.trainer)
        data = self.all_present()
        data[f"l_{self.learner.code}"] = "late"
        data[f"l_{self.learner_same_group.code}"] = "excused"
        self.assertRedirects(self.client.post(self.attendance_url(), data), reverse("office:home"))
        statuses = dict(Attendance.objects.filter(session=self.session).values_list("learner", "status"))
        self.assertEqual(statuses[self.learner.pk], "late")
        self.assertEqual(statuses[self.learner_same_group.pk], "excused")
        self.assertEqual(len(statuses), 3)
        # The form shows what was recorded.
        form = self.client.get(self.attendance_url()).context["form"]
        self.assertEqual(form[f"l_{self.learner.code}"].value(), "late")

    def test_attendance_bad_input_changes_nothing(self) -> None:
        self.login(self.trainer)
        data = self.all_present()
        data[f"l_{self.learner.code}"] = "weg"
        response = self.client.post(self.attendance_url(), data)
        self.assertContains(response, "is geen beschikbare keuze")
        del data[f"l_{self.learner.code}"]
        self.assertContains(self.client.post(self.attendance_url(), data), "Kies voor iedere cursist een status.")
        self.assertFalse(Attendance.objects.exists())

    def test_attendance_refusals(self) -> None:
        self.login(self.trainer2)  # trains group A2: group A1's session is not his
        self.assertEqual(self.client.get(self.attendance_url()).status_code, 404)
        self.assertEqual(self.client.post(self.attendance_url(), self.all_present()).status_code, 404)
        self.assertEqual(self.client.get(reverse("office:session-briefing", args=[self.session.code])).status_code, 404)
        self.assertEqual(self.client.get(reverse("office:session-attendance", args=["onbekend"])).status_code, 404)
        for user in (self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            self.assertEqual(self.client.get(self.attendance_url()).status_code, 403)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.attendance_url()).status_code, 403)
        self.assertFalse(Attendance.objects.exists())
        # The CA may record for any group.
        self.login(self.ca)
        self.assertEqual(self.client.get(self.attendance_url()).status_code, 200)

    def test_briefing_shows_intake_answers_of_exactly_this_group(self) -> None:
        intake = Questionnaire.objects.create(
            client=self.client_a, project=self.project_a, kind=Questionnaire.Kind.INTAKE, title="Intake"
        )
        question = Question.objects.create(questionnaire=intake, text="Wat wil je leren?", type="short_text")
        submit(
            questionnaire=intake, learner=self.learner, answers={str(question.pk): "Korte zinnen"}, by=self.learner.user
        )
        submit(
            questionnaire=intake,
            learner=self.learner_other_group,
            answers={str(question.pk): "Geheim van groep B"},
            by=self.learner_other_group.user,
        )
        self.login(self.trainer)
        response = self.client.get(reverse("office:session-briefing", args=[self.session.code]))
        self.assertContains(response, "Wat wil je leren?")
        self.assertContains(response, "Korte zinnen")
        self.assertContains(response, self.learner_same_group.user.full_name)
        self.assertContains(response, "Heeft de intake nog niet ingevuld.")
        self.assertNotContains(response, "Geheim van groep B")
        self.assertNotContains(response, self.learner_other_group.user.full_name)
        self.assertNotContains(response, self.learner.employee_number or "geen-nummer")

    def test_uploads_of_own_learners_only(self) -> None:
        upload_homework(
            project=self.project_a, learner=self.learner, acknowledged=True, by=self.learner.user,
            file=SimpleUploadedFile("huiswerk.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        )  # fmt: skip
        self.login(self.adviser)
        self.assertContains(self.client.get(reverse("office:upload-list")), "huiswerk.pdf")
        for user in (self.ca, self.marketing, self.helpdesk):
            self.login(user)
            self.assertEqual(self.client.get(reverse("office:upload-list")).status_code, 403)

    def test_trainer_home_and_uploads_query_counts_are_flat(self) -> None:
        start = self.session.starts_at

        def count(name: str) -> int:
            with time_machine.travel(start + timedelta(hours=4)):
                self.login(self.trainer)
                with CaptureQueriesContext(connection) as ctx:
                    self.assertEqual(self.client.get(reverse(name)).status_code, 200)
            return len(ctx.captured_queries)

        for i in range(1):
            add_session(
                group=self.group_a1, starts_at=start - timedelta(minutes=i + 200), location="Zaal", by=self.ca,
                ends_at=start - timedelta(minutes=i + 100),
            )  # fmt: skip
            upload_homework(
                project=self.project_a, learner=self.learner, acknowledged=True, by=self.learner.user,
                file=SimpleUploadedFile(f"h{i}.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
            )  # fmt: skip
        before = {name: count(name) for name in ("office:home", "office:upload-list")}
        for i in range(1, 50):
            add_session(
                group=self.group_a1, starts_at=start - timedelta(minutes=i + 200), location="Zaal", by=self.ca,
                ends_at=start - timedelta(minutes=i + 100),
            )  # fmt: skip
            upload_homework(
                project=self.project_a, learner=self.learner, acknowledged=True, by=self.learner.user,
                file=SimpleUploadedFile(f"h{i}.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
            )  # fmt: skip
        after = {name: count(name) for name in ("office:home", "office:upload-list")}
        self.assertEqual(before, after)
