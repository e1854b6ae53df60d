"""Learner import from CSV and XLSX (S9, U2): read, map columns, check every row, then write on confirm.

Nothing is written until `apply_import`; re-importing the same rows changes nothing (learners are matched
by email address within the client).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from clients.actions import create_learner
from clients.models import Learner
from training.actions import add_participant, place_in_group
from training.models import Enrolment, Project, TrainingGroup

MAX_ROWS = 5000
FIELDS = ("name", "email", "employee_number", "group")
REQUIRED_FIELDS = ("name", "email")
# Header words that suggest a column, for the default mapping.
HINTS = {
    "name": ("naam", "name", "volledige naam"),
    "email": ("e-mail", "email", "e-mailadres", "mail"),
    "employee_number": ("personeelsnummer", "personeelsnr", "employee number", "nummer"),
    "group": ("groep", "group", "trainingsgroep"),
}


class ImportFileError(Exception):
    """The file cannot be read; the message is for the user."""


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    employee_number: str
    group: str
    errors: list[str] = field(default_factory=list)
    status: str = ""  # new / update / unchanged, set by check_rows

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(upload: IO[bytes], filename: str) -> list[list[str]]:
    """All rows of a CSV or XLSX file as text cells (header row included)."""
    name = filename.lower()
    data = upload.read()
    if name.endswith(".xlsx"):
        rows = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        rows = _read_csv(data)
    else:
        raise ImportFileError(_("Kies een CSV- of XLSX-bestand."))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        raise ImportFileError(_("Het bestand bevat geen cursisten (alleen een kopregel of niets)."))
    if len(rows) > MAX_ROWS + 1:
        raise ImportFileError(_("Het bestand heeft meer dan %(max)s regels.") % {"max": MAX_ROWS})
    return rows


def _read_csv(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError(_("Het bestand kan niet gelezen worden."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(_("Het bestand is geen geldig Excel-bestand (.xlsx).")) from exc
    sheet = workbook.worksheets[0]
    rows = [["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    mapping: dict[str, int | None] = {}
    lowered = [h.strip().lower() for h in header]
    for key in FIELDS:
        mapping[key] = next((i for i, h in enumerate(lowered) if h in HINTS[key]), None)
    return mapping


def map_rows(table: list[list[str]], mapping: dict[str, int | None]) -> list[ImportRow]:
    def cell(row: list[str], key: str) -> str:
        index = mapping.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    return [
        ImportRow(
            line=number,
            name=cell(row, "name"),
            email=cell(row, "email").lower(),
            employee_number=cell(row, "employee_number"),
            group=cell(row, "group"),
        )
        for number, row in enumerate(table[1:], start=2)
    ]


def check_rows(project: Project, rows: list[ImportRow]) -> list[ImportRow]:
    """Give every bad row a clear Dutch error; mark good rows new, update or unchanged. Reads only."""
    groups = {g.name.strip().lower(): g for g in project.groups.all()}
    seen = Counter(row.email for row in rows if row.email)
    emails = [row.email for row in rows if row.email]
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails).select_related("learner")}
    enrolled = {
        (e.learner_id, e.group_id)
        for e in Enrolment.objects.filter(project=project, status=Enrolment.Status.ENROLLED).only("learner", "group")
    }
    participants = set(project.participations.values_list("learner_id", flat=True))
    taken = Counter(
        Enrolment.objects.filter(project=project, status=Enrolment.Status.ENROLLED).values_list("group_id", flat=True)
    )
    for row in rows:
        if not row.name:
            row.errors.append(_("De naam ontbreekt."))
        if not row.email:
            row.errors.append(_("Het e-mailadres ontbreekt."))
        else:
            try:
                validate_email(row.email)
            except ValidationError:
                row.errors.append(_("“%(email)s” is geen geldig e-mailadres.") % {"email": row.email})
            if seen[row.email] > 1:
                row.errors.append(_("Dit e-mailadres staat meer dan één keer in het bestand."))
        group = groups.get(row.group.lower()) if row.group else None
        if row.group and group is None:
            row.errors.append(_("De groep “%(group)s” bestaat niet in dit project.") % {"group": row.group})
        user = users.get(row.email)
        learner: Learner | None = getattr(user, "learner", None) if user else None
        if user is not None and (learner is None or learner.client_id != project.client_id):
            row.errors.append(_("Dit e-mailadres hoort bij een ander account."))
            learner = None
        if row.errors:
            continue
        if group is not None and (learner is None or (learner.pk, group.pk) not in enrolled):
            if taken[group.pk] >= group.capacity:
                row.errors.append(_("De groep “%(group)s” is vol.") % {"group": group.name})
                continue
            taken[group.pk] += 1
        if learner is None:
            row.status = "new"
        elif (
            learner.pk not in participants
            or learner.user.full_name != row.name
            or (row.employee_number and learner.employee_number != row.employee_number)
            or (group is not None and (learner.pk, group.pk) not in enrolled)
        ):
            row.status = "update"
        else:
            row.status = "unchanged"
    return rows


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


@transaction.atomic
def apply_import(*, project: Project, rows: list[ImportRow], by: Any) -> ImportResult:
    """Write the good rows (checked again inside the transaction); bad rows are skipped."""
    rows = check_rows(project, [ImportRow(r.line, r.name, r.email, r.employee_number, r.group) for r in rows])
    groups = {g.name.strip().lower(): g for g in TrainingGroup.objects.filter(project=project)}
    result = ImportResult()
    for row in rows:
        if not row.ok:
            result.skipped += 1
            continue
        if row.status == "unchanged":
            result.unchanged += 1
            continue
        learner = (
            Learner.objects.filter(client=project.client, user__email__iexact=row.email).select_related("user").first()
        )
        if learner is None:
            learner = create_learner(
                client=project.client, email=row.email, full_name=row.name, employee_number=row.employee_number, by=by
            )
            result.created += 1
        else:
            if learner.user.full_name != row.name:
                learner.user.full_name = row.name
                learner.user.save(update_fields=["full_name"])
            if row.employee_number and learner.employee_number != row.employee_number:
                learner.employee_number = row.employee_number
                learner.save(update_fields=["employee_number"])
            result.updated += 1
        group = groups.get(row.group.lower()) if row.group else None
        if group is not None:
            place_in_group(group=group, learner=learner, by=by)
        else:
            add_participant(project=project, learner=learner, by=by)
    return result
