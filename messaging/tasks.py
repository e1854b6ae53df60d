from __future__ import annotations

from django_tasks import task

from messaging.actions import deliver_due


@task()
def deliver_outbox() -> dict[str, int]:
    return deliver_due()
