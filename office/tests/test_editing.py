"""Issue 5: edit a project, a group, a session and a client's name (S4: the CA creates projects)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from training.actions import add_session, create_project
from training.models import Enrolment, Session

REFUSED_ROLES = ("programmer", "trainer", "adviser", "marketing", "helpdesk", "security")


class EditPagesTests(CastTestCase):
    session: Session

    def setUp(self) -> None:
        super().setUp()
        self.login(self.ca)
        session = Session.objects.filter(group=self.group_a1).order_by("starts_at").first()
        assert session is not None
        self.session = session

    def project_data(self, **changes: object) -> dict[str, object]:
        data: dict[str, object] = {
            "name": "Helder schrijven 2027",
            "description": "Nieuwe omschrijving",
            "starts_on": "2027-01-10",
            "ends_on": "2027-03-10",
            "adviser": self.adviser.pk,
            "enrolment_deadline": "2027-01-05T17:00",
            "hours": "12.5",
            "min_attendance_percent": "75",
        }
        data.update(changes)
        return data

    def test_S4_ca_edits_a_project_with_an_audit_record(self) -> None:
        url = reverse("office:project-edit", args=[self.project_a.code])
        page = self.client.get(url)
        self.assertContains(page, self.project_a.name)
        self.assertContains(page, f'value="{self.project_a.starts_on.isoformat()}"')
        response = self.client.post(url, self.project_data())
        self.assertRedirects(response, reverse("office:project-detail", args=[self.project_a.code]))
        self.project_a.refresh_from_db()
        self.assertEqual(self.project_a.name, "Helder schrijven 2027")
        self.assertEqual(self.project_a.ends_on, date(2027, 3, 10))
        self.assertEqual(self.project_a.hours, Decimal("12.5"))
        self.assertEqual(self.project_a.min_attendance_percent, 75)
        self.assertEqual(self.project_a.adviser, self.adviser)
        deadline = timezone.localtime(self.project_a.enrolment_deadline)
        self.assertEqual((deadline.date(), deadline.hour), (date(2027, 1, 5), 17))
        event = (
            AuditEvent.objects.filter(event=Event.DATA_CHANGED, target_code=self.project_a.code).order_by("id").last()
        )
        assert event is not None
        self.assertEqual(event.actor, self.ca)
        self.assertIn("min_attendance_percent", event.data["changed"])

    def test_S4_project_edit_bad_input_gets_dutch_errors_and_changes_nothing(self) -> None:
        url = reverse("office:project-edit", args=[self.project_a.code])
        before = self.project_a.name
        response = self.client.post(url, self.project_data(ends_on="2026-12-01"))
        self.assertContains(response, "De einddatum ligt voor de startdatum.")
        response = self.client.post(url, self.project_data(min_attendance_percent="120"))
        self.assertContains(response, "Vul een percentage tussen 0 en 100 in.")
        self.project_a.refresh_from_db()
        self.assertEqual(self.project_a.name, before)

    def test_S4_edit_group_capacity_never_below_enrolled(self) -> None:
        url = reverse("office:group-edit", args=[self.group_a1.code])
        enrolled = Enrolment.objects.filter(group=self.group_a1, status=Enrolment.Status.ENROLLED).count()
        self.assertGreater(enrolled, 1)
        data = {"name": "Groep A1 nieuw", "capacity": enrolled - 1, "trainer": self.trainer2.pk, "location": "Zaal 9"}
        response = self.client.post(url, data)
        self.assertContains(response, f"Er zijn al {enrolled} cursisten ingeschreven")
        self.group_a1.refresh_from_db()
        self.assertNotEqual(self.group_a1.name, "Groep A1 nieuw")
        response = self.client.post(url, {**data, "capacity": enrolled})
        self.assertRedirects(response, reverse("office:project-detail", args=[self.project_a.code]))
        self.group_a1.refresh_from_db()
        self.assertEqual(
            (self.group_a1.name, self.group_a1.capacity, self.group_a1.trainer, self.group_a1.location),
            ("Groep A1 nieuw", enrolled, self.trainer2, "Zaal 9"),
        )

    def test_S4_edit_session_end_after_start(self) -> None:
        url = reverse("office:session-edit", args=[self.session.code])
        local = timezone.localtime(self.session.starts_at)
        self.assertContains(self.client.get(url), local.strftime("%Y-%m-%dT%H:%M"))
        data = {"title": "Terugkom", "starts_at": "2027-02-01T10:00", "ends_at": "2027-02-01T09:00", "location": "X"}
        response = self.client.post(url, data)
        self.assertContains(response, "Een bijeenkomst eindigt na het begin.")
        self.session.refresh_from_db()
        self.assertNotEqual(self.session.title, "Terugkom")
        response = self.client.post(url, {**data, "ends_at": "2027-02-01T12:00", "trainer": self.trainer.pk})
        self.assertRedirects(response, reverse("office:project-detail", args=[self.project_a.code]))
        self.session.refresh_from_db()
        self.assertEqual((self.session.title, self.session.location), ("Terugkom", "X"))
        self.assertEqual(timezone.localtime(self.session.ends_at).hour, 12)

    def test_S4_edit_client_name_unique(self) -> None:
        url = reverse("office:client-edit", args=[self.client_a.code])
        response = self.client.post(url, {"name": self.client_b.name.upper()})
        self.assertContains(response, "Er bestaat al een klant met deze naam.")
        response = self.client.post(url, {"name": "Gemeente Noorderveen"})
        self.assertRedirects(response, reverse("office:client-detail", args=[self.client_a.code]))
        self.client_a.refresh_from_db()
        self.assertEqual(self.client_a.name, "Gemeente Noorderveen")

    def test_S4_detail_pages_link_the_edit_pages(self) -> None:
        page = self.client.get(reverse("office:project-detail", args=[self.project_a.code]))
        self.assertContains(page, reverse("office:project-edit", args=[self.project_a.code]))
        self.assertContains(page, reverse("office:group-edit", args=[self.group_a1.code]))
        self.assertContains(page, reverse("office:session-edit", args=[self.session.code]))
        page = self.client.get(reverse("office:client-detail", args=[self.client_a.code]))
        self.assertContains(page, reverse("office:client-edit", args=[self.client_a.code]))

    def test_S4_edit_refusals(self) -> None:
        urls = [
            reverse("office:project-edit", args=[self.project_a.code]),
            reverse("office:group-edit", args=[self.group_a1.code]),
            reverse("office:session-edit", args=[self.session.code]),
            reverse("office:client-edit", args=[self.client_a.code]),
        ]
        for role in REFUSED_ROLES:
            self.login(getattr(self, role))
            for url in urls:
                self.assertEqual(self.client.post(url, {"name": "x"}).status_code, 403, (role, url))
        self.login(self.learner.user)
        self.assertEqual(self.client.get(urls[0]).status_code, 403)
        self.login(self.ca)
        for name in ("project-edit", "group-edit", "session-edit", "client-edit"):
            self.assertEqual(self.client.get(reverse(f"office:{name}", args=["GEENCODE"])).status_code, 404, name)
        self.project_a.refresh_from_db()
        self.assertNotEqual(self.project_a.name, "x")

    def test_S4_edit_pages_and_project_detail_query_counts_are_flat(self) -> None:
        project = create_project(
            client=self.client_a, name="Leeg", starts_on=date(2027, 1, 1), ends_on=date(2027, 2, 1), by=self.ca
        )
        from training.actions import create_group

        group = create_group(project=project, name="G", by=self.ca, trainer=self.trainer)
        start = timezone.now() + timedelta(days=30)

        def add(n: int) -> None:
            for i in range(n):
                add_session(
                    group=group, starts_at=start + timedelta(days=i), ends_at=start + timedelta(days=i, hours=2),
                    location="Zaal", by=self.ca,
                )  # fmt: skip

        def count(url: str) -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(ctx.captured_queries)

        detail = reverse("office:project-detail", args=[project.code])
        add(1)
        first = Session.objects.filter(group=group).first()
        assert first is not None
        edits = [
            reverse("office:project-edit", args=[project.code]),
            reverse("office:group-edit", args=[group.code]),
            reverse("office:session-edit", args=[first.code]),
        ]
        before = [count(detail)] + [count(u) for u in edits]
        add(49)
        after = [count(detail)] + [count(u) for u in edits]
        self.assertEqual(before, after)
        self.assertEqual(before, [12, 6, 6, 6])
