from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Invitation
from clients.actions import create_learner
from cursistensite.testing import CastTestCase
from messaging.actions import deliver_due
from messaging.models import MailMessage
from training.actions import add_participant, place_in_group
from training.models import Enrolment, Participation


class InvitationTests(CastTestCase):
    def test_U1_U4_invite_whole_project_marks_invited_and_queues_one_mail_each(self) -> None:
        self.login(self.ca)
        url = reverse("office:project-invite", args=[self.project_a.code])
        waiting = Participation.objects.filter(project=self.project_a, invited_at__isnull=True).count()
        self.assertGreater(waiting, 0)
        self.assertContains(self.client.get(url), f"{waiting} cursisten krijgen een uitnodiging")
        response = self.client.post(url)
        self.assertRedirects(response, reverse("office:project-learners", args=[self.project_a.code]))
        self.assertEqual(Participation.objects.filter(project=self.project_a, invited_at__isnull=True).count(), 0)
        self.assertEqual(MailMessage.objects.filter(kind="invitation").count(), waiting)
        self.assertEqual(
            Invitation.objects.filter(user__learner__participations__project=self.project_a).count(), waiting
        )
        # Nobody of client B is touched; a second click invites nobody twice.
        self.assertFalse(MailMessage.objects.filter(client=self.client_b).exists())
        self.client.post(url)
        self.assertEqual(MailMessage.objects.filter(kind="invitation").count(), waiting)

    def test_U1_invitation_link_in_the_mail_sets_a_password(self) -> None:
        self.login(self.ca)
        self.client.post(reverse("office:learner-invite", args=[self.learner.code, self.project_a.code]))
        mail = MailMessage.objects.get(learner=self.learner)
        link = next(word for word in mail.body_text.split() if "/account/uitnodiging/" in word)
        path = link.split("://", 1)[1].split("/", 1)[1]
        self.client.logout()
        response = self.client.get("/" + path)
        self.assertEqual(response.status_code, 200)

    def test_U4_invite_group_only_invites_its_members(self) -> None:
        self.login(self.ca)
        self.client.post(reverse("office:group-invite", args=[self.group_a1.code]))
        invited = set(MailMessage.objects.values_list("learner", flat=True))
        self.assertIn(self.learner.pk, invited)
        self.assertIn(self.learner_same_group.pk, invited)
        self.assertNotIn(self.learner_other_group.pk, invited)

    def test_U4_refusals(self) -> None:
        self.login(self.trainer)
        self.assertEqual(self.client.get(reverse("office:group-invite", args=["onbekend"])).status_code, 404)
        for user in (self.adviser, self.programmer, self.security):
            self.login(user)
            self.assertEqual(
                self.client.get(reverse("office:project-invite", args=[self.project_a.code])).status_code, 403, user
            )
            self.assertEqual(
                self.client.post(
                    reverse("office:learner-invite", args=[self.learner.code, self.project_a.code])
                ).status_code,
                403,
            )
        self.login(self.contact.user)
        self.assertEqual(self.client.get(reverse("office:project-invite", args=[self.project_a.code])).status_code, 403)
        # A learner of another client cannot be invited into this project: nothing happens.
        self.login(self.ca)
        self.client.post(reverse("office:learner-invite", args=[self.learner_other_client.code, self.project_a.code]))
        self.assertFalse(MailMessage.objects.exists())

    def test_U4_learner_page_shows_mail_history_with_status(self) -> None:
        self.login(self.ca)
        self.client.post(reverse("office:learner-invite", args=[self.learner.code, self.project_a.code]))
        page = reverse("office:learner-detail", args=[self.learner.code])
        response = self.client.get(page)
        self.assertContains(response, "Je account voor de Cursistensite")
        self.assertContains(response, "In de wachtrij")
        with self.settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            deliver_due()
        self.assertContains(self.client.get(page), "Verstuurd")
        # Another learner's page does not show this mail.
        other = self.client.get(reverse("office:learner-detail", args=[self.learner_same_group.code]))
        self.assertNotContains(other, "Je account voor de Cursistensite")

    def test_U4_learner_page_refusals(self) -> None:
        self.login(self.trainer2)  # trains group A2 of project A and B2: not a learner outside his projects
        self.assertEqual(self.client.get(reverse("office:learner-detail", args=["onbekend"])).status_code, 404)
        for user in (self.programmer, self.security):
            self.login(user)
            self.assertEqual(
                self.client.get(reverse("office:learner-detail", args=[self.learner.code])).status_code, 403
            )
        self.login(self.learner.user)
        self.assertEqual(self.client.get(reverse("office:learner-detail", args=[self.learner.code])).status_code, 403)

    def test_U4_learner_page_query_count_is_flat(self) -> None:
        self.login(self.ca)
        page = reverse("office:learner-detail", args=[self.learner.code])

        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.assertEqual(self.client.get(page).status_code, 200)
            return len(ctx.captured_queries)

        self.client.post(reverse("office:learner-invite", args=[self.learner.code, self.project_a.code]))
        one = count()
        for _ in range(49):
            self.client.post(reverse("office:learner-invite", args=[self.learner.code, self.project_a.code]))
        self.assertEqual(MailMessage.objects.filter(learner=self.learner).count(), 50)
        self.assertEqual(count(), one)

    def test_S9_bulk_invitation_of_hundreds_uses_a_fixed_number_of_queries(self) -> None:
        def invite(n: int, prefix: str) -> int:
            project = self.project_b
            group = self.group_b1
            group.capacity = 1000
            group.save()
            for i in range(n):
                learner = create_learner(
                    client=self.client_b, email=f"{prefix}{i}@anker.example", full_name=f"L {i}", by=self.ca
                )
                add_participant(project=project, learner=learner, by=self.ca)
                place_in_group(group=group, learner=learner, by=self.ca)
            self.login(self.ca)
            with CaptureQueriesContext(connection) as ctx:
                self.client.post(reverse("office:group-invite", args=[group.code]))
            return len(ctx.captured_queries)

        one, many = invite(1, "a"), invite(200, "b")
        # Rows are written in bulk: only a few extra batch statements for 200 learners, never one per learner.
        self.assertLessEqual(many, one + 10)
        members = Enrolment.objects.filter(group=self.group_b1, status=Enrolment.Status.ENROLLED).count()
        self.assertEqual(MailMessage.objects.filter(client=self.client_b).count(), members)
