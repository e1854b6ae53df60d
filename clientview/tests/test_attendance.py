from __future__ import annotations

import io

from django.urls import reverse
from pypdf import PdfReader

from cursistensite.testing import CastTestCase
from training import actions as training
from training.models import Session


class AttendanceTests(CastTestCase):
    session: Session

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.session = cls.world.clients[0].sessions[cls.group_a1.code][0]
        training.record_attendance(session=cls.session, learner=cls.learner, status="present", by=cls.trainer)
        training.record_attendance(
            session=cls.session, learner=cls.learner_same_group, status="excused", by=cls.trainer
        )

    def test_P7_attendance_list_shows_every_member_with_status(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:session-attendance", args=[self.session.code]))
        self.assertEqual(response.status_code, 200)
        statuses = {line.learner.name: line.status for line in response.context["lines"]}
        self.assertEqual(
            statuses, {"Sanne Jansen": "present", "Daan Visser": "excused", "Fatima El Amrani": "not_recorded"}
        )
        self.assertContains(response, "✓ Aanwezig")
        self.assertContains(response, "– Afgemeld")
        self.assertContains(response, "? Niet geregistreerd")
        self.assertEqual(response.context["totals"]["present"], 1)
        self.assertNotContains(response, self.learner.employee_number)

    def test_P7_session_list_counts_attendance(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:session-list", args=[self.project_a.code]))
        self.assertContains(response, "aanwezig 1, te laat 0, afwezig 0, afgemeld 1")

    def test_P7_printable_pdf_lists_the_names(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(reverse("clientview:session-attendance-pdf", args=[self.session.code]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment;", response["Content-Disposition"])
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        for name in ("Sanne Jansen", "Daan Visser", "Fatima El Amrani", "Presentielijst", "Afgemeld"):
            self.assertIn(name, text)
        self.assertNotIn(self.learner_other_group.name, text)
        self.assertNotIn(self.learner.employee_number, text)

    def test_P7_refusals(self) -> None:
        other = self.world.clients[1].sessions[self.group_b1.code][0]
        self.login(self.contact.user)
        for name in ("clientview:session-attendance", "clientview:session-attendance-pdf"):
            self.assertEqual(self.client.get(reverse(name, args=[other.code])).status_code, 404)
        self.login(self.learner.user)
        for name in ("clientview:session-attendance", "clientview:session-attendance-pdf"):
            self.assertEqual(self.client.get(reverse(name, args=[self.session.code])).status_code, 403)
