"""The named cast every test uses, and login helpers (including the second factor for staff)."""

from __future__ import annotations

from django.test import Client as HttpClient
from django.test import TestCase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from clients.models import Client, ClientContact, Learner
from cursistensite import demo
from training.models import Project, TrainingGroup


class CastTestCase(TestCase):
    """Two clients, each with a project leader and learners in two groups; staff in every role;
    a third party. Built once per class through the same actions the product uses."""

    world: demo.World
    client_a: Client
    client_b: Client
    project_a: Project
    project_b: Project
    group_a1: TrainingGroup
    group_a2: TrainingGroup
    group_b1: TrainingGroup
    learner: Learner
    learner_same_group: Learner
    learner_other_group: Learner
    learner_other_client: Learner
    contact: ClientContact
    contact_other_client: ClientContact
    programmer: User
    ca: User
    trainer: User
    trainer2: User
    adviser: User
    marketing: User
    helpdesk: User
    security: User
    third_party: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = demo.build_world(password=None)
        a, b = cls.world.clients
        # Client A (Gemeente Zuiderveen) is "ours"; client B (Het Anker) is the other client.
        cls.client_a, cls.client_b = a.client, b.client
        cls.project_a, cls.project_b = a.project, b.project
        cls.group_a1, cls.group_a2 = a.groups
        cls.group_b1 = b.groups[0]
        # Learners: anna in group A1, her group-mate, a learner of group A2, a learner of client B.
        cls.learner = a.learners[0]
        cls.learner_same_group = a.learners[1]
        cls.learner_other_group = a.learners[3]
        cls.learner_other_client = b.learners[0]
        cls.contact = a.contact
        cls.contact_other_client = b.contact
        staff = cls.world.staff
        cls.programmer = staff["programmeur"]
        cls.ca = staff["ca"]
        cls.trainer = staff["trainer"]  # trains group A1 (and B1)
        cls.trainer2 = staff["trainer2"]  # trains group A2 (and B2)
        cls.adviser = staff["adviseur"]
        cls.marketing = staff["marketing"]
        cls.helpdesk = staff["helpdesk"]
        cls.security = staff["security"]
        cls.third_party = cls.world.third_party

    def login(self, user: User, client: HttpClient | None = None) -> HttpClient:
        """Log `user` in on `client` (default: self.client); staff also pass the second factor."""
        return login(client or self.client, user)


def login(http: HttpClient, user: User) -> HttpClient:
    http.force_login(user)
    if user.is_employee:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = http.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return http


def as_user(user: User) -> HttpClient:
    return login(HttpClient(), user)
