from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from messaging.actions import deliver_due, requeue_stale


class Command(BaseCommand):
    help = "Send every due mail in the outbox once; failed sends are retried later with back-off."

    def handle(self, *args: Any, **options: Any) -> None:
        stale = requeue_stale()
        counts = deliver_due()
        self.stdout.write(f"requeued={stale} sent={counts['sent']} retry={counts['retry']} failed={counts['failed']}")
