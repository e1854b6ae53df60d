from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import override_settings
from django.utils import timezone

from clients.actions import create_learner
from clients.models import Learner
from cursistensite.testing import CastTestCase
from messaging.actions import MAX_ATTEMPTS, backoff, deliver_due, queue_mail, requeue_stale
from messaging.invitations import invite_learners
from messaging.models import MailMessage
from messaging.testing import LoopbackSmtp
from training.actions import add_participant
from training.models import Participation


class SmtpTestCase(CastTestCase):
    smtp: LoopbackSmtp

    def setUp(self) -> None:
        super().setUp()
        self.smtp = LoopbackSmtp()
        self.smtp.start()
        self.addCleanup(self.smtp.stop)
        overrider = override_settings(**self.smtp.settings())
        overrider.enable()
        self.addCleanup(overrider.disable)

    def make_learners(self, n: int) -> list[Learner]:
        learners = []
        for i in range(n):
            learner = create_learner(
                client=self.client_a, email=f"bulk{i}@zuiderveen.example", full_name=f"Bulk {i}", by=self.ca
            )
            add_participant(project=self.project_a, learner=learner, by=self.ca)
            learners.append(learner)
        return learners


class OutboxTests(SmtpTestCase):
    def test_U4_mail_arrives_once_over_real_smtp(self) -> None:
        queue_mail(template="invitation", to="x@zuiderveen.example", context={"name": "X", "url": "https://e/x"})
        self.assertEqual(deliver_due(), {"sent": 1, "retry": 0, "failed": 0})
        self.assertEqual(deliver_due(), {"sent": 0, "retry": 0, "failed": 0})
        self.assertEqual(self.smtp.recipients(), ["x@zuiderveen.example"])
        self.assertEqual(MailMessage.objects.get().status, MailMessage.Status.SENT)

    def test_U4_U5_bulk_invitation_during_outage_then_every_mail_exactly_once(self) -> None:
        learners = self.make_learners(40)
        self.smtp.stop()  # the outage
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.assertEqual(invite_learners(project=self.project_a, learners=learners, by=self.ca), 40)
            counts = deliver_due()
        self.assertEqual(counts, {"sent": 0, "retry": 40, "failed": 0})
        rows = list(MailMessage.objects.filter(kind="invitation"))
        self.assertEqual(len(rows), 40)
        for row in rows:
            self.assertEqual(row.status, MailMessage.Status.QUEUED)
            self.assertEqual(row.attempts, 1)
            self.assertEqual(row.next_attempt_at, start + backoff(1))
            self.assertIn("ConnectionRefusedError", row.last_error)
        # Still down one minute later: the back-off grows.
        with time_machine.travel(start + timedelta(minutes=1, seconds=1), tick=False):
            self.assertEqual(deliver_due()["retry"], 40)
        self.assertEqual(
            set(MailMessage.objects.values_list("next_attempt_at", flat=True)),
            {start + timedelta(minutes=1, seconds=1) + backoff(2)},
        )
        # Before the back-off has passed nothing is tried, even with the server back.
        self.smtp.start()
        with time_machine.travel(start + timedelta(minutes=2), tick=False):
            self.assertEqual(deliver_due(), {"sent": 0, "retry": 0, "failed": 0})
        self.assertEqual(self.smtp.inbox, [])
        with time_machine.travel(start + timedelta(minutes=10), tick=False):
            self.assertEqual(deliver_due()["sent"], 40)
            self.assertEqual(deliver_due()["sent"], 0)
            self.assertEqual(requeue_stale(), 0)
        expected = sorted(learner.user.email for learner in learners)
        self.assertEqual(sorted(self.smtp.recipients()), expected)  # each exactly once
        self.assertEqual(MailMessage.objects.filter(status=MailMessage.Status.SENT).count(), 40)
        self.assertEqual(Participation.objects.filter(learner__in=learners, invited_at__isnull=False).count(), 40)
        self.assertTrue(all("/account/uitnodiging/" in body for body in self.smtp.text_bodies()))

    def test_U5_mail_fails_for_good_after_max_attempts(self) -> None:
        self.smtp.stop()
        queue_mail(template="invitation", to="y@zuiderveen.example", context={"name": "Y", "url": "https://e/y"})
        moment = timezone.now()
        for _ in range(MAX_ATTEMPTS):
            moment += timedelta(hours=7)
            deliver_due(now=moment)
        row = MailMessage.objects.get()
        self.assertEqual((row.status, row.attempts), (MailMessage.Status.FAILED, MAX_ATTEMPTS))

    def test_U5_crashed_worker_mail_goes_back_to_queue(self) -> None:
        message = queue_mail(template="invitation", to="z@zuiderveen.example", context={"name": "Z", "url": "u"})
        MailMessage.objects.filter(pk=message.pk).update(
            status=MailMessage.Status.SENDING, next_attempt_at=timezone.now() - timedelta(hours=1)
        )
        self.assertEqual(deliver_due()["sent"], 0)
        self.assertEqual(requeue_stale(), 1)
        self.assertEqual(deliver_due()["sent"], 1)
        self.assertEqual(len(self.smtp.inbox), 1)
