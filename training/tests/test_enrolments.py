"""L5: enrolment actions, waiting list, move-up, deadline and the capacity guarantee."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.test import TransactionTestCase
from django.utils import timezone

from audit.models import AuditEvent, Event
from clients.actions import create_client, create_learner
from clients.models import Learner
from cursistensite.testing import CastTestCase
from messaging.models import MailMessage
from training import actions as training
from training.enrolments import EnrolmentError, enrol, list_group_choices, withdraw
from training.models import Enrolment, TrainingGroup


class EnrolmentActionTests(CastTestCase):
    def _small_group(self, capacity: int = 1) -> TrainingGroup:
        return training.create_group(project=self.project_a, name="Klein", capacity=capacity, by=self.ca)

    def status_in(self, group: TrainingGroup, learner: Learner) -> str | None:
        row = Enrolment.objects.filter(group=group, learner=learner).first()
        return row.status if row else None

    def test_L5_switch_moves_the_place_and_keeps_one_group(self) -> None:
        enrol(group=self.group_a2, learner=self.learner, by=self.learner.user)
        self.assertEqual(self.status_in(self.group_a2, self.learner), "enrolled")
        self.assertIsNone(self.status_in(self.group_a1, self.learner))
        self.assertEqual(
            Enrolment.objects.filter(project=self.project_a, learner=self.learner, status="enrolled").count(), 1
        )
        self.assertTrue(AuditEvent.objects.filter(event=Event.ENROLLED, target_code=self.group_a2.code).exists())

    def test_L5_full_group_puts_learner_on_waiting_list_and_frees_move_up_oldest_first(self) -> None:
        small = self._small_group(capacity=1)
        enrol(group=small, learner=self.learner, by=self.learner.user)
        with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
            enrol(group=small, learner=self.learner_same_group, by=self.learner_same_group.user)
        with time_machine.travel(timezone.now() + timedelta(minutes=2), tick=False):
            enrol(group=small, learner=self.learner_other_group, by=self.learner_other_group.user)
        self.assertEqual(self.status_in(small, self.learner), "enrolled")
        self.assertEqual(self.status_in(small, self.learner_same_group), "waiting")
        # Waiting learners keep their current place until they move up.
        self.assertEqual(self.status_in(self.group_a1, self.learner_same_group), "enrolled")
        withdraw(group=small, learner=self.learner, by=self.learner.user)
        # The oldest waiting learner moved up and left their old group; the younger one still waits.
        self.assertEqual(self.status_in(small, self.learner_same_group), "enrolled")
        self.assertIsNone(self.status_in(self.group_a1, self.learner_same_group))
        self.assertEqual(self.status_in(small, self.learner_other_group), "waiting")
        mail = MailMessage.objects.get(to=self.learner_same_group.user.email)
        self.assertIn("Klein", mail.subject)
        self.assertNotIn(self.learner_same_group.employee_number, mail.body_text)

    def test_L5_move_up_cascades_into_the_group_that_was_left(self) -> None:
        small_x = self._small_group(capacity=1)
        small_y = training.create_group(project=self.project_a, name="Y", capacity=1, by=self.ca)
        enrol(group=small_x, learner=self.learner, by=self.learner.user)
        enrol(group=small_y, learner=self.learner_same_group, by=self.learner_same_group.user)
        # same_group waits for X (keeps Y); other_group waits for Y.
        enrol(group=small_x, learner=self.learner_same_group, by=self.learner_same_group.user)
        enrol(group=small_y, learner=self.learner_other_group, by=self.learner_other_group.user)
        withdraw(group=small_x, learner=self.learner, by=self.learner.user)
        self.assertEqual(self.status_in(small_x, self.learner_same_group), "enrolled")
        self.assertEqual(self.status_in(small_y, self.learner_other_group), "enrolled")
        self.assertIsNone(self.status_in(small_y, self.learner_same_group))

    def test_L5_capacity_is_never_exceeded_in_sequence(self) -> None:
        small = self._small_group(capacity=2)
        for learner in self.world.clients[0].learners:
            enrol(group=small, learner=learner, by=learner.user)
        self.assertEqual(Enrolment.objects.filter(group=small, status="enrolled").count(), 2)
        self.assertEqual(Enrolment.objects.filter(group=small, status="waiting").count(), 4)

    def test_L5_deadline_refuses_enrol_switch_and_withdraw_and_changes_nothing(self) -> None:
        deadline = self.project_a.enrolment_deadline
        assert deadline is not None
        with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
            enrol(group=self.group_a2, learner=self.learner_same_group, by=self.learner_same_group.user)
        before = list(Enrolment.objects.order_by("pk").values_list("pk", "group", "status"))
        with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
            with self.assertRaisesMessage(EnrolmentError, "termijn"):
                enrol(group=self.group_a2, learner=self.learner, by=self.learner.user)
            with self.assertRaises(EnrolmentError):
                withdraw(group=self.group_a1, learner=self.learner, by=self.learner.user)
        self.assertEqual(before, list(Enrolment.objects.order_by("pk").values_list("pk", "group", "status")))

    def test_L5_second_enrolment_in_same_group_is_refused(self) -> None:
        with self.assertRaisesMessage(EnrolmentError, "al"):
            enrol(group=self.group_a1, learner=self.learner, by=self.learner.user)

    def test_L5_double_enrolment_is_impossible_by_constraint(self) -> None:
        with self.assertRaises(IntegrityError), transaction.atomic():
            Enrolment.objects.create(
                client=self.client_a,
                project=self.project_a,
                group=self.group_a1,
                learner=self.learner,
                status=Enrolment.Status.WAITING,
            )

    def test_L5_learner_of_another_client_cannot_enrol(self) -> None:
        with self.assertRaises(EnrolmentError):
            enrol(group=self.group_a1, learner=self.learner_other_client, by=self.learner_other_client.user)

    def test_L5_group_choices_show_free_places_and_my_status(self) -> None:
        choices = {c.group: c for c in list_group_choices(self.learner, self.project_a)}
        self.assertEqual(choices[self.group_a1].my_status, "enrolled")
        self.assertEqual(choices[self.group_a1].free, self.group_a1.capacity - 3)
        self.assertIsNone(choices[self.group_a2].my_status)
        self.assertEqual(len(choices[self.group_a2].sessions), 2)


@pytest.mark.postgres
class ConcurrentEnrolmentTests(TransactionTestCase):
    """L5: at least 50 simultaneous enrolments into a group of 20 end with exactly 20, over 20 rounds."""

    LEARNERS = 56
    ROUNDS = 20
    CAPACITY = 20

    def setUp(self) -> None:
        if connection.vendor != "postgresql":
            self.skipTest("Needs PostgreSQL: run with DATABASE_URL=postgres://… (real row locks between connections).")

    def test_L5_capacity_never_exceeded_under_concurrency(self) -> None:
        client = create_client(name="Gelijktijdig BV", by=None)
        today = timezone.localdate()
        project = training.create_project(
            client=client, name="Druk project", starts_on=today, ends_on=today + timedelta(days=30), by=None
        )
        learners = []
        for n in range(self.LEARNERS):
            learner = create_learner(client=client, email=f"l{n}@druk.example", full_name=f"Cursist {n}", by=None)
            training.add_participant(project=project, learner=learner, by=None)
            learners.append(learner)
        for round_no in range(self.ROUNDS):
            group = training.create_group(project=project, name=f"Ronde {round_no}", capacity=self.CAPACITY, by=None)
            Enrolment.objects.filter(project=project).delete()
            barrier = threading.Barrier(len(learners))
            errors: list[BaseException] = []

            def run(
                learner: Learner,
                group: TrainingGroup = group,
                barrier: threading.Barrier = barrier,
                errors: list[BaseException] = errors,
            ) -> None:
                try:
                    barrier.wait(timeout=30)
                    enrol(group=group, learner=learner, by=None)
                except BaseException as exc:  # collected and asserted below
                    errors.append(exc)
                finally:
                    connection.close()

            threads = [threading.Thread(target=run, args=(learner,)) for learner in learners]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            self.assertEqual(errors, [], f"round {round_no}")
            self.assertEqual(Enrolment.objects.filter(group=group, status="enrolled").count(), self.CAPACITY)
            self.assertEqual(
                Enrolment.objects.filter(group=group, status="waiting").count(), self.LEARNERS - self.CAPACITY
            )
