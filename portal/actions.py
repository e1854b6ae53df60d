"""Writes of the learner portal: personal data (L12)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.actions import record
from audit.models import Event
from messaging.actions import queue_mail
from portal.models import EmailChange

EMAIL_CHANGE_VALID = timedelta(days=2)


class PersonalDataError(Exception):
    """The change was refused; the message is for the learner."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def change_personal_data(*, user: User, full_name: str, language: str, by: Any) -> User:
    """Name and preferred language. The employee number is not the learner's to change (D2)."""
    full_name = " ".join(full_name.split())
    if not full_name:
        raise PersonalDataError(_("Vul je naam in."))
    if language not in {code for code, _label in settings.LANGUAGES}:
        raise PersonalDataError(_("Kies een taal uit de lijst."))
    changed = [f for f, v in (("full_name", full_name), ("language", language)) if getattr(user, f) != v]
    if changed:
        user.full_name, user.language = full_name, language
        user.save(update_fields=changed)
        record(Event.ACCOUNT_CHANGED, actor=by, target=user, data={"fields": changed})
    return user


@transaction.atomic
def request_email_change(*, user: User, new_email: str, by: Any) -> EmailChange:
    """Send a confirmation link to the new address and a notice to the old one."""
    new_email = new_email.strip().lower()
    if new_email == user.email.lower():
        raise PersonalDataError(_("Dit is al je e-mailadres."))
    if User.objects.filter(email__iexact=new_email).exists():
        raise PersonalDataError(_("Dit e-mailadres kan niet worden gebruikt. Kies een ander adres."))
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    EmailChange.objects.filter(user=user, used_at__isnull=True).delete()
    change = EmailChange.objects.create(
        user=user, new_email=new_email, token_hash=_hash(token), created_at=now, expires_at=now + EMAIL_CHANGE_VALID
    )
    url = settings.SITE_URL.rstrip("/") + reverse("portal:email-confirm", args=[token])
    context = {"name": user.full_name, "url": url, "new_email": new_email}
    queue_mail(template="email_change_confirm", to=new_email, context=context, by=by, language=user.language)
    queue_mail(template="email_change_notice", to=user.email, context=context, by=by, language=user.language)
    record(Event.ACCOUNT_CHANGED, actor=by, target=user, data={"email_change": "requested"})
    return change


@transaction.atomic
def confirm_email_change(*, token: str, by: Any) -> User:
    change = EmailChange.objects.select_for_update().select_related("user").filter(token_hash=_hash(token)).first()
    if change is None or change.used_at is not None or timezone.now() >= change.expires_at:
        raise PersonalDataError(_("Deze link is ongeldig of verlopen. Vraag de wijziging opnieuw aan."))
    if User.objects.filter(email__iexact=change.new_email).exclude(pk=change.user_id).exists():
        raise PersonalDataError(_("Dit e-mailadres kan niet worden gebruikt. Kies een ander adres."))
    user = change.user
    user.email = change.new_email
    user.save(update_fields=["email"])
    change.used_at = timezone.now()
    change.save(update_fields=["used_at"])
    record(Event.ACCOUNT_CHANGED, actor=by, target=user, data={"email_change": "confirmed"})
    return user
