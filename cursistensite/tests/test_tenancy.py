"""V1, V2, D2 through the access module and the foundation's first pages: another client's object
answers exactly like a missing one; group members are shown only to their group and project leader."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client as HttpClient
from django.urls import reverse

import access
from accounts.roles import Task
from clients.models import Learner
from cursistensite.testing import CastTestCase

_CSRF = re.compile(r'value="[A-Za-z0-9]{64}"')


def same_page(body: bytes, code: str) -> str:
    """The page without CSRF tokens and the requested code (the language form echoes the path)."""
    return _CSRF.sub('value=""', body.decode()).replace(code, "CODE")


class ClientsNeverSeeEachOtherTests(CastTestCase):
    def _answers(self, http: HttpClient, name: str, code: str) -> tuple[int, str]:
        response = http.get(reverse(name, args=[code]))
        return response.status_code, same_page(response.content, code)

    def test_V2_other_clients_project_answers_like_a_missing_one(self) -> None:
        cases = [
            (self.learner.user, "portal:project-detail", self.project_a, self.project_b),
            (self.contact.user, "clientview:project-detail", self.project_a, self.project_b),
            (self.contact_other_client.user, "clientview:project-detail", self.project_b, self.project_a),
        ]
        for user, name, own, other in cases:
            with self.subTest(user=user.email, page=name):
                http = self.login(user, HttpClient())
                self.assertEqual(http.get(reverse(name, args=[own.code])).status_code, 200)
                other_answer = self._answers(http, name, other.code)
                missing_answer = self._answers(http, name, "bestaatniet")
                self.assertEqual(other_answer[0], 404)
                self.assertEqual(other_answer, missing_answer)
                self.assertNotIn(other.name, other_answer[1])

    def test_V2_the_project_leader_of_one_client_sees_only_its_projects(self) -> None:
        self.assertEqual(list(access.visible_projects(self.contact.user)), [self.project_a])
        self.assertEqual(list(access.visible_projects(self.contact_other_client.user)), [self.project_b])
        with self.assertRaises(Http404):
            access.access_learner(self.contact.user, self.learner_other_client.code)
        self.assertEqual(access.access_learner(self.contact.user, self.learner.code), self.learner)

    def test_V2_learner_sees_only_their_own_learner_row(self) -> None:
        self.assertEqual(access.access_learner(self.learner.user, self.learner.code), self.learner)
        for other in (self.learner_same_group, self.learner_other_group, self.learner_other_client):
            with self.subTest(other=other.code), self.assertRaises(Http404):
                access.access_learner(self.learner.user, other.code)

    def test_V2_staff_act_only_by_task(self) -> None:
        with self.assertRaises(PermissionDenied):
            access.access_project(self.ca, self.project_a.code)  # no task named: refused
        with self.assertRaises(PermissionDenied):
            access.access_project(self.marketing, self.project_a.code, need=Task.TRACK_PROGRESS)
        self.assertEqual(access.access_project(self.ca, self.project_b.code, need=Task.TRACK_PROGRESS), self.project_b)
        with self.assertRaises(PermissionDenied):
            access.access_project(self.learner.user, self.project_a.code, need=Task.TRACK_PROGRESS)

    def test_V2_office_project_page_refuses_roles_without_the_task(self) -> None:
        url = reverse("office:project-detail", args=[self.project_a.code])
        self.assertEqual(self.login(self.ca, HttpClient()).get(url).status_code, 200)
        self.assertEqual(self.login(self.marketing, HttpClient()).get(url).status_code, 403)
        self.assertEqual(self.login(self.contact.user, HttpClient()).get(url).status_code, 403)
        self.assertEqual(self.login(self.learner.user, HttpClient()).get(url).status_code, 403)


class GroupMembersTests(CastTestCase):
    def emails(self, group_members: Iterable[Learner]) -> set[str]:
        return {learner.user.email for learner in group_members}

    def test_V1_learner_sees_names_and_emails_of_their_own_group_only(self) -> None:
        members = self.emails(access.list_group_members(self.learner.user, self.group_a1))
        self.assertIn(self.learner.user.email, members)
        self.assertIn(self.learner_same_group.user.email, members)
        self.assertNotIn(self.learner_other_group.user.email, members)
        with self.assertRaises(Http404):
            access.list_group_members(self.learner.user, self.group_a2)
        with self.assertRaises(Http404):
            access.list_group_members(self.learner_other_client.user, self.group_a1)

    def test_V1_project_leader_sees_the_members_of_their_clients_groups_only(self) -> None:
        members = self.emails(access.list_group_members(self.contact.user, self.group_a2))
        self.assertIn(self.learner_other_group.user.email, members)
        with self.assertRaises(Http404):
            access.list_group_members(self.contact_other_client.user, self.group_a1)

    def test_V1_group_page_of_the_client_view_shows_members_to_their_project_leader(self) -> None:
        url = reverse("clientview:group-detail", args=[self.group_a1.code])
        response = self.login(self.contact.user, HttpClient()).get(url)
        self.assertContains(response, self.learner_same_group.user.email)
        self.assertNotContains(response, self.learner_other_group.user.email)
        # D2: never the employee number on a client-view page.
        self.assertTrue(self.learner.employee_number)
        self.assertNotContains(response, self.learner.employee_number)
        other = self.login(self.contact_other_client.user, HttpClient()).get(url)
        self.assertEqual(other.status_code, 404)
        self.assertEqual(self.login(self.learner.user, HttpClient()).get(url).status_code, 403)
