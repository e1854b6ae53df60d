"""Pinned query counts: every client-view page costs the same for 1 and for 200 learners."""

from __future__ import annotations

from django.urls import reverse

from clientview.tests.helpers import BuiltProject, answer, build_project, make_questionnaire
from cursistensite.testing import CastTestCase


class QueryCountTests(CastTestCase):
    small: BuiltProject
    large: BuiltProject

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.small = build_project(cls.client_a, 1, by=cls.ca, name="Klein", trainer=cls.trainer)
        cls.large = build_project(cls.client_a, 200, by=cls.ca, name="Groot", trainer=cls.trainer)
        for built in (cls.small, cls.large):
            for kind in ("intake", "evaluation"):
                questionnaire, questions = make_questionnaire(built.project, kind)
                for learner in built.learners:
                    answer(questionnaire, questions, learner, text="Iets", single="Veel", scale=4, yes_no="ja")

    def assert_pinned(self, name: str, queries: int, args: list[str] | None = None, *, query: str = "") -> None:
        self.login(self.contact.user)
        for built in (self.small, self.large):
            url = reverse(f"clientview:{name}", args=args if args is not None else [built.project.code]) + query
            with self.subTest(name, learners=len(built.learners)), self.assertNumQueries(queries):
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)

    def test_P1_project_list(self) -> None:
        self.assert_pinned("home", 4, args=[])

    def test_P1_dashboard(self) -> None:
        self.assert_pinned("project-detail", 9)

    def test_P2_progress_table(self) -> None:
        self.assert_pinned("progress-list", 13)

    def test_P2_progress_table_filtered_and_sorted(self) -> None:
        self.assert_pinned("progress-list", 13, query="?status=started&te_laat=on&sorteer=groep")

    def test_P2_learner_page(self) -> None:
        self.login(self.contact.user)
        for built in (self.small, self.large):
            url = reverse("clientview:learner-detail", args=[built.project.code, built.learners[0].code])
            with self.assertNumQueries(12):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_P3_groups(self) -> None:
        self.assert_pinned("group-list", 6)

    def test_P3_group_page(self) -> None:
        self.login(self.contact.user)
        for built in (self.small, self.large):
            with self.assertNumQueries(7):
                self.client.get(reverse("clientview:group-detail", args=[built.group.code]))

    def test_P4_sessions_and_calendar(self) -> None:
        self.assert_pinned("session-list", 5)
        self.assert_pinned("project-calendar", 5)

    def test_P5_wishes(self) -> None:
        self.assert_pinned("wishes", 7)

    def test_P6_preparation(self) -> None:
        self.assert_pinned("preparation", 13)

    def test_P7_attendance_list_and_pdf(self) -> None:
        self.login(self.contact.user)
        for built in (self.small, self.large):
            for name in ("session-attendance", "session-attendance-pdf"):
                with self.subTest(name, learners=len(built.learners)), self.assertNumQueries(7):
                    self.client.get(reverse(f"clientview:{name}", args=[built.session.code]))

    def test_P8_evaluations(self) -> None:
        self.assert_pinned("evaluations", 7)

    def test_U6_export(self) -> None:
        self.login(self.contact.user)
        for built in (self.small, self.large):
            for fmt in ("xlsx", "csv"):
                url = reverse("clientview:progress-export", args=[built.project.code, fmt])
                with self.subTest(fmt, learners=len(built.learners)), self.assertNumQueries(16):
                    self.assertEqual(self.client.get(url).status_code, 200)
