"""Write activity events. Call inside the transaction of the change it describes."""

from __future__ import annotations

from typing import Any

from django.db import models

from audit.models import AuditEvent, Event


def record(
    event: Event,
    *,
    actor: Any,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    client: Any = None,
    ip: str | None = None,
    label: str | None = None,
) -> AuditEvent:
    """Record `event` by `actor` on `target`. Never put an employee number or a text body in `data`."""
    if client is None and target is not None:
        client = getattr(target, "client", None)
        if client is None and target.__class__.__name__ == "Client":
            client = target
    actor_obj = actor if getattr(actor, "pk", None) and getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        event=event,
        actor=actor_obj,
        actor_label=label or (actor_obj.email if actor_obj else ""),
        client=client,
        target_type=target._meta.model_name or "" if target is not None else "",
        target_code=str(getattr(target, "code", None) or getattr(target, "pk", "") or "") if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        data=data or {},
        ip=ip,
    )
