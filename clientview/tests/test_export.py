from __future__ import annotations

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent, Event
from clients.actions import create_learner
from cursistensite.testing import CastTestCase
from training import actions as training
from training.exports import build_progress_csv, build_progress_xlsx, neutralise


# Every clientview HTML page, as (url name, args) built from the cast.
def html_pages(case: CastTestCase) -> list[tuple[str, list[str]]]:
    p = case.project_a.code
    session = case.world.clients[0].sessions[case.group_a1.code][0]
    return [
        ("clientview:home", []),
        ("clientview:project-detail", [p]),
        ("clientview:progress-list", [p]),
        ("clientview:learner-detail", [p, case.learner.code]),
        ("clientview:group-list", [p]),
        ("clientview:group-detail", [case.group_a1.code]),
        ("clientview:session-list", [p]),
        ("clientview:session-attendance", [session.code]),
        ("clientview:wishes", [p]),
        ("clientview:preparation", [p]),
        ("clientview:evaluations", [p]),
    ]


class ExportTests(CastTestCase):
    def url(self, project_code: str, fmt: str) -> str:
        return reverse("clientview:progress-export", args=[project_code, fmt])

    def rows_from_xlsx(self, content: bytes) -> list[list[object]]:
        sheet = load_workbook(io.BytesIO(content)).active
        assert sheet is not None
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_U6_D2_xlsx_export_has_employee_numbers_groups_statuses_dates_and_attendance(self) -> None:
        session = self.world.clients[0].sessions[self.group_a1.code][0]
        training.record_attendance(session=session, learner=self.learner, status="present", by=self.trainer)
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, "xlsx"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertIn('attachment; filename="voortgang-Helder-schrijven-voor-burgers-', response["Content-Disposition"])
        header, *rows = self.rows_from_xlsx(response.content)
        self.assertEqual(header[:4], ["Naam", "E-mailadres", "Personeelsnummer", "Groep"])
        self.assertEqual(header[4:6], ["Intake invullen: status", "Intake invullen: datum"])
        self.assertEqual(header[-2:], ["Aanwezig (bijeenkomsten)", "Bijeenkomsten van de groep"])
        by_name = {row[0]: row for row in rows}
        self.assertEqual(len(by_name), 6)
        self.assertNotIn(self.learner_other_client.name, by_name)
        sanne = by_name["Sanne Jansen"]
        self.assertEqual(sanne[1:4], [self.learner.email, "ZV-1001", "Groep A"])
        self.assertEqual(sanne[4], "Begonnen")
        self.assertRegex(str(sanne[5]), r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
        self.assertEqual(by_name["Daan Visser"][4], "Klaar")
        self.assertEqual(by_name["Pieter Smit"][4], "Niet begonnen")
        self.assertEqual(sanne[-2:], [1, 2])
        self.assertEqual(by_name["Fatima El Amrani"][2], None)  # no employee number: an empty cell

    def test_U6_csv_export_is_semicolon_separated_utf8_with_bom(self) -> None:
        self.login(self.contact.user)
        response = self.client.get(self.url(self.project_a.code, "csv"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][:4], ["Naam", "E-mailadres", "Personeelsnummer", "Groep"])
        by_name = {row[0]: row for row in rows[1:]}
        self.assertEqual(by_name["Yusuf Demir"][2:4], ["ZV-1006", "Groep B"])
        self.assertEqual(by_name["Sanne Jansen"][-2:], ["0", "2"])

    def test_U6_cells_that_could_start_a_formula_are_neutralised(self) -> None:
        evil = create_learner(
            client=self.client_a,
            email="evil@test.example",
            full_name='=HYPERLINK("http://x.example","klik")',
            employee_number="+31-6",
            by=self.ca,
        )
        training.place_in_group(group=self.group_a2, learner=evil, by=self.ca)
        others = [("-2+3", "@SUM(A1)"), ("\tTab", "\rCR")]
        for i, (name, number) in enumerate(others):
            learner = create_learner(
                client=self.client_a, email=f"e{i}@test.example", full_name=name, employee_number=number, by=self.ca
            )
            training.add_participant(project=self.project_a, learner=learner, by=self.ca)
        xlsx = self.rows_from_xlsx(build_progress_xlsx(self.project_a))
        sheet = load_workbook(io.BytesIO(build_progress_xlsx(self.project_a))).active
        assert sheet is not None
        self.assertFalse(any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row))
        names = {row[0]: row[2] for row in xlsx[1:]}
        self.assertEqual(names['\'=HYPERLINK("http://x.example","klik")'], "'+31-6")
        self.assertEqual(names["'-2+3"], "'@SUM(A1)")
        # XML turns the carriage return into a newline on reading; the apostrophe still comes first.
        self.assertIn(names["'\tTab"], ("'\rCR", "'\nCR"))
        rows = list(csv.reader(io.StringIO(build_progress_csv(self.project_a).decode("utf-8-sig")), delimiter=";"))
        csv_names = {row[0]: row[2] for row in rows[1:]}
        self.assertEqual(csv_names['\'=HYPERLINK("http://x.example","klik")'], "'+31-6")
        self.assertEqual(csv_names["'-2+3"], "'@SUM(A1)")
        self.assertEqual(csv_names["'\tTab"], "'\rCR")
        # Numbers stay numbers; harmless text is left alone.
        self.assertEqual(neutralise(-3), -3)
        self.assertEqual(neutralise("Sanne"), "Sanne")

    def test_U6_D4_export_is_recorded_in_the_activity_log(self) -> None:
        self.login(self.contact.user)
        self.client.get(self.url(self.project_a.code, "csv"))
        event = AuditEvent.objects.get(event=Event.EXPORTED)
        self.assertEqual(event.actor, self.contact.user)
        self.assertEqual(event.client, self.client_a)
        self.assertEqual(event.target_code, self.project_a.code)
        self.assertEqual(event.data, {"report": "progress", "format": "csv"})

    def test_U6_export_refusals(self) -> None:
        self.login(self.contact.user)
        self.assertEqual(self.client.get(self.url(self.project_b.code, "xlsx")).status_code, 404)
        self.assertEqual(self.client.get(self.url(self.project_a.code, "pdf")).status_code, 404)
        self.login(self.learner.user)
        self.assertEqual(self.client.get(self.url(self.project_a.code, "xlsx")).status_code, 403)
        self.login(self.ca)
        self.assertEqual(self.client.get(self.url(self.project_a.code, "csv")).status_code, 403)
        self.assertFalse(AuditEvent.objects.filter(event=Event.EXPORTED).exists())

    def test_D2_employee_number_on_no_clientview_page_but_in_the_export(self) -> None:
        numbers = [learner.employee_number for learner in self.world.clients[0].learners if learner.employee_number]
        self.assertEqual(len(numbers), 4)
        session = self.world.clients[0].sessions[self.group_a1.code][0]
        self.login(self.contact.user)
        for name, args in html_pages(self):
            response = self.client.get(reverse(name, args=args))
            self.assertEqual(response.status_code, 200, name)
            for number in numbers:
                self.assertNotContains(response, number, msg_prefix=name)
        for name, args in [
            ("clientview:project-calendar", [self.project_a.code]),
            ("clientview:session-attendance-pdf", [session.code]),
        ]:
            content = self.client.get(reverse(name, args=args)).content
            for number in numbers:
                self.assertNotIn(number.encode(), content, name)
        csv_text = self.client.get(self.url(self.project_a.code, "csv")).content.decode("utf-8-sig")
        for number in numbers:
            self.assertIn(number, csv_text)
