"""The learner's journey in headless Chromium (L2, L5, L6, L7, L9, L13, S7)."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from cursistensite import demo
from documents.models import Certificate, Upload
from questionnaires.demo import add_demo_questionnaires
from questionnaires.models import Response
from training import actions as training
from training import enrolments
from training.models import Enrolment, Session


def answer_questions(page: Page, texts: dict[str, str]) -> None:
    for question, value in texts.items():
        group = page.get_by_role("group", name=question)
        if group.count():
            group.get_by_label(value, exact=True).check()
        else:
            page.get_by_label(question).fill(value)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_L2_L5_L6_L7_L9_L13_learner_journey(page: Page, live_server: Any) -> None:
    world = demo.build_world()
    add_demo_questionnaires(world)
    zuiderveen = world.clients[0]
    sanne = zuiderveen.learners[0]
    group = zuiderveen.groups[0]
    # Sanne has not chosen a group yet; group A's sessions lie in the past, and she attended them.
    enrolments.withdraw(group=group, learner=sanne, by=None)
    now = timezone.now()
    for n, session in enumerate(zuiderveen.sessions[group.code]):
        Session.objects.filter(pk=session.pk).update(
            starts_at=now - timedelta(days=10 - 7 * n, hours=3), ends_at=now - timedelta(days=10 - 7 * n)
        )
        training.record_attendance(session=session, learner=sanne, status="present", by=world.staff["trainer"])
    training.complete_action(action=zuiderveen.actions["preparation"], learner=sanne, by=sanne.user)

    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    missing: list[str] = []
    page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(sanne.user.email)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # L2: the overview.
    expect(page.get_by_role("heading", level=1)).to_have_text(zuiderveen.project.name)
    expect(page.get_by_role("table", name="Acties van je project")).to_contain_text("Intake invullen")
    expect(page.get_by_text("Je bent nog niet ingedeeld in een groep.")).to_be_visible()

    # L5: enrol in group A.
    page.get_by_role("link", name="Kies of wissel je groep").click()
    page.get_by_role("region", name="Groep A").get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text("Je bent ingeschreven voor Groep A.")).to_be_visible()
    assert Enrolment.objects.get(learner=sanne, project=zuiderveen.project).group_id == group.pk

    # L7: the intake.
    page.get_by_role("link", name="Terug naar je overzicht").click()
    page.get_by_role("link", name="Intake invullen").click()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Beantwoord deze vraag.").first).to_be_visible()
    answer_questions(
        page,
        {
            "Wat is je functie?": "Klantadviseur",
            "Wat wil je na deze training beter kunnen?": "Brieven in begrijpelijke taal schrijven.",
            "Hoe vaak schrijf je brieven of e-mails aan burgers of klanten?": "Wekelijks",
            "Hoe zeker voel je je over je schrijven (1 = onzeker, 5 = heel zeker)?": "3",
            "Heb je eerder een schrijftraining gevolgd?": "Nee",
        },
    )
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank je wel! Je antwoorden zijn verstuurd.")).to_be_visible()

    # L6 + S7: acknowledge the warning and upload homework.
    page.get_by_role("link", name="Huiswerk: een brief herschrijven").click()
    expect(page.get_by_role("heading", name=re.compile("geen vertrouwelijke gegevens"))).to_be_visible()
    page.get_by_label("Bestand", exact=True).set_input_files(
        {"name": "brief.txt", "mimeType": "text/plain", "buffer": b"Beste meneer, hierbij mijn brief."}
    )
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text("Bevestig eerst dat je de waarschuwing hebt gelezen.")).to_be_visible()
    assert not Upload.objects.exists()
    page.get_by_label(re.compile("Ik heb de waarschuwing gelezen")).check()
    page.get_by_label("Bestand", exact=True).set_input_files(
        {"name": "brief.txt", "mimeType": "text/plain", "buffer": b"Beste meneer, hierbij mijn brief."}
    )
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text("Je huiswerk is geüpload.")).to_be_visible()
    expect(page.get_by_role("table", name="Je uploads")).to_contain_text("brief.txt")

    # L9: the (anonymous) evaluation, open because the group's last session has ended.
    page.get_by_role("link", name="Terug naar je overzicht").click()
    page.get_by_role("link", name="Evaluatie", exact=True).click()
    expect(page.get_by_text("Deze evaluatie is anoniem")).to_be_visible()
    answer_questions(
        page,
        {
            "Welk cijfer geef je de training (1 = slecht, 5 = uitstekend)?": "5",
            "Hoe bruikbaar is wat je leerde voor je werk?": "4",
            "Zou je de training aanraden aan een collega?": "Ja",
        },
    )
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank je wel! Je antwoorden zijn verstuurd.")).to_be_visible()
    assert Response.objects.filter(questionnaire__kind="evaluation", learner=None).count() == 1

    # L13: the certificate.
    page.get_by_role("link", name="Certificaat").first.click()
    page.get_by_role("button", name="Maak mijn certificaat").click()
    certificate = Certificate.objects.get(learner=sanne)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download je certificaat (PDF)").click()
    download = download_info.value
    data = Path(download.path()).read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Sanne Jansen" in text
    assert zuiderveen.project.name in text
    assert certificate.verification_code in text
    assert f"/certificaat/controle/{certificate.verification_code}/" in text

    # The public check shows the same data.
    page.get_by_role("link", name="controlepagina").click()
    expect(page.get_by_text("Geldig")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Sanne Jansen")
    assert sanne.employee_number not in page.content()
    # No Content-Security-Policy violation or script error on the way; only the favicon may be missing.
    assert [url for url in missing if "favicon" not in url] == []
    assert [e for e in errors if "404" not in e] == []
