"""Writes on invoices (S10): draft, lines, send with a gap-free number, paid."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import record
from audit.models import Event
from invoices.models import Invoice, InvoiceCounter, InvoiceLine
from training.models import Project


class InvoiceError(Exception):
    """A rule refused the change; the message is for the user."""


@transaction.atomic
def create_invoice(*, project: Project, by: Any) -> Invoice:
    invoice = Invoice.objects.create(client_id=project.client_id, project=project, created_by=by)
    record(Event.DATA_CHANGED, actor=by, target=invoice, client=project.client, data={"created": "invoice"})
    return invoice


@transaction.atomic
def add_line(*, invoice: Invoice, description: str, quantity: Decimal, unit_price: Decimal, by: Any) -> InvoiceLine:
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.DRAFT:
        raise InvoiceError("Een verstuurde factuur verandert niet meer.")
    line = InvoiceLine.objects.create(
        invoice=invoice, description=description, quantity=quantity, unit_price=unit_price
    )
    record(Event.DATA_CHANGED, actor=by, target=invoice, client=invoice.client, data={"line_added": True})
    return line


def next_number(year: int) -> str:
    """The next number of `year`'s series; call inside a transaction (the counter row stays locked)."""
    InvoiceCounter.objects.get_or_create(year=year)
    counter = InvoiceCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{year}-{counter.last_number:05d}"


@transaction.atomic
def send_invoice(*, invoice: Invoice, by: Any) -> Invoice:
    """Give the invoice its number and mark it sent. The number comes from the locked counter."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.DRAFT:
        raise InvoiceError("Deze factuur is al verstuurd.")
    if not invoice.lines.exists():
        raise InvoiceError("Een factuur zonder regels kan niet verstuurd worden.")
    now = timezone.now()
    invoice.number = next_number(timezone.localdate(now).year)
    invoice.status = Invoice.Status.SENT
    invoice.sent_at = now
    invoice.save(update_fields=["number", "status", "sent_at"])
    record(Event.DATA_CHANGED, actor=by, target=invoice, client=invoice.client, data={"sent": invoice.number})
    return invoice


@transaction.atomic
def mark_paid(*, invoice: Invoice, by: Any) -> Invoice:
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.SENT:
        raise InvoiceError("Alleen een verstuurde factuur kan betaald worden.")
    invoice.status = Invoice.Status.PAID
    invoice.paid_at = timezone.now()
    invoice.save(update_fields=["status", "paid_at"])
    record(Event.DATA_CHANGED, actor=by, target=invoice, client=invoice.client, data={"paid": invoice.number})
    return invoice
