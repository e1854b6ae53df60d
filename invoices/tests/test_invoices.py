from __future__ import annotations

import io
import threading
import time
from decimal import Decimal

import pytest
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from cursistensite import demo
from cursistensite.testing import CastTestCase
from invoices.actions import add_line, create_invoice, send_invoice
from invoices.models import Invoice


class InvoiceTests(CastTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.login(self.ca)

    def test_S10_lines_number_pdf_and_status(self) -> None:
        response = self.client.post(reverse("office:invoice-list", args=[self.project_a.code]))
        invoice = Invoice.objects.get(project=self.project_a)
        self.assertRedirects(response, reverse("office:invoice-detail", args=[invoice.code]))
        detail = reverse("office:invoice-detail", args=[invoice.code])
        bad = self.client.post(detail, {"description": "", "quantity": "-1", "unit_price": "abc"})
        self.assertContains(bad, "Dit veld is vereist.")
        self.assertFalse(invoice.lines.exists())
        self.client.post(detail, {"description": "Training Helder schrijven", "quantity": "2", "unit_price": "1250.00"})
        self.client.post(detail, {"description": "Intakegesprekken", "quantity": "8", "unit_price": "45.50"})
        self.assertEqual(invoice.total, Decimal("2864.00"))
        self.client.post(reverse("office:invoice-status", args=[invoice.code, "versturen"]))
        invoice.refresh_from_db()
        self.assertEqual(invoice.status, Invoice.Status.SENT)
        self.assertRegex(invoice.number, r"^\d{4}-00001$")
        # A sent invoice does not change any more.
        self.client.post(detail, {"description": "Nog iets", "quantity": "1", "unit_price": "1"})
        self.assertEqual(invoice.lines.count(), 2)
        response = self.client.get(reverse("office:invoice-pdf", args=[invoice.code]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment", response["Content-Disposition"])
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        self.assertIn(invoice.number, text)
        self.assertIn("Training Helder schrijven", text)
        self.assertIn("€ 2864,00", text)
        self.client.post(reverse("office:invoice-status", args=[invoice.code, "betaald"]))
        invoice.refresh_from_db()
        self.assertEqual(invoice.status, Invoice.Status.PAID)

    def test_S10_numbers_have_no_gaps_and_drafts_take_none(self) -> None:
        invoices = [create_invoice(project=self.project_a, by=self.ca) for _ in range(3)]
        for invoice in invoices:
            add_line(invoice=invoice, description="x", quantity=Decimal(1), unit_price=Decimal(10), by=self.ca)
        send_invoice(invoice=invoices[2], by=self.ca)
        send_invoice(invoice=invoices[0], by=self.ca)
        numbers = sorted(Invoice.objects.exclude(number="").values_list("number", flat=True))
        self.assertEqual([n[-5:] for n in numbers], ["00001", "00002"])
        self.assertEqual(Invoice.objects.get(pk=invoices[1].pk).number, "")
        empty = create_invoice(project=self.project_a, by=self.ca)
        self.client.post(reverse("office:invoice-status", args=[empty.code, "versturen"]))
        self.assertEqual(Invoice.objects.get(pk=empty.pk).number, "")

    def test_S10_refusals(self) -> None:
        invoice = create_invoice(project=self.project_a, by=self.ca)
        self.assertEqual(self.client.get(reverse("office:invoice-detail", args=["onbekend"])).status_code, 404)
        for user in (self.trainer, self.adviser, self.marketing, self.helpdesk, self.programmer, self.security):
            self.login(user)
            for url in (
                reverse("office:invoice-list", args=[self.project_a.code]),
                reverse("office:invoice-detail", args=[invoice.code]),
                reverse("office:invoice-pdf", args=[invoice.code]),
            ):
                self.assertEqual(self.client.get(url).status_code, 403, (user, url))
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("office:invoice-detail", args=[invoice.code])).status_code, 403)

    def test_S10_invoice_list_query_count_is_flat(self) -> None:
        url = reverse("office:invoice-list", args=[self.project_a.code])

        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(ctx.captured_queries)

        first = create_invoice(project=self.project_a, by=self.ca)
        add_line(invoice=first, description="x", quantity=Decimal(1), unit_price=Decimal(1), by=self.ca)
        one = count()
        for _ in range(49):
            invoice = create_invoice(project=self.project_a, by=self.ca)
            add_line(invoice=invoice, description="x", quantity=Decimal(1), unit_price=Decimal(1), by=self.ca)
        self.assertEqual(count(), one)


@pytest.mark.django_db(transaction=True)
def test_S10_concurrent_sending_gives_unique_gap_free_numbers() -> None:
    world = demo.build_world(password=None)
    ca = world.staff["ca"]
    project = world.clients[0].project
    invoices = []
    for _ in range(8):
        invoice = create_invoice(project=project, by=ca)
        add_line(invoice=invoice, description="x", quantity=Decimal(1), unit_price=Decimal(5), by=ca)
        invoices.append(invoice)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(invoices))

    def send(invoice: Invoice) -> None:
        try:
            barrier.wait()
            for attempt in range(50):
                try:
                    send_invoice(invoice=invoice, by=ca)
                    return
                except Exception as exc:  # SQLite: "database is locked" under contention; retry
                    if "locked" not in str(exc) or attempt == 49:
                        raise
                    time.sleep(0.02 * (attempt + 1))
        except BaseException as exc:
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=send, args=(invoice,)) for invoice in invoices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(int(n.split("-")[1]) for n in Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(invoices) + 1))
