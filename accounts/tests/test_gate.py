"""S1, S2, S5: staff pass a second factor (TOTP) and need a recorded NDA; third parties expire."""

from __future__ import annotations

from base64 import b32decode
from datetime import timedelta
from urllib.parse import quote

import time_machine
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.tests.helpers import PASSWORD, post_login, with_password
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase

TWO_FACTOR = reverse("accounts:two-factor")
OFFICE = reverse("office:home")
EXPIRED = "Je toegang is verlopen. Neem contact op met de security officer."
NO_DATA = "Nog geen toegang tot gegevens"


def token_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


class TwoFactorTests(CastTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.ca)

    def test_S2_staff_without_a_device_are_sent_to_enrol(self) -> None:
        response = self.client.get(OFFICE)
        self.assertRedirects(response, f"{TWO_FACTOR}?next={quote(OFFICE)}", fetch_redirect_response=False)
        for page in (reverse("office:project-list"), reverse("office:audit-log"), reverse("home")):
            self.assertTrue(self.client.get(page)["Location"].startswith(TWO_FACTOR), page)

    def test_S2_enrol_page_shows_a_qr_code_and_the_secret(self) -> None:
        response = self.client.get(TWO_FACTOR, {"next": OFFICE})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tweede factor instellen")
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=self.ca)
        self.assertFalse(device.confirmed)
        secret = response.context["secret"]
        self.assertContains(response, f'<code data-testid="totp-secret">{secret}</code>')
        self.assertEqual(b32decode(secret + "=" * (-len(secret) % 8)), device.bin_key)
        # Reloading the page keeps the same (unconfirmed) device and secret.
        self.assertEqual(self.client.get(TWO_FACTOR).context["secret"], secret)
        self.assertEqual(TOTPDevice.objects.filter(user=self.ca).count(), 1)

    def test_S2_wrong_code_gives_a_dutch_error_and_the_right_code_lets_them_in(self) -> None:
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            self.client.get(TWO_FACTOR)
            device = TOTPDevice.objects.get(user=self.ca)
            wrong = token_for(device, offset=10)
            response = self.client.post(TWO_FACTOR, {"token": wrong, "next": OFFICE})
            self.assertContains(response, "Deze code klopt niet. Probeer de nieuwste code uit je app.")
            self.assertFalse(AuditEvent.objects.filter(event=Event.OTP_ENROLLED).exists())
            self.assertEqual(self.client.get(OFFICE).status_code, 302)
        # django-otp throttles after a failure (1 s, then 2 s …); the next code comes later anyway.
        with time_machine.travel(now + timedelta(seconds=31), tick=False):
            device.refresh_from_db()
            response = self.client.post(TWO_FACTOR, {"token": token_for(device), "next": OFFICE})
            self.assertRedirects(response, OFFICE, fetch_redirect_response=False)
            device.refresh_from_db()
            self.assertTrue(device.confirmed)
            event = AuditEvent.objects.get(event=Event.OTP_ENROLLED)
            self.assertEqual(event.actor, self.ca)
            self.assertEqual(self.client.get(OFFICE).status_code, 200)

    def test_S2_repeated_wrong_codes_are_throttled_with_a_clear_message(self) -> None:
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            self.client.get(TWO_FACTOR)
            device = TOTPDevice.objects.get(user=self.ca)
            self.client.post(TWO_FACTOR, {"token": token_for(device, offset=10)})
            # Right away, even the right code is held back, and the page says why.
            response = self.client.post(TWO_FACTOR, {"token": token_for(device)})
            self.assertContains(response, "Te veel verkeerde codes achter elkaar.")
            self.assertNotContains(response, "Deze code klopt niet.")
            self.assertFalse(TOTPDevice.objects.get(pk=device.pk).confirmed)

    def test_S2_bad_input_gets_dutch_messages(self) -> None:
        for token, message in [
            ("", "Vul de code van zes cijfers in."),
            ("12ab56", "De code bestaat alleen uit cijfers."),
            ("123", "De code heeft zes cijfers."),
        ]:
            response = self.client.post(TWO_FACTOR, {"token": token})
            self.assertContains(response, message, msg_prefix=token)
        self.assertFalse(TOTPDevice.objects.filter(user=self.ca, confirmed=True).exists())

    def test_S2_next_login_asks_for_the_code_without_a_qr_code(self) -> None:
        device = TOTPDevice.objects.create(user=self.ca, name="app", confirmed=True)
        response = self.client.get(TWO_FACTOR)
        self.assertNotContains(response, "<svg")
        self.assertNotContains(response, "totp-secret")
        response = self.client.post(TWO_FACTOR, {"token": token_for(device), "next": "https://evil.example/"})
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.assertFalse(AuditEvent.objects.filter(event=Event.OTP_ENROLLED).exists())

    def test_S2_second_factor_page_query_count(self) -> None:
        TOTPDevice.objects.create(user=self.ca, name="app", confirmed=True)
        # session, user, confirmed device
        with self.assertNumQueries(3):
            response = self.client.get(TWO_FACTOR)
        self.assertEqual(response.status_code, 200)

    def test_S1_learners_have_no_second_factor_page(self) -> None:
        http = HttpClient()
        http.force_login(self.learner.user)
        self.assertRedirects(http.get(TWO_FACTOR), reverse("home"), fetch_redirect_response=False)
        self.assertFalse(TOTPDevice.objects.filter(user=self.learner.user).exists())

    def test_S1_anonymous_visitors_are_sent_to_login(self) -> None:
        response = HttpClient().get(TWO_FACTOR)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))


