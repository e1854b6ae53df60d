"""U1: single-use, expiring invitation links; password reset through the outbox; sessions that end."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

import time_machine
from django.conf import settings
from django.db.models import F
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from accounts.actions import InvalidInvitation, accept_invitation, create_invitation
from accounts.models import Invitation, User
from accounts.tests.helpers import PASSWORD, post_login, with_password
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from messaging.models import MailMessage

NEW = "Nieuwe-fiets-2027"


def invitation_path(user: User, by: User) -> str:
    return urlparse(create_invitation(user=user, by=by)).path


def choose(http: HttpClient, path: str, password: str = NEW, repeat: str | None = None) -> Any:
    return http.post(path, {"new_password1": password, "new_password2": repeat or password})


class InvitationTests(CastTestCase):
    def setUp(self) -> None:
        self.user = self.learner.user
        self.path = invitation_path(self.user, self.ca)

    def test_U1_invitation_sets_a_password_once(self) -> None:
        response = self.client.get(self.path)
        self.assertContains(response, "Kies je wachtwoord")
        self.assertContains(response, self.user.full_name)
        response = choose(self.client, self.path)
        self.assertRedirects(response, reverse("accounts:login"))
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW))
        self.assertIsNotNone(Invitation.objects.get(user=self.user).used_at)
        event = AuditEvent.objects.get(event=Event.PASSWORD_SET)
        self.assertEqual((event.actor, event.client), (self.user, self.client_a))
        self.assertEqual(post_login(HttpClient(), self.user.email, NEW).status_code, 302)

    def test_U1_second_use_answers_410(self) -> None:
        choose(self.client, self.path)
        response = self.client.get(self.path)
        self.assertContains(response, "Deze link werkt niet meer", status_code=410)
        response = choose(HttpClient(), self.path, password="Ander-wachtwoord-99")
        self.assertEqual(response.status_code, 410)
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW))

    def test_U1_double_submit_uses_the_link_once(self) -> None:
        first = choose(self.client, self.path)
        second = choose(self.client, self.path, password="Ander-wachtwoord-99")
        self.assertEqual((first.status_code, second.status_code), (302, 410))
        self.assertEqual(AuditEvent.objects.filter(event=Event.PASSWORD_SET).count(), 1)
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW))

    def test_U1_accept_twice_in_the_action_raises(self) -> None:
        token = self.path.rstrip("/").rsplit("/", 1)[1]
        accept_invitation(token=token, password=NEW)
        with self.assertRaises(InvalidInvitation):
            accept_invitation(token=token, password="Ander-wachtwoord-99")

    def test_U1_link_expires_after_the_valid_days(self) -> None:
        created = Invitation.objects.get(user=self.user).created_at
        valid = timedelta(days=settings.INVITATION_VALID_DAYS)
        with time_machine.travel(created + valid - timedelta(minutes=1)):
            self.assertEqual(self.client.get(self.path).status_code, 200)
        with time_machine.travel(created + valid + timedelta(seconds=1)):
            self.assertEqual(self.client.get(self.path).status_code, 410)
            self.assertEqual(choose(self.client, self.path).status_code, 410)
        self.user.refresh_from_db()
        self.assertFalse(self.user.has_usable_password())

    def test_U1_unknown_token_and_deactivated_account_answer_410(self) -> None:
        response = self.client.get(reverse("accounts:invitation", args=["niet-bestaand"]))
        self.assertEqual(response.status_code, 410)
        User.objects.filter(pk=self.user.pk).update(is_active=False)
        self.assertEqual(self.client.get(self.path).status_code, 410)

    def test_U1_using_one_link_closes_the_older_links(self) -> None:
        newer = invitation_path(self.user, self.ca)
        choose(self.client, newer)
        self.assertEqual(self.client.get(self.path).status_code, 410)

    def test_U1_password_validators_answer_in_dutch_and_change_nothing(self) -> None:
        cases = [
            ("kort", None, "Dit wachtwoord is te kort. Gebruik minstens 10 tekens."),
            ("12345678901234", None, "Dit wachtwoord bevat alleen cijfers."),
            ("password123", None, "Dit wachtwoord is te algemeen."),
            (NEW, "Iets-anders-2027", "De twee wachtwoordvelden komen niet overeen."),
            ("", None, "Dit veld is vereist."),
        ]
        for password, repeat, message in cases:
            response = choose(self.client, self.path, password=password, repeat=repeat)
            self.assertContains(response, message, msg_prefix=password)
            self.assertNotContains(response, "This password", msg_prefix=password)
        self.user.refresh_from_db()
        self.assertFalse(self.user.has_usable_password())
        self.assertIsNone(Invitation.objects.get(user=self.user).used_at)
        self.assertFalse(AuditEvent.objects.filter(event=Event.PASSWORD_SET).exists())

    def test_U1_invitation_is_recorded(self) -> None:
        event = AuditEvent.objects.get(event=Event.INVITATION_SENT)
        self.assertEqual((event.actor, event.target_code, event.client), (self.ca, self.user.code, self.client_a))

    def test_U1_invitation_page_query_count(self) -> None:
        with self.assertNumQueries(1):
            self.client.get(self.path)


class PasswordResetTests(CastTestCase):
    def setUp(self) -> None:
        self.user = with_password(self.learner.user)

    def _ask(self, email: str) -> Any:
        return HttpClient().post(reverse("accounts:password-reset"), {"email": email})

    def test_U1_reset_goes_through_the_outbox(self) -> None:
        response = self._ask(self.user.email.upper())
        self.assertRedirects(response, reverse("accounts:password-reset-done"))
        mail = MailMessage.objects.get(to=self.user.email)
        self.assertEqual(mail.kind, "password_reset")
        match = re.search(r"https?://[^/\s]+(/account/wachtwoord-herstellen/\S+/)", mail.body_text)
        assert match is not None, mail.body_text
        http = HttpClient()
        form_page = http.get(match.group(1), follow=True)
        self.assertContains(form_page, "Nieuw wachtwoord")
        response = http.post(form_page.request["PATH_INFO"], {"new_password1": NEW, "new_password2": NEW})
        self.assertRedirects(response, reverse("accounts:login"))
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(NEW))
        self.assertTrue(AuditEvent.objects.filter(event=Event.PASSWORD_SET, actor=self.user).exists())
        # The link works once.
        self.assertContains(HttpClient().get(match.group(1), follow=True), "Deze link werkt niet meer")

    def test_U1_reset_answers_the_same_for_known_and_unknown_addresses(self) -> None:
        known = self._ask(self.user.email)
        unknown = self._ask("niemand@nergens.example")
        self.assertEqual((known.status_code, known["Location"]), (unknown.status_code, unknown["Location"]))
        self.assertEqual(MailMessage.objects.filter(kind="password_reset").count(), 1)

    def test_U1_reset_reaches_someone_whose_invitation_expired(self) -> None:
        never_set = self.learner_same_group.user
        self.assertFalse(never_set.has_usable_password())
        self._ask(never_set.email)
        self.assertTrue(MailMessage.objects.filter(to=never_set.email, kind="password_reset").exists())

    def test_U1_reset_sends_nothing_to_a_deactivated_account(self) -> None:
        User.objects.filter(pk=self.user.pk).update(is_active=False)
        response = self._ask(self.user.email)
        self.assertRedirects(response, reverse("accounts:password-reset-done"))
        self.assertFalse(MailMessage.objects.filter(kind="password_reset").exists())

    def test_U1_reset_bad_input_gets_a_dutch_message(self) -> None:
        response = HttpClient().post(reverse("accounts:password-reset"), {"email": "geen-adres"})
        self.assertContains(response, "Voer een geldig e-mailadres in.")
        self.assertFalse(MailMessage.objects.exists())

    def test_U1_reset_page_query_count(self) -> None:
        with self.assertNumQueries(0):
            response = HttpClient().get(reverse("accounts:password-reset"))
        self.assertContains(response, "Wachtwoord vergeten")

    def test_U1_reset_with_a_weak_password_changes_nothing(self) -> None:
        self._ask(self.user.email)
        mail = MailMessage.objects.get(to=self.user.email)
        match = re.search(r"(/account/wachtwoord-herstellen/\S+/)", mail.body_text)
        assert match is not None
        http = HttpClient()
        page = http.get(match.group(1), follow=True)
        response = http.post(page.request["PATH_INFO"], {"new_password1": "kort", "new_password2": "kort"})
        self.assertContains(response, "Dit wachtwoord is te kort.")
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(PASSWORD))


class SessionEndTests(CastTestCase):
    def test_S3_bumping_session_version_logs_out_on_the_next_request(self) -> None:
        for user, page in [(self.learner.user, reverse("portal:home")), (self.ca, reverse("office:home"))]:
            http = HttpClient()
            self.login(user, http)
            response = http.get(page)
            self.assertNotEqual(response.status_code, 403)
            self.assertNotEqual(response.get("Location", ""), reverse("accounts:login") + f"?next={page}")
            User.objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
            response = http.get(page)
            self.assertEqual(response.status_code, 302, user)
            self.assertTrue(response["Location"].startswith(reverse("accounts:login")), user)
            self.assertNotIn("_auth_user_id", http.session)

    def test_S3_deactivation_logs_out_on_the_next_request(self) -> None:
        http = self.login(self.helpdesk, HttpClient())
        self.assertEqual(http.get(reverse("office:home")).status_code, 200)
        User.objects.filter(pk=self.helpdesk.pk).update(is_active=False)
        response = http.get(reverse("office:home"))
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))

    def test_S3_session_lives_on_without_a_change(self) -> None:
        http = self.login(self.helpdesk, HttpClient())
        User.objects.filter(pk=self.helpdesk.pk).update(full_name="Mo Bouzid")
        self.assertEqual(http.get(reverse("office:home")).status_code, 200)

    def test_S1_session_ends_after_eight_hours(self) -> None:
        now = timezone.now()
        with time_machine.travel(now):
            http = self.login(self.helpdesk, HttpClient())
        with time_machine.travel(now + timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)):
            response = http.get(reverse("office:home"))
        self.assertTrue(response["Location"].startswith(reverse("accounts:login")))
