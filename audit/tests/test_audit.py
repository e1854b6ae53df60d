"""D4: the activity log is written inside the transaction of the change, and only the security
officer reads and filters it in the office."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.db import transaction
from django.test import Client as HttpClient
from django.urls import reverse

from accounts.actions import grant_role
from accounts.models import User
from accounts.roles import Role
from audit.actions import record
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from training.actions import complete_action, start_action

AUDIT_LOG = reverse("office:audit-log")
AMS = ZoneInfo("Europe/Amsterdam")


class Boom(Exception):
    pass


class WrittenInTheTransactionTests(CastTestCase):
    def test_D4_rolled_back_action_leaves_no_audit_row(self) -> None:
        action = self.world.clients[0].actions["homework"]
        before = AuditEvent.objects.count()
        with self.assertRaises(Boom), transaction.atomic():
            start_action(action=action, learner=self.learner, by=self.learner.user)
            self.assertEqual(AuditEvent.objects.count(), before + 1)
            raise Boom
        self.assertEqual(AuditEvent.objects.count(), before)
        self.assertFalse(AuditEvent.objects.filter(event=Event.ACTION_STARTED, target_code=action.code).exists())

    def test_S3_rolled_back_role_grant_leaves_no_audit_row(self) -> None:
        with self.assertRaises(Boom), transaction.atomic():
            grant_role(user=self.marketing, role=Role.CA, by=self.security)
            raise Boom
        granted = AuditEvent.objects.filter(event=Event.ROLE_GRANTED, target_code=self.marketing.code)
        self.assertEqual([e.data["role"] for e in granted], ["marketing"])
        self.assertFalse(self.marketing.role_assignments.filter(role=Role.CA).exists())

    def test_D4_start_and_finish_of_an_action_are_recorded(self) -> None:
        action = self.world.clients[0].actions["homework"]
        start_action(action=action, learner=self.learner, by=self.learner.user)
        complete_action(action=action, learner=self.learner, by=self.learner.user)
        # Starting or finishing again records nothing new.
        start_action(action=action, learner=self.learner, by=self.learner.user)
        complete_action(action=action, learner=self.learner, by=self.learner.user)
        events = AuditEvent.objects.filter(target_code=action.code, event__startswith="action_").order_by("id")
        self.assertEqual([e.event for e in events], [Event.ACTION_STARTED, Event.ACTION_COMPLETED])
        for event in events:
            self.assertEqual((event.actor, event.client), (self.learner.user, self.client_a))

    def test_S3_role_grant_is_recorded(self) -> None:
        grant_role(user=self.marketing, role=Role.TRAINER, by=self.security)
        event = AuditEvent.objects.get(event=Event.ROLE_GRANTED, target_code=self.marketing.code, data__role="trainer")
        self.assertEqual(event.actor, self.security)

    def test_D4_record_keeps_no_employee_number(self) -> None:
        # The learner row is the target; its label is the name, never the employee number.
        self.assertTrue(self.learner.employee_number)
        event = record(Event.DATA_CHANGED, actor=self.ca, target=self.learner)
        self.assertEqual(event.client, self.client_a)
        self.assertNotIn(self.learner.employee_number, f"{event.target_label} {event.target_code} {event.data}")


class AuditLogPageTests(CastTestCase):
    def setUp(self) -> None:
        self.login(self.security)

    def test_D4_security_officer_reads_the_log(self) -> None:
        record(Event.DATA_CHANGED, actor=self.ca, target=self.project_a)
        response = self.client.get(AUDIT_LOG)
        self.assertContains(response, "Activiteitenlog")
        self.assertContains(response, self.ca.email)
        self.assertContains(response, "Gegevens gewijzigd")
        self.assertContains(response, self.project_a.name)
        self.assertContains(response, '<th scope="col">')
        self.assertContains(response, "<caption")

    def test_D4_filter_by_event(self) -> None:
        record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        record(Event.DATA_CHANGED, actor=self.ca, target=self.project_b)
        response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED})
        rows = list(response.context["page"])
        self.assertEqual({e.event for e in rows}, {Event.EXPORTED})
        self.assertContains(response, self.project_a.name)
        self.assertNotContains(response, self.project_b.name)

    def test_D4_filter_by_actor(self) -> None:
        record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        record(Event.EXPORTED, actor=self.helpdesk, target=self.project_b)
        response = self.client.get(AUDIT_LOG, {"actor": "HELPDESK@"})
        rows = list(response.context["page"])
        self.assertTrue(rows)
        self.assertEqual({e.actor for e in rows}, {self.helpdesk})

    def test_D4_filter_by_dates(self) -> None:
        days = [datetime(2026, 3, d, 12, 0, tzinfo=AMS) for d in (1, 2, 3)]
        for day, project in zip(days, (self.project_a, self.project_b, self.project_a), strict=True):
            with time_machine.travel(day):
                record(Event.EXPORTED, actor=self.ca, target=project)
        with time_machine.travel(days[-1] + timedelta(hours=1)):
            self.login(self.security)
            response = self.client.get(
                AUDIT_LOG, {"event": Event.EXPORTED, "since": "2026-03-02", "until": "2026-03-02"}
            )
            self.assertEqual([e.at for e in response.context["page"]], [days[1]])
            response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED, "since": "2026-03-02"})
            self.assertEqual([e.at for e in response.context["page"]], [days[2], days[1]])
            response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED, "until": "2026-03-01"})
            self.assertEqual([e.at for e in response.context["page"]], [days[0]])

    def test_D4_day_boundaries_follow_dutch_time(self) -> None:
        late = datetime.combine(datetime(2026, 6, 1).date(), time(23, 30), tzinfo=AMS)  # 21:30 UTC
        with time_machine.travel(late):
            record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED, "since": "2026-06-01", "until": "2026-06-01"})
        self.assertEqual(len(response.context["page"]), 1)

    def test_D4_bad_filter_input_gets_a_dutch_message_and_shows_nothing(self) -> None:
        record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        response = self.client.get(AUDIT_LOG, {"since": "gisteren"})
        self.assertContains(response, "Voer een geldige datum in.")
        self.assertEqual(len(response.context["page"]), 0)
        response = self.client.get(AUDIT_LOG, {"since": "2026-03-05", "until": "2026-03-01"})
        self.assertContains(response, "De begindatum ligt na de einddatum.")
        response = self.client.get(AUDIT_LOG, {"event": "verzonnen"})
        self.assertContains(response, "Selecteer een geldige keuze.")

    def test_D4_pages_keep_the_filter(self) -> None:
        for _ in range(101):
            record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED})
        self.assertContains(response, "Pagina 1 van 2")
        self.assertContains(response, "?event=exported&amp;pagina=2")
        response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED, "pagina": "2"})
        self.assertEqual([e.event for e in response.context["page"]], [Event.EXPORTED])

    def test_D4_audit_log_query_count_is_the_same_for_1_and_50_rows(self) -> None:
        AuditEvent.objects.all().delete()
        record(Event.EXPORTED, actor=self.ca, target=self.project_a)
        with self.assertNumQueries(QUERIES):
            response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED})
        self.assertEqual(len(response.context["page"]), 1)
        for n in range(49):
            record(Event.EXPORTED, actor=self.ca, target=self.project_b if n % 2 else self.client_b)
        with self.assertNumQueries(QUERIES):
            response = self.client.get(AUDIT_LOG, {"event": Event.EXPORTED})
        self.assertEqual(len(response.context["page"]), 50)


# session, user, OTP device, roles, count, page of events
QUERIES = 6


class AuditLogRefusalTests(CastTestCase):
    def test_D4_every_other_role_gets_403(self) -> None:
        others = [
            self.programmer,
            self.ca,
            self.trainer,
            self.adviser,
            self.marketing,
            self.helpdesk,
            self.third_party,
        ]
        for user in others:
            with self.subTest(user=user.email):
                self.assertEqual(self.login(user, HttpClient()).get(AUDIT_LOG).status_code, 403)

    def test_D4_learners_and_contacts_get_403(self) -> None:
        for user in (
            self.learner.user,
            self.learner_other_client.user,
            self.contact.user,
            self.contact_other_client.user,
        ):
            with self.subTest(user=user.email):
                self.assertEqual(self.login(user, HttpClient()).get(AUDIT_LOG).status_code, 403)

    def test_D4_anonymous_is_sent_to_login(self) -> None:
        response = HttpClient().get(AUDIT_LOG)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))

    def test_D4_security_officer_without_second_factor_is_sent_to_enrol(self) -> None:
        http = HttpClient()
        http.force_login(self.security)
        self.assertTrue(http.get(AUDIT_LOG)["Location"].startswith(reverse("accounts:two-factor")))

    def test_S3_a_second_role_does_not_open_the_log(self) -> None:
        grant_role(user=self.ca, role=Role.HELPDESK, by=self.security)
        user = User.objects.get(pk=self.ca.pk)
        self.assertEqual(self.login(user, HttpClient()).get(AUDIT_LOG).status_code, 403)

    def test_S3_granting_the_security_role_opens_the_log(self) -> None:
        grant_role(user=self.ca, role=Role.SECURITY_OFFICER, by=self.security)
        user = User.objects.get(pk=self.ca.pk)
        self.assertEqual(self.login(user, HttpClient()).get(AUDIT_LOG).status_code, 200)

    def test_D4_audit_log_has_no_state_changing_method(self) -> None:
        http = self.login(self.security, HttpClient())
        self.assertEqual(http.post(AUDIT_LOG, {"event": "login"}).status_code, 405)
