"""Browser tests of the foundation (issue 2, item 10): the three faces, reached through the real login."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from cursistensite import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    check_landmarks(page)
    page.goto(f"{base}/account/inloggen/")  # again, without the #main the skip link added
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def check_landmarks(page: Page) -> None:
    """Every page starts with a keyboard skip link to the one <main> landmark."""
    skip = page.locator("a.skip-link")
    expect(skip).to_have_attribute("href", "#main")
    expect(skip).to_have_text("Naar de inhoud")
    expect(page.locator("main#main")).to_have_count(1)
    first = page.locator("a[href], button, input:not([type=hidden]), select, textarea").first
    expect(first).to_have_class(re.compile(r"\bskip-link\b"))
    skip.focus()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_L2_learner_logs_in_and_sees_the_overview(page: Page, live_server: object) -> None:
    world = demo.build_world()
    learner = world.clients[0].learners[0]
    project = world.clients[0].project
    log_in(page, str(live_server), learner.user.email)
    expect(page).to_have_url(re.compile(rf"/portal/projecten/{project.code}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name)
    expect(page.get_by_text("Intake invullen").first).to_be_visible()
    check_landmarks(page)
    # V2/D2: nothing of the other client, and never an employee number.
    content = page.content()
    assert world.clients[1].project.name not in content
    assert learner.employee_number and learner.employee_number not in content


def test_P1_project_leader_logs_in_and_sees_the_project_dashboard(page: Page, live_server: object) -> None:
    world = demo.build_world()
    ours, theirs = world.clients
    log_in(page, str(live_server), ours.contact.user.email)
    expect(page).to_have_url(re.compile(r"/klant/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Projecten")
    assert theirs.project.name not in page.content()
    page.get_by_role("link", name=ours.project.name).click()
    expect(page).to_have_url(re.compile(rf"/klant/projecten/{ours.project.code}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ours.project.name)
    check_landmarks(page)
    assert "ZV-1001" not in page.content()


def test_S2_staff_member_enrols_totp_and_reaches_the_office(page: Page, live_server: object) -> None:
    world = demo.build_world()
    ca = world.staff["ca"]
    log_in(page, str(live_server), ca.email)
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor instellen")
    expect(page.locator("figure svg")).to_have_count(1)
    check_landmarks(page)
    # A wrong code first: a Dutch error, still on the page.
    page.get_by_label("Code uit je authenticator-app").fill("12ab56")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("De code bestaat alleen uit cijfers.")).to_be_visible()
    secret = page.get_by_test_id("totp-secret").inner_text().strip()
    key = b32decode(secret + "=" * (-len(secret) % 8))
    token = f"{TOTP(key).token():06d}"
    page.get_by_label("Code uit je authenticator-app").fill(token)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page).to_have_url(re.compile(r"/kantoor/(#main)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Ilse")
    check_landmarks(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/account/inloggen/(#main)?$"))
    expect(page.get_by_text("Je bent uitgelogd.")).to_be_visible()
