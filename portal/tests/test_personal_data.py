"""L12 personal data: name, language, email with confirmation; the employee number stays hidden (D2)."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent, Event
from cursistensite.testing import CastTestCase
from messaging.models import MailMessage


class PersonalDataTests(CastTestCase):
    url = reverse("portal:personal-data")

    def confirm_link(self) -> str:
        mail = MailMessage.objects.get(to="sanne.nieuw@example.org")
        match = re.search(r"/portal/gegevens/email-bevestigen/[^/\s]+/", mail.body_text)
        assert match is not None
        return match.group(0)

    def test_L12_change_name_and_language(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(self.url, {"opslaan": "1", "full_name": "  Sanne  de Jong ", "language": "en"})
        self.assertRedirects(response, self.url)
        user = User.objects.get(pk=self.learner.user.pk)
        self.assertEqual((user.full_name, user.language), ("Sanne de Jong", "en"))
        self.assertTrue(AuditEvent.objects.filter(event=Event.ACCOUNT_CHANGED, target_code=user.code).exists())

    def test_L12_D2_employee_number_is_neither_shown_nor_editable(self) -> None:
        self.login(self.learner.user)
        response = self.client.get(self.url)
        self.assertNotContains(response, self.learner.employee_number)
        self.assertNotContains(response, "personeelsnummer")
        self.client.post(
            self.url, {"opslaan": "1", "full_name": "Sanne", "language": "nl", "employee_number": "HACK-1"}
        )
        self.learner.refresh_from_db()
        self.assertEqual(self.learner.employee_number, "ZV-1001")

    def test_L12_bad_input_gets_dutch_messages_and_changes_nothing(self) -> None:
        self.login(self.learner.user)
        response = self.client.post(self.url, {"opslaan": "1", "full_name": "", "language": "xx"})
        self.assertContains(response, "Vul je naam in.")
        self.assertContains(response, "Kies een taal uit de lijst.")
        response = self.client.post(self.url, {"email": "1", "new_email": "geen-adres"})
        self.assertContains(response, "Vul een geldig e-mailadres in.")
        response = self.client.post(self.url, {"email": "1", "new_email": self.learner_same_group.user.email})
        self.assertContains(response, "Dit e-mailadres kan niet worden gebruikt.")
        user = User.objects.get(pk=self.learner.user.pk)
        self.assertEqual((user.full_name, user.email), ("Sanne Jansen", self.learner.user.email))
        self.assertFalse(MailMessage.objects.exists())

    def test_L12_email_change_sends_a_link_to_the_new_address_and_a_notice_to_the_old(self) -> None:
        old = self.learner.user.email
        self.login(self.learner.user)
        response = self.client.post(self.url, {"email": "1", "new_email": "Sanne.Nieuw@example.org"}, follow=True)
        self.assertContains(response, "bevestigingslink")
        self.assertEqual(User.objects.get(pk=self.learner.user.pk).email, old)  # not yet
        notice = MailMessage.objects.get(to=old)
        self.assertIn("sanne.nieuw@example.org", notice.body_text)
        self.assertNotIn("email-bevestigen", notice.body_text)
        link = self.confirm_link()
        anonymous = HttpClient()
        self.assertContains(anonymous.get(link), "is bevestigd")
        self.assertEqual(User.objects.get(pk=self.learner.user.pk).email, "sanne.nieuw@example.org")
        # The link works once.
        self.assertContains(anonymous.get(link), "ongeldig of verlopen", status_code=400)

    def test_L12_expired_link_changes_nothing(self) -> None:
        self.login(self.learner.user)
        self.client.post(self.url, {"email": "1", "new_email": "sanne.nieuw@example.org"})
        with time_machine.travel(timezone.now() + timedelta(days=2, seconds=1), tick=False):
            response = HttpClient().get(self.confirm_link())
        self.assertContains(response, "ongeldig of verlopen", status_code=400)
        self.assertNotEqual(User.objects.get(pk=self.learner.user.pk).email, "sanne.nieuw@example.org")

    def test_L12_wrong_kind_of_user_is_refused(self) -> None:
        for user in (self.contact.user, self.trainer):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 403)
            self.assertEqual(
                self.client.post(self.url, {"opslaan": "1", "full_name": "X", "language": "nl"}).status_code, 403
            )

    def test_L12_query_count_is_pinned(self) -> None:
        self.login(self.learner.user)
        self.client.get(self.url)
        with self.assertNumQueries(3):
            self.client.get(self.url)
