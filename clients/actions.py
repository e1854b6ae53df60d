"""Writes on clients and their people."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import User
from audit.actions import record
from audit.models import Event
from clients.models import Client, ClientContact, Learner


@transaction.atomic
def create_client(*, name: str, by: Any) -> Client:
    client = Client.objects.create(name=name)
    record(Event.DATA_CHANGED, actor=by, target=client, data={"created": "client"})
    return client


@transaction.atomic
def create_learner(
    *, client: Client, email: str, full_name: str, by: Any, employee_number: str = "", language: str = "nl"
) -> Learner:
    """A learner with an account without a password; the invitation lets them set one (U1)."""
    user = User.objects.create_user(email=email, full_name=full_name, kind=User.Kind.LEARNER, language=language)
    learner = Learner.objects.create(client=client, user=user, employee_number=employee_number)
    record(Event.ACCOUNT_CREATED, actor=by, target=learner, client=client)
    return learner


@transaction.atomic
def create_contact(*, client: Client, email: str, full_name: str, by: Any, phone: str = "") -> ClientContact:
    user = User.objects.create_user(email=email, full_name=full_name, kind=User.Kind.CONTACT)
    contact = ClientContact.objects.create(client=client, user=user, phone=phone)
    record(Event.ACCOUNT_CREATED, actor=by, target=contact, client=client)
    return contact
