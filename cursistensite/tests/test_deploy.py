"""S1: production settings pass Django's deploy checks and hash passwords with Argon2."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

BASE_DIR = Path(__file__).resolve().parents[2]
KEY = secrets.token_urlsafe(60)


def run_in_production(*args: str, secret_key: str | None = None) -> subprocess.CompletedProcess[str]:
    """`manage.py <args>` in a fresh interpreter with production settings (and no test settings)."""
    dropped = {"TESTING", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(DJANGO_ENV="production", ALLOWED_HOSTS="example.org")
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    command = [sys.executable, "manage.py", *args]
    # Our own interpreter and manage.py with fixed arguments: nothing untrusted reaches the command.
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)  # noqa: S603


class DeployTests(SimpleTestCase):
    def test_S1_check_deploy_is_clean_under_production_settings(self) -> None:
        result = run_in_production("check", "--deploy", "--fail-level", "WARNING", secret_key=KEY)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("System check identified no issues (0 silenced).", result.stdout)
        self.assertNotIn("WARNING", result.stdout + result.stderr)

    def test_S1_production_hashes_passwords_with_argon2(self) -> None:
        code = (
            "from django.conf import settings; from django.contrib.auth.hashers import make_password; "
            "print(settings.PASSWORD_HASHERS[0]); print(make_password('Zomerse-fiets-42').split('$')[0]); "
            "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"
        )
        result = run_in_production("shell", "-c", code, secret_key=KEY)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.strip().splitlines()[-3:]
        self.assertEqual(lines, ["django.contrib.auth.hashers.Argon2PasswordHasher", "argon2", "False True True"])

    def test_S1_production_refuses_to_start_without_a_secret_key(self) -> None:
        result = run_in_production("check")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set in production.", result.stderr)
