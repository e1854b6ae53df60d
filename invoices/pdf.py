"""The invoice as PDF (WeasyPrint)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from cursistensite.lib.files import safe_filename
from invoices.models import Invoice


def invoice_pdf(invoice: Invoice) -> bytes:
    from weasyprint import HTML

    html = render_to_string("invoices/invoice_pdf.html", {"invoice": invoice, "lines": list(invoice.lines.all())})
    result: bytes = HTML(string=html).write_pdf()
    return result


def pdf_response(data: bytes, *, filename: str) -> HttpResponse:
    """A generated PDF, served like a stored file: attachment, nosniff, sandboxed, not cached."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
