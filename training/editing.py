"""Staff edit what they set up: a project, a group, a session, a client's name (issue 5)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit.actions import record
from audit.models import Event
from clients.models import Client
from training.actions import TrainingError
from training.models import Enrolment, Project, Session, TrainingGroup

PROJECT_FIELDS = (
    "name",
    "description",
    "starts_on",
    "ends_on",
    "adviser",
    "enrolment_deadline",
    "hours",
    "min_attendance_percent",
)


def _changed(obj: Any, fields: dict[str, Any]) -> list[str]:
    """Set `fields` on `obj` and answer the names that really changed."""
    changed = []
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def update_project(*, project: Project, by: Any, **fields: Any) -> Project:
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    project = Project.objects.select_for_update().get(pk=project.pk)
    starts_on, ends_on = fields.get("starts_on", project.starts_on), fields.get("ends_on", project.ends_on)
    if ends_on < starts_on:
        raise TrainingError(_("De einddatum ligt voor de startdatum."))
    if not 0 <= fields.get("min_attendance_percent", project.min_attendance_percent) <= 100:
        raise TrainingError(_("De minimale aanwezigheid ligt tussen 0 en 100 procent."))
    changed = _changed(project, fields)
    if changed:
        project.save(update_fields=changed)
        record(Event.DATA_CHANGED, actor=by, target=project, client=project.client, data={"changed": changed})
    return project


@transaction.atomic
def update_group(
    *, group: TrainingGroup, by: Any, name: str, capacity: int, trainer: Any = None, location: str = ""
) -> TrainingGroup:
    """Capacity never drops below the number of learners already enrolled (the row is locked while counting)."""
    group = TrainingGroup.objects.select_for_update().get(pk=group.pk)
    enrolled = Enrolment.objects.filter(group=group, status=Enrolment.Status.ENROLLED).count()
    if capacity < max(enrolled, 1):
        raise TrainingError(
            _("Er zijn al %(n)s cursisten ingeschreven; het aantal plaatsen kan niet lager dan dat.") % {"n": enrolled}
        )
    changed = _changed(group, {"name": name, "capacity": capacity, "trainer": trainer, "location": location})
    if changed:
        group.save(update_fields=changed)
        record(Event.DATA_CHANGED, actor=by, target=group, client=group.client, data={"changed": changed})
    return group


@transaction.atomic
def update_session(
    *, session: Session, by: Any, starts_at: Any, ends_at: Any, location: str, trainer: Any = None, title: str = ""
) -> Session:
    if ends_at <= starts_at:
        raise TrainingError(_("Een bijeenkomst eindigt na het begin."))
    session = Session.objects.select_for_update().get(pk=session.pk)
    fields = {"starts_at": starts_at, "ends_at": ends_at, "location": location, "trainer": trainer, "title": title}
    changed = _changed(session, fields)
    if changed:
        session.save(update_fields=changed)
        record(Event.DATA_CHANGED, actor=by, target=session, client=session.client, data={"changed": changed})
    return session


@transaction.atomic
def rename_client(*, client: Client, name: str, by: Any) -> Client:
    name = name.strip()
    if not name:
        raise TrainingError(_("Vul een naam in."))
    if Client.objects.filter(name__iexact=name).exclude(pk=client.pk).exists():
        raise TrainingError(_("Er bestaat al een klant met deze naam."))
    if client.name != name:
        client.name = name
        client.save(update_fields=["name"])
        record(Event.DATA_CHANGED, actor=by, target=client, client=client, data={"changed": ["name"]})
    return client
