"""The demo world: `seed_demo` is idempotent and prints one login per kind of user."""

from __future__ import annotations

import re
from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import models
from django.test import RequestFactory, TestCase

from accounts.models import RoleAssignment, User
from accounts.roles import Role
from clients.models import Client, ClientContact, Learner
from cursistensite import demo
from training.models import Enrolment, Project, ProjectAction, Session, TrainingGroup

COUNTED: list[type[models.Model]] = [
    User,
    RoleAssignment,
    Client,
    ClientContact,
    Learner,
    Project,
    ProjectAction,
    TrainingGroup,
    Session,
    Enrolment,
]


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in COUNTED}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


class SeedDemoTests(TestCase):
    def test_U1_seed_demo_is_idempotent(self) -> None:
        first = seed()
        after_first = counts()
        second = seed()
        self.assertEqual(counts(), after_first)
        self.assertIn("Demo data created.", first)
        self.assertIn("Demo data is already there.", second)
        self.assertEqual(after_first["Client"], 2)
        self.assertEqual(after_first["Project"], 2)
        self.assertEqual(after_first["TrainingGroup"], 4)
        self.assertGreaterEqual(after_first["Session"], 4)
        self.assertEqual(after_first["ClientContact"], 2)
        self.assertEqual(set(RoleAssignment.objects.values_list("role", flat=True)), set(Role))
        self.assertTrue(Learner.objects.exclude(employee_number="").exists())
        self.assertTrue(Learner.objects.filter(employee_number="").exists())
        self.assertFalse(Session.objects.filter(trainer__isnull=True).exists())

    def test_U1_seed_demo_prints_one_working_login_per_kind_of_user(self) -> None:
        output = seed()
        self.assertIn(demo.DEMO_PASSWORD, output)
        emails = re.findall(r"\S+@\S+\.example", output)
        users = {user.email: user for user in User.objects.filter(email__in=emails)}
        self.assertEqual(len(users), len(emails))
        self.assertEqual({user.kind for user in users.values()}, set(User.Kind))
        printed_roles = {role for user in users.values() for role in user.roles}
        self.assertEqual(printed_roles, set(Role))
        for email in emails:
            request = RequestFactory().post("/account/inloggen/")
            self.assertEqual(authenticate(request, username=email, password=demo.DEMO_PASSWORD), users[email], email)
        for label in ("Cursist", "Projectleider", "Derde partij", "Security officer"):
            self.assertIn(label, output)
