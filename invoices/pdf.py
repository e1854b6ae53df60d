"""The invoice as PDF (WeasyPrint)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string

from cursistensite.lib.files import generated_attachment
from invoices.models import Invoice


def invoice_pdf(invoice: Invoice) -> bytes:
    from weasyprint import HTML

    html = render_to_string("invoices/invoice_pdf.html", {"invoice": invoice, "lines": list(invoice.lines.all())})
    result: bytes = HTML(string=html).write_pdf()
    return result


def pdf_response(data: bytes, *, filename: str) -> HttpResponse:
    return generated_attachment(data, filename=filename, content_type="application/pdf")
