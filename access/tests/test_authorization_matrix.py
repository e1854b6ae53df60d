"""The authorization matrix (issue 2, V1, V2, S1–S5).

It walks every URL pattern from the resolver and fails on any it cannot cover. Each pattern is called
by every actor, against objects of the actor's own group, another group of the same client, and
another client, with GET and POST. What each view demands it declares itself (the `access` guards
record `audience` and `required_task`), so there is no second list to keep in step.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import User
from cursistensite.testing import CastTestCase, as_user
from measurements.actions import save_measurement
from textmeter.measure import measure
from training.models import Session

# Patterns anyone may reach: logging in, password reset, language switch, certificate verification.
PUBLIC = {
    "home",
    "set_language",
    "accounts:login",
    "accounts:logout",
    "accounts:two-factor",
    "accounts:invitation",
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "api:schema",
    "portal:certificate-verify",
    "portal:email-confirm",
}
# URL parameters that are not object codes, with the value to use.
FIXED_PARAMS = {
    "token": "no-such-token",
    "uidb64": "MQ",
    "fmt": "xlsx",
    "verification_code": "NO-SUCH-CODE",
    "step": "versturen",
}
# Parameter name or the path segment before it → the kind of object it addresses.
PARAM_KIND = {"learner_code": "learner", "learner": "learner", "project": "project"}
SEGMENT_KIND = {
    "projecten": "project",
    "groepen": "group",
    "bijeenkomsten": "session",
    "cursisten": "learner",
    "bewaard": "measurement",
    "teksten": "measurement",
    "vragenlijsten": "questionnaire",
    "bestanden": "upload",
    "materiaal": "material",
    "certificaten": "certificate",
    "kennisbank": "article",
    "klanten": "client",
    "medewerkers": "employee",
    "facturen": "invoice",
    "vraag": "thread",
}
# Kinds a learner may open only for themselves, and kinds only for their own group.
OWNER_ONLY = {"learner", "measurement", "upload", "certificate", "thread"}
GROUP_ONLY = {"session"}
# Patterns that legitimately answer no actor with success in this set-up, with the reason.
KNOWN_CLOSED: dict[str, str] = {
    "office:import-mapping": "needs a file uploaded in the step before (tested in office/tests/test_import.py)",
    "office:import-preview": "needs a file uploaded in the step before (tested in office/tests/test_import.py)",
}

FACES = ("portal/", "klant/", "kantoor/")
PARAM_RE = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class Pattern:
    route: str
    name: str
    audience: str | None
    task: Any
    params: list[tuple[str, str]]  # (name, kind or "fixed")


@dataclass
class Obj:
    code: str
    client: Any
    group: Any
    owner: Any  # the learner who owns it, for OWNER_ONLY kinds


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> list[tuple[str, str, Any]]:
    rows = []
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            rows += walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace else (p.name or "")
            rows.append((prefix + str(p.pattern), name, p.callback))
    return rows


def fill(route: str, kwargs: dict[str, str]) -> str:
    return "/" + PARAM_RE.sub(lambda m: kwargs[m.group("name")], route)


def classify() -> tuple[list[Pattern], list[str]]:
    patterns, uncovered = [], []
    for route, name, callback in walk(get_resolver().url_patterns):
        if route.startswith("beheer/"):
            continue  # the Django admin: covered by its own test (programmers only)
        audience = callback.__dict__.get("audience")
        if audience is None and name not in PUBLIC:
            uncovered.append(f"{name} ({route}): view declares no audience and is not public")
            continue
        params = []
        for match in PARAM_RE.finditer(route):
            pname = match.group("name")
            if pname in FIXED_PARAMS:
                params.append((pname, "fixed"))
                continue
            before = route[: match.start()].rstrip("/").split("/")[-1]
            kind = PARAM_KIND.get(pname) or SEGMENT_KIND.get(before)
            if kind is None:
                uncovered.append(f"{name} ({route}): unknown parameter {pname} after {before!r}")
                break
            params.append((pname, kind))
        else:
            patterns.append(Pattern(route, name, audience, callback.__dict__.get("required_task"), params))
    return patterns, uncovered


class AuthorizationMatrixTests(CastTestCase):
    objects: dict[str, dict[str, Obj]]

    media_root: Path

    @classmethod
    def setUpClass(cls) -> None:
        cls.media_root = Path(tempfile.mkdtemp(prefix="matrix-files-"))
        cls.addClassCleanup(shutil.rmtree, cls.media_root, True)
        storage = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": cls.media_root}}
        cls.enterClassContext(
            override_settings(MEDIA_ROOT=cls.media_root, STORAGES={**settings.STORAGES, "default": storage})
        )
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        a_sessions = {g: list(Session.objects.filter(group=g)) for g in (cls.group_a1, cls.group_a2, cls.group_b1)}
        text = "We maken de straat veiliger. Wat vindt u ervan?"
        measurement = measure(text, "nl")
        saved = {
            learner.pk: save_measurement(
                learner=learner, title="t", text=text, measurement=measurement, by=learner.user
            )
            for learner in (cls.learner, cls.learner_other_group, cls.learner_other_client)
        }
        # own = the main learner's client and group (A1); other_group = A2; other_client = B.
        cls.objects = {
            "project": {
                "own": Obj(cls.project_a.code, cls.client_a, None, None),
                "other_group": Obj(cls.project_a.code, cls.client_a, None, None),
                "other_client": Obj(cls.project_b.code, cls.client_b, None, None),
            },
            "group": {
                "own": Obj(cls.group_a1.code, cls.client_a, cls.group_a1, None),
                "other_group": Obj(cls.group_a2.code, cls.client_a, cls.group_a2, None),
                "other_client": Obj(cls.group_b1.code, cls.client_b, cls.group_b1, None),
            },
            "session": {
                "own": Obj(a_sessions[cls.group_a1][0].code, cls.client_a, cls.group_a1, None),
                "other_group": Obj(a_sessions[cls.group_a2][0].code, cls.client_a, cls.group_a2, None),
                "other_client": Obj(a_sessions[cls.group_b1][0].code, cls.client_b, cls.group_b1, None),
            },
            "learner": {
                "own": Obj(cls.learner.code, cls.client_a, cls.group_a1, cls.learner),
                "other_group": Obj(cls.learner_other_group.code, cls.client_a, cls.group_a2, cls.learner_other_group),
                "other_client": Obj(
                    cls.learner_other_client.code, cls.client_b, cls.group_b1, cls.learner_other_client
                ),
            },
            "measurement": {
                "own": Obj(saved[cls.learner.pk].code, cls.client_a, cls.group_a1, cls.learner),
                "other_group": Obj(
                    saved[cls.learner_other_group.pk].code, cls.client_a, cls.group_a2, cls.learner_other_group
                ),
                "other_client": Obj(
                    saved[cls.learner_other_client.pk].code, cls.client_b, cls.group_b1, cls.learner_other_client
                ),
            },
        }
        cls.objects.update(cls._more_objects())
        expired = cls.third_party
        expired.access_ends_at = timezone.now() - timedelta(minutes=1)
        expired.save(update_fields=["access_ends_at"])

    @classmethod
    def _more_objects(cls) -> dict[str, dict[str, Obj]]:
        from django.core.files.uploadedfile import SimpleUploadedFile

        from documents.actions import add_material, upload_homework
        from documents.models import Certificate
        from invoices.actions import create_invoice
        from knowledge.models import Article
        from messaging.questions import ask_question
        from questionnaires.models import Questionnaire

        def upload(learner: Any, project: Any) -> str:
            file = SimpleUploadedFile("huiswerk.txt", b"Mijn huiswerk.", content_type="text/plain")
            return upload_homework(project=project, learner=learner, file=file, acknowledged=True, by=learner.user).code

        def material(project: Any, group: Any) -> str:
            file = SimpleUploadedFile("reader.txt", b"Lesstof.", content_type="text/plain")
            return add_material(project=project, title="Reader", file=file, group=group, by=cls.ca).code

        def certificate(learner: Any, project: Any) -> str:
            # Issued directly: the completion rule is tested in documents/tests/test_certificates.py.
            return Certificate.objects.create(
                client=project.client,
                project=project,
                learner=learner,
                verification_code=f"CODE-{learner.code}",
                issued_at=timezone.now(),
            ).code

        def thread(learner: Any, project: Any) -> str:
            return ask_question(learner=learner, project=project, subject="Vraag", body="Hoe?", by=learner.user).code

        def questionnaire(project: Any) -> str:
            return Questionnaire.objects.create(
                client=project.client, project=project, kind="intake", title="Intake"
            ).code

        article = Article.objects.create(title="Schrijftips", body="Schrijf kort.", published=True).code
        a, g, b = (
            (cls.learner, cls.project_a),
            (cls.learner_other_group, cls.project_a),
            (cls.learner_other_client, cls.project_b),
        )
        questionnaire_a = questionnaire(cls.project_a)
        invoice_a = create_invoice(project=cls.project_a, by=cls.ca).code
        return {
            "upload": {
                "own": Obj(upload(*a), cls.client_a, cls.group_a1, cls.learner),
                "other_group": Obj(upload(*g), cls.client_a, cls.group_a2, cls.learner_other_group),
                "other_client": Obj(upload(*b), cls.client_b, cls.group_b1, cls.learner_other_client),
            },
            "certificate": {
                "own": Obj(certificate(*a), cls.client_a, cls.group_a1, cls.learner),
                "other_group": Obj(certificate(*g), cls.client_a, cls.group_a2, cls.learner_other_group),
                "other_client": Obj(certificate(*b), cls.client_b, cls.group_b1, cls.learner_other_client),
            },
            "material": {
                "own": Obj(material(cls.project_a, cls.group_a1), cls.client_a, cls.group_a1, None),
                "other_group": Obj(material(cls.project_a, cls.group_a2), cls.client_a, cls.group_a2, None),
                "other_client": Obj(material(cls.project_b, cls.group_b1), cls.client_b, cls.group_b1, None),
            },
            "thread": {
                "own": Obj(thread(*a), cls.client_a, cls.group_a1, cls.learner),
                "other_group": Obj(thread(*g), cls.client_a, cls.group_a2, cls.learner_other_group),
                "other_client": Obj(thread(*b), cls.client_b, cls.group_b1, cls.learner_other_client),
            },
            "questionnaire": {
                "own": Obj(questionnaire_a, cls.client_a, None, None),
                "other_group": Obj(questionnaire_a, cls.client_a, None, None),
                "other_client": Obj(questionnaire(cls.project_b), cls.client_b, None, None),
            },
            "invoice": {
                "own": Obj(invoice_a, cls.client_a, None, None),
                "other_group": Obj(invoice_a, cls.client_a, None, None),
                "other_client": Obj(create_invoice(project=cls.project_b, by=cls.ca).code, cls.client_b, None, None),
            },
            # Not client data: articles are shared, clients and employees are office-only objects.
            "article": {scope: Obj(article, None, None, None) for scope in ("own", "other_group", "other_client")},
            "client": {
                "own": Obj(cls.client_a.code, cls.client_a, None, None),
                "other_group": Obj(cls.client_a.code, cls.client_a, None, None),
                "other_client": Obj(cls.client_b.code, cls.client_b, None, None),
            },
            "employee": {
                scope: Obj(cls.trainer.code, None, None, None) for scope in ("own", "other_group", "other_client")
            },
        }

    def actors(self) -> dict[str, tuple[User | None, Any, Any, Any]]:
        """name → (user, learner row, client, group)."""
        rows: dict[str, tuple[User | None, Any, Any, Any]] = {
            "anonymous": (None, None, None, None),
            "learner": (self.learner.user, self.learner, self.client_a, self.group_a1),
            "learner_other_group": (
                self.learner_other_group.user,
                self.learner_other_group,
                self.client_a,
                self.group_a2,
            ),
            "learner_other_client": (
                self.learner_other_client.user,
                self.learner_other_client,
                self.client_b,
                self.group_b1,
            ),
            "contact": (self.contact.user, None, self.client_a, None),
            "contact_other_client": (self.contact_other_client.user, None, self.client_b, None),
            "third_party_expired": (self.third_party, None, None, None),
        }
        for key in ("programmer", "ca", "trainer", "adviser", "marketing", "helpdesk", "security"):
            rows[key] = (getattr(self, key), None, None, None)
        return rows

    def expected(
        self,
        pattern: Pattern,
        actor: str,
        user: User | None,
        learner: Any,
        client: Any,
        group: Any,
        objs: list[tuple[str, Obj]],
    ) -> set[int] | None:
        """The status codes allowed for this call, or None where only 'no server error' is asserted."""
        if pattern.name in PUBLIC:
            return None
        if user is None or actor == "third_party_expired":
            return {302}  # to the login page (the expired third party is logged out first)
        kind_ok = {
            "learner": user.kind == User.Kind.LEARNER,
            "contact": user.kind == User.Kind.CONTACT,
            "employee": user.is_employee,
            "any": True,
        }[pattern.audience or ""]
        if not kind_ok:
            return {403}
        if user.is_employee:
            if pattern.task is not None and pattern.task not in user.tasks:
                return {403}
            return None
        for kind, obj in objs:
            if obj.client is not None and obj.client != client:
                return {404, 405}
            if learner is not None and kind in OWNER_ONLY and obj.owner != learner:
                return {404, 405}
            if learner is not None and kind in GROUP_ONLY and obj.group != group:
                return {404, 405}
        return None

    def run_face(self, prefixes: tuple[str, ...]) -> Counter[str]:
        patterns, uncovered = classify()
        self.assertEqual(uncovered, [], "URL patterns the matrix cannot cover")
        patterns = [
            p for p in patterns if p.route.startswith(prefixes) or (not prefixes and not p.route.startswith(FACES))
        ]
        self.assertTrue(patterns)
        stats: Counter[str] = Counter()
        clients = {name: (as_user(user) if user else HttpClient()) for name, (user, *_rest) in self.actors().items()}
        failures: list[str] = []
        for pattern in patterns:
            reached = False
            for actor, (user, learner, client, group) in self.actors().items():
                for scope in ("own", "other_group", "other_client"):
                    kwargs: dict[str, str] = {}
                    objs: list[tuple[str, Obj]] = []
                    for pname, kind in pattern.params:
                        if kind == "fixed":
                            kwargs[pname] = FIXED_PARAMS[pname]
                        else:
                            obj = self.objects[kind][scope]
                            kwargs[pname] = obj.code
                            objs.append((kind, obj))
                    path = fill(pattern.route, kwargs)
                    expected = self.expected(pattern, actor, user, learner, client, group, objs)
                    for method in ("get", "post"):
                        http = clients[actor]
                        if actor == "third_party_expired":
                            http = as_user(self.third_party)
                        cookies = http.cookies
                        http.cookies = type(cookies)(cookies)  # a logout must not end the next call's session
                        with transaction.atomic():
                            response = getattr(http, method)(path)
                            transaction.set_rollback(True)
                        http.cookies = cookies
                        stats["requests"] += 1
                        status = response.status_code
                        if status >= 500:
                            failures.append(f"{method.upper()} {path} as {actor}: {status}")
                        elif status == 405 and method == "get":
                            pass  # a POST-only view refuses GET before anything else
                        elif expected is not None and status not in expected:
                            failures.append(
                                f"{method.upper()} {path} as {actor} ({scope}): {status}, expected {sorted(expected)}"
                            )
                        if expected is None and status < 400 and pattern.name not in PUBLIC:
                            reached = True
                    if not pattern.params:
                        break  # no object: one scope is enough
            stats["patterns"] += 1
            if not reached and pattern.name not in PUBLIC and pattern.name not in KNOWN_CLOSED:
                failures.append(f"{pattern.name}: no actor reached it with success; the matrix does not exercise it")
        self.maxDiff = None
        self.assertEqual(failures, [])
        print(
            f"\nauthorization matrix {prefixes}: {stats['patterns']} patterns × {len(self.actors())} actors, {stats['requests']} requests"
        )
        return stats

    def test_V1_V2_portal_matrix(self) -> None:
        self.run_face(("portal/",))

    def test_V2_clientview_matrix(self) -> None:
        self.run_face(("klant/",))

    def test_S4_office_matrix(self) -> None:
        self.run_face(("kantoor/",))

    def test_public_and_account_pages_matrix(self) -> None:
        self.run_face(())


class AdminSiteTests(CastTestCase):
    def test_S4_only_programmers_reach_the_django_admin(self) -> None:
        """CHANGE_SYSTEM: the admin at /beheer/ is the programmers' (their second factor included)."""
        self.assertEqual(as_user(self.programmer).get("/beheer/").status_code, 200)
        for user in (self.ca, self.trainer, self.security, self.learner.user, self.contact.user):
            response = as_user(user).get("/beheer/")
            self.assertEqual(response.status_code, 302, user)
            self.assertIn("/beheer/login/", response["Location"])
        self.assertEqual(HttpClient().get("/beheer/").status_code, 302)
