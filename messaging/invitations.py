"""Invite learners to a project (U1, U4): single-use links, one outbox mail each, fast for hundreds."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from audit.models import AuditEvent, Event
from clients.models import Learner
from messaging.actions import queue_many, render_mail
from messaging.models import MailMessage
from training.models import Participation, Project


def _hash(token: str) -> str:
    # Same hashing as accounts.actions.create_invitation, so accounts:invitation finds the link.
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_learners(*, project: Project, learners: Iterable[Learner], by: Any) -> int:
    """Send every learner of `project` in `learners` a single-use link and mark them invited.

    Learners who are not taking part in the project or whose account is inactive are skipped.
    Rows are written in bulk: a handful of queries for hundreds of learners (S9).
    """
    wanted = {learner.pk for learner in learners}
    participations = list(
        Participation.objects.filter(project=project, learner_id__in=wanted, learner__user__is_active=True)
        .select_related("learner__user")
        .order_by("learner__user__full_name")
    )
    if not participations:
        return 0
    now = timezone.now()
    expires = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    creator = by if getattr(by, "pk", None) else None
    base = settings.SITE_URL.rstrip("/")
    invitations: list[Invitation] = []
    mails: list[MailMessage] = []
    events: list[AuditEvent] = []
    for participation in participations:
        learner = participation.learner
        user = learner.user
        token = secrets.token_urlsafe(32)
        url = base + reverse("accounts:invitation", args=[token])
        invitations.append(Invitation(user=user, token_hash=_hash(token), expires_at=expires, created_by=creator))
        subject, text, html = render_mail(
            template="invitation", context={"name": user.full_name, "url": url}, language=user.language
        )
        mails.append(
            MailMessage(
                kind="invitation",
                to=user.email,
                subject=subject,
                body_text=text,
                body_html=html,
                client_id=project.client_id,
                learner=learner,
                created_by=creator,
            )
        )
        events.append(
            AuditEvent(
                event=Event.INVITATION_SENT,
                actor=creator,
                actor_label=creator.email if creator else "",
                client_id=project.client_id,
                target_type="learner",
                target_code=learner.code,
                target_label=str(user)[:200],
                data={"project": project.code},
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=500)
    AuditEvent.objects.bulk_create(events, batch_size=500)
    queue_many(mails)
    Participation.objects.filter(pk__in=[p.pk for p in participations]).update(invited_at=now)
    return len(participations)
