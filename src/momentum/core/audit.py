"""The audit API: every sensitive action is recorded here, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from momentum.core.models import AuditEntry, Country


def _label(obj: object) -> str:
    return str(obj)[:254]


def record(
    actor: Any,
    verb: str,
    target: models.Model | None = None,
    *,
    country: Country | None = None,
    **details: Any,
) -> AuditEntry:
    """Append one entry: ``actor`` did ``verb`` to ``target``.

    ``country`` scopes the entry (focal points never see it, staff filter by it); ``details``
    must be JSON-serialisable and should name what changed, never a secret.
    """
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if is_person else None,
        actor_label=getattr(actor, "email", "") if is_person else (str(actor or "system")),
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=_label(target) if target is not None else "",
        country=country,
        details=details,
    )
