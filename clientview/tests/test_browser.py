"""The project leader's main journey in headless Chromium (P1, P2, P7, P8, U6)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from clientview.tests.helpers import answer, make_questionnaire
from cursistensite import demo
from training import actions as training


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_P1_P2_P7_P8_U6_project_leader_follows_the_project(page: Page, live_server: Any) -> None:
    world = demo.build_world()
    zuiderveen = world.clients[0]
    group = zuiderveen.groups[0]
    session = zuiderveen.sessions[group.code][0]
    training.record_attendance(
        session=session, learner=zuiderveen.learners[0], status="present", by=world.staff["trainer"]
    )
    evaluation, questions = make_questionnaire(zuiderveen.project, "evaluation", title="Evaluatie Helder schrijven")
    answer(evaluation, questions, zuiderveen.learners[0], scale=5, yes_no="ja", text="Heel nuttig")

    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(zuiderveen.contact.user.email)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # P1: the project list and the dashboard with its chart and table.
    page.get_by_role("link", name=zuiderveen.project.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(zuiderveen.project.name)
    expect(page.get_by_role("img", name=re.compile("Voortgang per actie"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Voortgang per actie"))).to_contain_text("Intake invullen")
    assert "Het Anker" not in page.content()

    # P2: the per-learner table, filtered on a group.
    page.get_by_role("link", name="Voortgang per cursist").click()
    page.get_by_label("Groep", exact=True).select_option(label="Groep B")
    page.get_by_role("button", name="Toon").click()
    table = page.get_by_role("table", name=re.compile("cursist"))
    expect(table).to_contain_text("Pieter Smit")
    expect(table).not_to_contain_text("Sanne Jansen")

    # P7: an attendance list.
    page.get_by_role("link", name="Bijeenkomsten en presentie").click()
    page.get_by_role("link", name="Presentielijst").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Presentielijst")
    expect(page.get_by_role("table", name="Aanwezigheid")).to_contain_text("Aanwezig")

    # P8: the evaluation results.
    page.get_by_role("link", name="Evaluaties").click()
    expect(page.get_by_role("heading", name="Evaluatie Helder schrijven")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Heel nuttig")).to_be_visible()
    expect(page.get_by_role("table", name="Antwoorden per cursist")).to_contain_text("Sanne Jansen")

    # U6: download the progress report and open it again.
    page.get_by_role("link", name="Overzicht").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Voortgangsrapport (Excel)").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = download.path()
    assert path is not None
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Naam", "E-mailadres", "Personeelsnummer", "Groep")
    assert ("Sanne Jansen", "ZV-1001") in {(row[0], row[2]) for row in rows[1:]}
    # No Content-Security-Policy violation (or any other script error) on the way; favicon aside.
    assert [e for e in errors if "favicon" not in e and "404" not in e] == []
