"""Small helpers for the accounts tests."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client as HttpClient
from django.urls import reverse

from accounts.models import User

PASSWORD = "Zomerse-fiets-42"

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def with_password(user: User, password: str = PASSWORD) -> User:
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def post_login(http: HttpClient, email: str, password: str) -> Any:
    return http.post(reverse("accounts:login"), {"username": email, "password": password})


def normalised(body: bytes, *emails: str) -> str:
    """The page without its CSRF tokens and the echoed email addresses, to compare two answers."""
    text = _CSRF.sub('name="csrfmiddlewaretoken" value=""', body.decode())
    for email in emails:
        text = text.replace(email, "EMAIL")
    return text
