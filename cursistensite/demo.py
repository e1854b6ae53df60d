"""A small fictional world: used by `seed_demo` and, the same, as the test cast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypedDict
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from accounts.actions import create_employee
from accounts.models import User
from accounts.roles import Role
from clients.actions import create_client, create_contact, create_learner
from clients.models import Client, ClientContact, Learner
from training import actions as training
from training.models import Project, ProjectAction, Session, TrainingGroup

AMS = ZoneInfo("Europe/Amsterdam")
DEMO_PASSWORD = "Cursus-demo-2026"


class ClientSpec(TypedDict):
    name: str
    slug: str
    project: str
    contact: str
    learners: list[tuple[str, str]]


CLIENTS: list[ClientSpec] = [
    {
        "name": "Gemeente Zuiderveen",
        "slug": "zuiderveen",
        "project": "Helder schrijven voor burgers",
        "contact": "Marieke de Boer",
        "learners": [
            ("Sanne Jansen", "ZV-1001"),
            ("Daan Visser", "ZV-1002"),
            ("Fatima El Amrani", ""),
            ("Pieter Smit", "ZV-1004"),
            ("Lotte Bakker", ""),
            ("Yusuf Demir", "ZV-1006"),
        ],
    },
    {
        "name": "Zorggroep Het Anker",
        "slug": "hetanker",
        "project": "Correspondentie op B1-niveau",
        "contact": "Johan Mulder",
        "learners": [
            ("Anouk de Vries", "HA-77"),
            ("Bram Hendriks", ""),
            ("Esra Yilmaz", "HA-79"),
            ("Kees van Dijk", ""),
            ("Noor Peters", "HA-81"),
            ("Tim Willems", ""),
        ],
    },
]

STAFF = [
    ("programmeur", "Ruben Kramer", [Role.PROGRAMMER]),
    ("ca", "Ilse Vos", [Role.CA]),
    ("trainer", "Hanneke Dekker", [Role.TRAINER]),
    ("trainer2", "Wouter Brouwer", [Role.TRAINER]),
    ("adviseur", "Gerard Koster", [Role.ADVISER]),
    ("marketing", "Sofie Leenders", [Role.MARKETING]),
    ("helpdesk", "Mohamed Bouzid", [Role.HELPDESK]),
    ("security", "Carla Hoekstra", [Role.SECURITY_OFFICER]),
]


@dataclass
class ClientWorld:
    client: Client
    contact: ClientContact
    project: Project
    groups: list[TrainingGroup]
    learners: list[Learner]  # first half in groups[0], second half in groups[1]
    actions: dict[str, ProjectAction]
    sessions: dict[str, list[Session]] = field(default_factory=dict)


@dataclass
class World:
    clients: list[ClientWorld]
    staff: dict[str, User]
    third_party: User


def _email(local: str, domain: str) -> str:
    return f"{local}@{domain}.example"


def _local(name: str) -> str:
    return name.lower().replace(" ", ".").replace("..", ".")


@transaction.atomic
def build_world(*, password: str | None = DEMO_PASSWORD, today: date | None = None) -> World:
    today = today or timezone.localdate()
    system = None
    staff: dict[str, User] = {}
    for key, name, roles in STAFF:
        staff[key] = create_employee(
            email=_email(key, "loovaneck"),
            full_name=name,
            roles=roles,
            by=system,
            nda_signed_on=today - timedelta(days=400),
        )
    third_party = create_employee(
        email=_email("extern", "leverancier"),
        full_name="Externe Ontwikkelaar",
        roles=[Role.PROGRAMMER],
        by=system,
        third_party=True,
        organisation="Leverancier BV",
        nda_signed_on=today - timedelta(days=30),
        processing_agreement_signed_on=today - timedelta(days=30),
        access_ends_at=timezone.make_aware(datetime.combine(today + timedelta(days=60), time(18, 0)), AMS),
    )
    worlds = []
    for index, spec in enumerate(CLIENTS):
        domain = spec["slug"]
        client = create_client(name=spec["name"], by=system)
        contact = create_contact(
            client=client, email=_email(_local(spec["contact"]), domain), full_name=spec["contact"], by=system
        )
        starts = today - timedelta(days=14)
        project = training.create_project(
            client=client,
            name=spec["project"],
            starts_on=starts,
            ends_on=today + timedelta(days=60),
            by=system,
            adviser=staff["adviseur"],
            hours=12,
            enrolment_deadline=timezone.make_aware(datetime.combine(today + timedelta(days=21), time(23, 59)), AMS),
        )
        acts = {
            "intake": training.add_action(
                project=project, kind="intake", title="Intake invullen", due_on=today + timedelta(days=7), by=system
            ),
            "preparation": training.add_action(
                project=project,
                kind="preparation",
                title="Voorbereidende opdracht",
                due_on=today + timedelta(days=10),
                by=system,
            ),
            "homework": training.add_action(
                project=project,
                kind="homework",
                title="Huiswerk: een brief herschrijven",
                due_on=today + timedelta(days=20),
                by=system,
            ),
            "elearning": training.add_action(
                project=project, kind="elearning", title="E-learning Schrijven op B1", required=False, by=system
            ),
            "evaluation": training.add_action(
                project=project, kind="evaluation", title="Evaluatie", due_on=today + timedelta(days=50), by=system
            ),
            "certificate": training.add_action(
                project=project, kind="certificate", title="Certificaat", required=False, by=system
            ),
        }
        trainers = [staff["trainer"], staff["trainer2"]]
        groups = []
        sessions: dict[str, list[Session]] = {}
        for g in range(2):
            group = training.create_group(
                project=project,
                name=f"Groep {chr(65 + g)}",
                capacity=8,
                trainer=trainers[g],
                location=f"{spec['name']}, zaal {g + 1}",
                by=system,
            )
            groups.append(group)
            sessions[group.code] = []
            for s in range(2):
                day = today + timedelta(days=7 + 14 * s + g)
                start = timezone.make_aware(datetime.combine(day, time(9 + 4 * index % 4, 30)), AMS)
                sessions[group.code].append(
                    training.add_session(
                        group=group,
                        starts_at=start,
                        ends_at=start + timedelta(hours=3),
                        location=group.location,
                        title=f"Bijeenkomst {s + 1}",
                        by=system,
                    )
                )
        learners = []
        half = len(spec["learners"]) // 2
        for n, (name, number) in enumerate(spec["learners"]):
            learner = create_learner(
                client=client, email=_email(_local(name), domain), full_name=name, employee_number=number, by=system
            )
            training.add_participant(project=project, learner=learner, by=system)
            training.place_in_group(group=groups[0 if n < half else 1], learner=learner, by=system)
            learners.append(learner)
        training.start_action(action=acts["intake"], learner=learners[0], by=learners[0].user)
        training.complete_action(action=acts["intake"], learner=learners[1], by=learners[1].user)
        worlds.append(ClientWorld(client, contact, project, groups, learners, acts, sessions))
    if password:
        users = User.objects.all()
        for user in users:
            user.set_password(password)
        User.objects.bulk_update(users, ["password"])
    return World(clients=worlds, staff=staff, third_party=third_party)


def demo_logins() -> list[tuple[str, str]]:
    """(who, email) for each kind of user, for the README and `seed_demo`."""
    rows: list[tuple[str, str]] = []
    for spec in CLIENTS:
        domain = spec["slug"]
        rows.append((f"Cursist ({spec['name']})", _email(_local(spec["learners"][0][0]), domain)))
        rows.append((f"Projectleider ({spec['name']})", _email(_local(spec["contact"]), domain)))
    for key, name, roles in STAFF:
        rows.append((f"{roles[0].label} ({name})", _email(key, "loovaneck")))
    rows.append(("Derde partij (tijdelijk)", _email("extern", "leverancier")))
    return rows


def exists() -> bool:
    return Client.objects.filter(name=CLIENTS[0]["name"]).exists()
