from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clients.actions import create_client
from clients.models import Client, ClientContact
from cursistensite.testing import CastTestCase
from messaging.models import MailMessage
from questionnaires.models import Question, Questionnaire
from training.models import Participation, Project, ProjectAction, Session, TrainingGroup


class ClientAndProjectTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.ca)

    def test_clients_and_project_leader_with_invitation(self) -> None:
        response = self.client.post(reverse("office:client-create"), {"name": "Waterschap Oost"})
        client = Client.objects.get(name="Waterschap Oost")
        self.assertRedirects(response, reverse("office:client-detail", args=[client.code]))
        self.assertContains(self.client.post(reverse("office:client-create"), {"name": "waterschap oost"}),
                            "Er bestaat al een klant met deze naam.")  # fmt: skip
        self.client.post(
            reverse("office:contact-create", args=[client.code]),
            {"full_name": "Petra Leider", "email": "petra@oost.example", "invite": "on"},
        )
        contact = ClientContact.objects.get(user__email="petra@oost.example")
        self.assertEqual(contact.client, client)
        self.assertEqual(MailMessage.objects.get(to="petra@oost.example").kind, "invitation")
        self.assertContains(self.client.get(reverse("office:client-detail", args=[client.code])), "Petra Leider")

    def test_U3_project_group_session_and_action_for_one_group(self) -> None:
        response = self.client.post(
            reverse("office:project-create"),
            {"client": self.client_a.pk, "name": "Nieuw traject", "starts_on": "2027-03-01", "ends_on": "2027-02-01"},
        )
        self.assertContains(response, "De einddatum ligt voor de startdatum.")
        self.assertFalse(Project.objects.filter(name="Nieuw traject").exists())
        self.client.post(
            reverse("office:project-create"),
            {"client": self.client_a.pk, "name": "Nieuw traject", "starts_on": "2027-03-01", "ends_on": "2027-06-01",
             "adviser": self.adviser.pk},
        )  # fmt: skip
        project = Project.objects.get(name="Nieuw traject")
        self.client.post(
            reverse("office:group-create", args=[project.code]),
            {"name": "Ochtend", "capacity": "10", "trainer": self.trainer.pk, "location": "Zaal 3"},
        )
        group = TrainingGroup.objects.get(project=project)
        response = self.client.post(
            reverse("office:session-create", args=[group.code]),
            {"starts_at": "2027-03-02T09:00", "ends_at": "2027-03-02T08:00", "location": "Zaal 3"},
        )
        self.assertContains(response, "Een bijeenkomst eindigt na het begin.")
        self.client.post(
            reverse("office:session-create", args=[group.code]),
            {"starts_at": "2027-03-02T09:00", "ends_at": "2027-03-02T12:00", "location": "Zaal 3"},
        )
        self.assertEqual(Session.objects.get(group=group).trainer, self.trainer)
        self.client.post(
            reverse("office:action-create", args=[project.code]),
            {"kind": "elearning", "title": "Module 1", "required": "on", "group": group.pk, "due_on": "2027-03-10"},
        )
        action = ProjectAction.objects.get(project=project)
        self.assertEqual((action.group, action.due_on, action.required), (group, date(2027, 3, 10), True))

    def test_S9_copy_project_shifts_every_date(self) -> None:
        intake = Questionnaire.objects.create(
            client=self.client_a, project=self.project_a, kind=Questionnaire.Kind.INTAKE, title="Intake"
        )
        Question.objects.create(questionnaire=intake, text="Wat wil je leren?", type="short_text")
        offset = timedelta(days=91)
        new_start = self.project_a.starts_on + offset
        response = self.client.post(
            reverse("office:project-copy", args=[self.project_a.code]),
            {"name": "Helder schrijven, voorjaar", "starts_on": new_start.isoformat()},
        )
        copy = Project.objects.get(name="Helder schrijven, voorjaar")
        self.assertRedirects(response, reverse("office:project-detail", args=[copy.code]))
        self.assertEqual((copy.client, copy.ends_on), (self.client_a, self.project_a.ends_on + offset))
        old_sessions = list(Session.objects.filter(group__project=self.project_a).order_by("starts_at"))
        new_sessions = list(Session.objects.filter(group__project=copy).order_by("starts_at"))
        self.assertEqual([s.starts_at + offset for s in old_sessions], [s.starts_at for s in new_sessions])
        self.assertEqual(sorted(g.name for g in copy.groups.all()), sorted(g.name for g in self.project_a.groups.all()))
        old_actions = list(self.project_a.actions.order_by("order", "id"))
        new_actions = list(copy.actions.order_by("order", "id"))
        self.assertEqual([a.title for a in old_actions], [a.title for a in new_actions])
        self.assertEqual([a.due_on and a.due_on + offset for a in old_actions], [a.due_on for a in new_actions])
        self.assertEqual(Question.objects.filter(questionnaire__project=copy).count(), 1)
        self.assertFalse(Participation.objects.filter(project=copy).exists())  # learners stay behind

    def test_setup_refusals(self) -> None:
        self.assertEqual(self.client.get(reverse("office:client-detail", args=["onbekend"])).status_code, 404)
        self.assertEqual(self.client.get(reverse("office:project-copy", args=["onbekend"])).status_code, 404)
        for user in (self.trainer, self.adviser, self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            for url in (
                reverse("office:client-list"),
                reverse("office:project-create"),
                reverse("office:project-copy", args=[self.project_a.code]),
                reverse("office:group-create", args=[self.project_a.code]),
                reverse("office:session-create", args=[self.group_a1.code]),
                reverse("office:action-create", args=[self.project_a.code]),
            ):
                self.assertEqual(self.client.get(url).status_code, 403, (user, url))
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("office:client-list")).status_code, 403)

    def test_list_pages_query_counts_are_flat(self) -> None:
        def count(url: str) -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(ctx.captured_queries)

        urls = [reverse("office:client-list"), reverse("office:project-list"), reverse("office:learner-list"),
                reverse("office:project-learners", args=[self.project_a.code])]  # fmt: skip
        before = [count(u) for u in urls]
        from clients.actions import create_learner
        from training.actions import add_participant, create_project

        for i in range(50):
            client = create_client(name=f"Klant {i}", by=self.ca)
            create_project(
                client=client, name=f"P {i}", starts_on=date(2027, 1, 1), ends_on=date(2027, 2, 1), by=self.ca
            )
            learner = create_learner(client=self.client_a, email=f"n{i}@z.example", full_name=f"N {i}", by=self.ca)
            add_participant(project=self.project_a, learner=learner, by=self.ca)
        self.assertEqual(before, [count(u) for u in urls])
