"""Browser test of the office (issue 5): a CA copies a project, imports learners from Excel, fixes the bad
rows, invites the group, and every invitation arrives once at a real SMTP server on loopback."""

from __future__ import annotations

import re
from base64 import b32decode
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from cursistensite import demo
from messaging.actions import deliver_due
from messaging.models import MailMessage
from messaging.testing import LoopbackSmtp
from office.tests.helpers import HEADER, xlsx_bytes
from training.models import Enrolment, Participation, Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp(settings: Any) -> Iterator[LoopbackSmtp]:
    server = LoopbackSmtp()
    server.start()
    for key, value in server.settings().items():
        setattr(settings, key, value)
    yield server
    server.stop()


def log_in_with_totp(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/"))
    secret = page.get_by_test_id("totp-secret").inner_text().strip()
    token = f"{TOTP(b32decode(secret + '=' * (-len(secret) % 8))).token():06d}"
    page.get_by_label("Code uit je authenticator-app").fill(token)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page).to_have_url(re.compile(r"/kantoor/(#main)?$"))


def test_S9_U1_U2_U4_ca_copies_imports_fixes_invites_and_mails_arrive(
    page: Page, live_server: Any, smtp: LoopbackSmtp, tmp_path: Path
) -> None:
    world = demo.build_world()
    ca = world.staff["ca"]
    source = world.clients[0].project
    base = str(live_server)
    log_in_with_totp(page, base, ca.email)

    # 1. Copy the project onto new dates.
    page.goto(f"{base}/kantoor/projecten/{source.code}/")
    page.get_by_role("link", name="Project kopiëren").click()
    new_start = source.starts_on + timedelta(days=182)
    page.get_by_label("Naam van de kopie").fill("Helder schrijven, najaar")
    page.get_by_label("Nieuwe startdatum").fill(new_start.isoformat())
    page.get_by_role("button", name="Kopiëren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Helder schrijven, najaar")
    copy = Project.objects.get(name="Helder schrijven, najaar")
    assert (copy.starts_on, copy.ends_on) == (new_start, source.ends_on + timedelta(days=182))

    # 2. A large group for the import.
    page.get_by_role("link", name="Groep toevoegen").click()
    page.get_by_label("Naam").fill("Groep Najaar")
    page.get_by_label("Aantal plaatsen").fill("40")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Groep aangemaakt.")).to_be_visible()

    # 3. Import 30 learners from Excel, two of them bad.
    rows = [HEADER] + [[f"Cursist {i:02d}", f"cursist{i:02d}@zuiderveen.example", f"ZV-9{i:02d}", "Groep Najaar"]
                       for i in range(30)]  # fmt: skip
    bad = [row[:] for row in rows]
    bad[5][1] = ""  # missing email
    bad[12][1] = "cursist12-at-zuiderveen"  # invalid email
    (tmp_path / "fout.xlsx").write_bytes(xlsx_bytes(bad))
    (tmp_path / "goed.xlsx").write_bytes(xlsx_bytes(rows))
    page.get_by_role("link", name="Cursisten importeren").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(tmp_path / "fout.xlsx"))
    page.get_by_role("button", name="Bestand lezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolommen kiezen")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("alert")).to_contain_text("2 regels hebben een fout")
    expect(page.get_by_text("Het e-mailadres ontbreekt.")).to_be_visible()
    expect(page.get_by_text("“cursist12-at-zuiderveen” is geen geldig e-mailadres.")).to_be_visible()
    assert not Participation.objects.filter(project=copy).exists()  # nothing written yet

    # 4. Fix the file and import again: all 30 rows are good.
    page.get_by_role("link", name="Ander bestand kiezen").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(tmp_path / "goed.xlsx"))
    page.get_by_role("button", name="Bestand lezen").click()
    page.get_by_role("button", name="Controleren").click()
    page.get_by_role("button", name="30 goede regels importeren").click()
    expect(page.get_by_text("Import klaar: 30 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen.")).to_be_visible()
    assert Enrolment.objects.filter(group__name="Groep Najaar", group__project=copy).count() == 30

    # 5. Invite the group.
    page.goto(f"{base}/kantoor/projecten/{copy.code}/")
    page.get_by_role("link", name="Groep Groep Najaar uitnodigen").click()
    expect(page.get_by_text("30 cursisten krijgen een uitnodiging")).to_be_visible()
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    expect(page.get_by_text("30 uitnodigingen staan klaar om te versturen.")).to_be_visible()

    # 6. The outbox delivers (the task ran after commit; a sweep afterwards sends nothing twice).
    deliver_due()
    assert MailMessage.objects.filter(kind="invitation", status=MailMessage.Status.SENT).count() == 30
    expected = sorted(f"cursist{i:02d}@zuiderveen.example" for i in range(30))
    assert sorted(smtp.recipients()) == expected
    assert all("/account/uitnodiging/" in body for body in smtp.text_bodies())
    assert not any("ZV-9" in body for body in smtp.text_bodies())  # D2: no employee number in a mail
