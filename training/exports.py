"""The progress report export (U6, D2): XLSX and CSV, for the client's project leader and for staff.

This is the ONLY place outside the office where the employee number appears (D2). Every text cell
that a spreadsheet could read as a formula (starting with = + - @, a tab or a carriage return) is
neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from audit.actions import record
from audit.models import Event
from cursistensite.lib.files import safe_filename
from training.models import Project
from training.progress import Cell, build_progress_matrix
from training.queries import Status

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

Value = str | int


def neutralise(value: Value) -> Value:
    """A text cell never starts a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _moment(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _status(cell: Cell) -> str:
    if not cell.applies:
        return _("n.v.t.")
    label = {Status.OPEN: _("Niet begonnen"), Status.STARTED: _("Begonnen"), Status.DONE: _("Klaar")}[cell.status]
    return f"{label} ({_('te laat')})" if cell.late else label


def progress_table(project: Project) -> tuple[list[str], list[list[Value]]]:
    """Header and rows: learner, email, employee number, group, per action status and date, attendance."""
    matrix = build_progress_matrix(project)
    header = [_("Naam"), _("E-mailadres"), _("Personeelsnummer"), _("Groep")]
    for action in matrix.actions:
        header += [f"{action.title}: {_('status')}", f"{action.title}: {_('datum')}"]
    header += [_("Aanwezig (bijeenkomsten)"), _("Bijeenkomsten van de groep")]
    rows: list[list[Value]] = []
    for row in matrix.rows:
        line: list[Value] = [
            row.learner.name,
            row.learner.email,
            row.learner.employee_number,
            row.group.name if row.group else "",
        ]
        for cell in row.cells:
            line += [_status(cell), _moment(cell.moment) if cell.applies else ""]
        line += [row.attended, row.sessions]
        rows.append(line)
    return [str(neutralise(h)) for h in header], [[neutralise(v) for v in line] for line in rows]


def build_progress_xlsx(project: Project) -> bytes:
    header, rows = progress_table(project)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Voortgang")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in rows:
        sheet.append(line)
    sheet.freeze_panes = "B2"
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(max(len(str(c.value or "")) for c in column) + 2, 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_progress_csv(project: Project) -> bytes:
    """Semicolon-separated, UTF-8 with BOM: opens correctly in a Dutch Excel."""
    header, rows = progress_table(project)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class ProgressReport:
    content: bytes
    filename: str
    content_type: str


BUILDERS: dict[str, tuple[Any, str]] = {"xlsx": (build_progress_xlsx, XLSX_TYPE), "csv": (build_progress_csv, CSV_TYPE)}


@transaction.atomic
def export_progress_report(*, project: Project, fmt: str, by: Any) -> ProgressReport:
    """Build the progress report of `project` as `fmt` ("xlsx" or "csv") and record the export (D4)."""
    if fmt not in BUILDERS:
        raise ValueError(f"Unknown export format {fmt!r}.")
    builder, content_type = BUILDERS[fmt]
    content = builder(project)
    record(Event.EXPORTED, actor=by, target=project, client=project.client, data={"report": "progress", "format": fmt})
    stamp = timezone.localdate().isoformat()
    filename = safe_filename(f"voortgang-{project.name}-{stamp}.{fmt}".replace(" ", "-"))
    return ProgressReport(content=content, filename=filename, content_type=content_type)