class OfficeOnlyForStaffTests(CastTestCase):
    def test_S1_learners_and_contacts_get_403_in_the_office(self) -> None:
        for user in (self.learner.user, self.contact.user):
            self.login(user)
            self.assertEqual(self.client.get(OFFICE).status_code, 403, user)

    def test_S1_verified_staff_reach_the_office(self) -> None:
        self.login(self.helpdesk)
        self.assertEqual(self.client.get(OFFICE).status_code, 200)


class NdaTests(CastTestCase):
    def test_S2_staff_without_nda_reach_no_data_page(self) -> None:
        User.objects.filter(pk=self.ca.pk).update(nda_signed_on=None)
        self.login(self.ca)
        for page in (
            OFFICE,
            reverse("office:project-list"),
            reverse("office:project-detail", args=[self.project_a.code]),
        ):
            response = self.client.get(page)
            self.assertEqual(response.status_code, 403, page)
            self.assertContains(response, NO_DATA, status_code=403)
            self.assertNotContains(response, self.project_a.name, status_code=403)

    def test_S2_staff_with_nda_reach_data_pages(self) -> None:
        self.login(self.ca)
        response = self.client.get(reverse("office:project-detail", args=[self.project_a.code]))
        self.assertContains(response, self.project_a.name)

    def test_S5_third_party_without_processing_agreement_reaches_no_data_page(self) -> None:
        User.objects.filter(pk=self.third_party.pk).update(processing_agreement_signed_on=None)
        self.login(self.third_party)
        response = self.client.get(OFFICE)
        self.assertContains(response, NO_DATA, status_code=403)

    def test_S5_third_party_without_nda_reaches_no_data_page(self) -> None:
        User.objects.filter(pk=self.third_party.pk).update(nda_signed_on=None)
        self.login(self.third_party)
        self.assertContains(self.client.get(OFFICE), NO_DATA, status_code=403)

    def test_S5_third_party_with_both_agreements_reaches_the_office(self) -> None:
        self.login(self.third_party)
        self.assertEqual(self.client.get(OFFICE).status_code, 200)


class ThirdPartyExpiryTests(CastTestCase):
    def setUp(self) -> None:
        self.user = with_password(self.third_party)
        assert self.user.access_ends_at is not None
        self.ends = self.user.access_ends_at

    def test_S5_refused_at_login_after_the_end_date(self) -> None:
        with time_machine.travel(self.ends + timedelta(minutes=1)):
            response = post_login(self.client, self.user.email, PASSWORD)
        self.assertContains(response, EXPIRED)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertFalse(AuditEvent.objects.filter(event=Event.LOGIN).exists())

    def test_S5_logs_in_before_the_end_date(self) -> None:
        with time_machine.travel(self.ends - timedelta(minutes=1)):
            response = post_login(self.client, self.user.email, PASSWORD)
        self.assertEqual(response.status_code, 302)

    def test_S5_refused_on_the_very_next_request_after_the_end_date(self) -> None:
        with time_machine.travel(self.ends - timedelta(seconds=1), tick=False):
            self.login(self.user)
            self.assertEqual(self.client.get(OFFICE).status_code, 200)
        with time_machine.travel(self.ends, tick=False):
            response = self.client.get(OFFICE)
            self.assertRedirects(response, reverse("accounts:login"), fetch_redirect_response=False)
            self.assertNotIn("_auth_user_id", self.client.session)
            login_page = self.client.get(response["Location"])
        self.assertContains(login_page, EXPIRED)
        refused = AuditEvent.objects.get(event=Event.ACCESS_REFUSED)
        self.assertEqual(refused.actor, self.user)
        self.assertEqual(refused.data, {"reason": "expired"})

    def test_S5_refused_on_open_pages_too(self) -> None:
        with time_machine.travel(self.ends - timedelta(minutes=1)):
            self.login(self.user)
        with time_machine.travel(self.ends + timedelta(minutes=1)):
            response = self.client.get(TWO_FACTOR)
        self.assertRedirects(response, reverse("accounts:login"), fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
