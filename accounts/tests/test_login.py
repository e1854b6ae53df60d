"""S1 / D4: logging in with email and password, one message for every failure, lockout, audit."""

from __future__ import annotations

from django.conf import settings
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import reverse

from accounts.tests.helpers import PASSWORD, normalised, post_login, with_password
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase

UNKNOWN = "niemand@nergens.example"
INVALID = "Deze combinatie van e-mailadres en wachtwoord kennen we niet."


class LoginTests(CastTestCase):
    def setUp(self) -> None:
        self.user = with_password(self.learner.user)

    def test_S1_login_with_email_and_password_reaches_the_portal(self) -> None:
        response = post_login(self.client, self.user.email.upper(), PASSWORD)
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.assertRedirects(self.client.get(reverse("home")), reverse("portal:home"), fetch_redirect_response=False)
        event = AuditEvent.objects.get(event=Event.LOGIN)
        self.assertEqual(event.actor, self.user)
        self.assertEqual(event.client, self.client_a)
        self.assertEqual(event.ip, "127.0.0.1")

    def test_S1_argon2_is_the_production_hasher(self) -> None:
        # Tests put a fast hasher first; production (see cursistensite/tests/test_deploy.py) starts with Argon2.
        self.assertIn("django.contrib.auth.hashers.Argon2PasswordHasher", settings.PASSWORD_HASHERS)
        hashers = [h for h in settings.PASSWORD_HASHERS if "MD5" not in h]
        self.assertEqual(hashers[0], "django.contrib.auth.hashers.Argon2PasswordHasher")
        with override_settings(PASSWORD_HASHERS=hashers):
            self.user.set_password(PASSWORD)
            self.assertTrue(self.user.password.startswith("argon2$"))

    def test_S1_one_message_for_unknown_account_and_wrong_password(self) -> None:
        wrong = post_login(self.client, self.user.email, "verkeerd-wachtwoord")
        unknown = post_login(HttpClient(), UNKNOWN, "verkeerd-wachtwoord")
        self.assertEqual(wrong.status_code, 200)
        self.assertEqual(unknown.status_code, 200)
        self.assertContains(wrong, INVALID)
        self.assertEqual(normalised(wrong.content, self.user.email), normalised(unknown.content, UNKNOWN))
        self.assertNotIn("_auth_user_id", self.client.session)
        failed = AuditEvent.objects.filter(event=Event.LOGIN_FAILED).order_by("id")
        self.assertEqual([e.actor_label for e in failed], [self.user.email, UNKNOWN])
        self.assertEqual([e.actor for e in failed], [None, None])

    def test_S1_deactivated_account_gets_the_same_message(self) -> None:
        self.user.is_active = False
        self.user.save(update_fields=["is_active"])
        inactive = post_login(self.client, self.user.email, PASSWORD)
        unknown = post_login(HttpClient(), UNKNOWN, PASSWORD)
        self.assertContains(inactive, INVALID)
        self.assertEqual(normalised(inactive.content, self.user.email), normalised(unknown.content, UNKNOWN))

    def test_S1_bad_input_gets_a_dutch_message_and_logs_nobody_in(self) -> None:
        response = self.client.post(reverse("accounts:login"), {"username": "geen-adres", "password": ""})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Voer een geldig e-mailadres in.")
        self.assertContains(response, "Dit veld is vereist.")
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertFalse(AuditEvent.objects.filter(event=Event.LOGIN).exists())

    def test_D4_logout_is_recorded_and_needs_post(self) -> None:
        post_login(self.client, self.user.email, PASSWORD)
        self.assertEqual(self.client.get(reverse("accounts:logout")).status_code, 405)
        response = self.client.post(reverse("accounts:logout"))
        self.assertRedirects(response, reverse("accounts:login"))
        self.assertNotIn("_auth_user_id", self.client.session)
        events = list(
            AuditEvent.objects.filter(actor=self.user, event__in=[Event.LOGIN, Event.LOGOUT])
            .order_by("id")
            .values_list("event", flat=True)
        )
        self.assertEqual(events, [Event.LOGIN, Event.LOGOUT])

    def test_S1_login_page_has_a_label_for_every_field(self) -> None:
        response = self.client.get(reverse("accounts:login"))
        self.assertContains(response, '<label for="id_username">E-mailadres')
        self.assertContains(response, '<label for="id_password">Wachtwoord')
        self.assertContains(response, '<main id="main"')

    def test_S1_login_page_query_count(self) -> None:
        with self.assertNumQueries(0):
            self.client.get(reverse("accounts:login"))


class LockoutTests(CastTestCase):
    def setUp(self) -> None:
        self.user = with_password(self.learner.user)

    def _fail_until_locked(self, email: str, agent: str) -> list[tuple[int, str]]:
        http = HttpClient(HTTP_USER_AGENT=agent)
        answers = []
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            response = post_login(http, email, "verkeerd-wachtwoord")
            answers.append((response.status_code, normalised(response.content, email)))
        return answers

    def test_S1_lockout_answers_the_same_for_existing_and_unknown_accounts(self) -> None:
        existing = self._fail_until_locked(self.user.email, "browser-a")
        unknown = self._fail_until_locked(UNKNOWN, "browser-b")
        self.assertEqual(existing, unknown)
        limit = settings.AXES_FAILURE_LIMIT
        self.assertEqual([status for status, _ in existing[: limit - 1]], [200] * (limit - 1))
        self.assertIn(INVALID, existing[0][1])
        locked_status, locked_body = existing[-1]
        self.assertEqual(locked_status, 429)
        self.assertIn("Te veel pogingen", locked_body)
        self.assertNotIn(INVALID, locked_body)
        locked = AuditEvent.objects.filter(event=Event.LOCKED_OUT)
        self.assertEqual({e.actor_label for e in locked}, {self.user.email, UNKNOWN})

    def test_S1_locked_account_is_refused_even_with_the_right_password(self) -> None:
        self._fail_until_locked(self.user.email, "browser-a")
        response = post_login(HttpClient(HTTP_USER_AGENT="browser-c"), self.user.email, PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(AuditEvent.objects.filter(event=Event.LOGIN).exists())

    def test_S1_lockout_cannot_be_dodged_by_changing_the_case_of_the_address(self) -> None:
        spellings = [self.user.email, self.user.email.upper(), self.user.email.title(), f" {self.user.email} "]
        answers = []
        for n in range(settings.AXES_FAILURE_LIMIT):
            http = HttpClient(HTTP_USER_AGENT=f"browser-{n}")
            answers.append(post_login(http, spellings[n % len(spellings)], "verkeerd-wachtwoord").status_code)
        self.assertEqual(answers[-1], 429)
        response = post_login(HttpClient(HTTP_USER_AGENT="browser-x"), self.user.email.upper(), PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(
            set(AuditEvent.objects.filter(event=Event.LOGIN_FAILED).values_list("actor_label", flat=True)),
            {self.user.email},
        )

    def test_S1_other_accounts_behind_the_same_office_address_still_log_in(self) -> None:
        self._fail_until_locked(UNKNOWN, "browser-a")
        colleague = with_password(self.learner_same_group.user)
        response = post_login(HttpClient(HTTP_USER_AGENT="browser-b"), colleague.email, PASSWORD)
        self.assertEqual(response.status_code, 302)
