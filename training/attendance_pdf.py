"""The printable attendance list of a session (P7), rendered with WeasyPrint."""

from __future__ import annotations

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from training.models import Session
from training.progress import AttendanceLine, attendance_totals


def render_attendance_pdf(session: Session, lines: Iterable[AttendanceLine]) -> bytes:
    """A one-table PDF: every learner of the session with their attendance, and a signature column."""
    lines = list(lines)
    html = render_to_string(
        "training/attendance_list_pdf.html",
        {
            "session": session,
            "lines": lines,
            "totals": attendance_totals(lines),
            "printed_at": timezone.localtime(),
        },
    )
    return bytes(HTML(string=html).write_pdf())
