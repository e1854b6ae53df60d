"""One function per outgoing mail."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from messaging.actions import queue_mail
from messaging.models import MailMessage


def invitation(*, user: User, url: str, by: Any, client: Any = None, learner: Any = None) -> MailMessage:
    return queue_mail(
        template="invitation",
        to=user.email,
        context={"name": user.full_name, "url": url},
        client=client,
        learner=learner,
        by=by,
        language=user.language,
    )


def password_reset(*, user: User, url: str) -> MailMessage:
    return queue_mail(
        template="password_reset",
        to=user.email,
        context={"name": user.full_name, "url": url},
        language=user.language,
    )
