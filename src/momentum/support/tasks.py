"""The support office's background work (thin adapters to the services)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from momentum.core import periodic


def next_quarter_hour(now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    start = now.replace(minute=(now.minute // 15) * 15, second=0, microsecond=0)
    return start + timedelta(minutes=15)


def ensure_deadline_warnings(now: datetime | None = None) -> datetime | None:
    run_after = next_quarter_hour(now)
    return run_after if periodic.queue_once(warn_support_deadlines, run_after) else None


@task()
def send_support_email(kind: str, request_pk: int, message_pk: int | None = None) -> bool:
    from momentum.support.services.mail import deliver

    return deliver(kind, request_pk, message_pk)


@task()
def warn_support_deadlines() -> int:
    """Warn staff of requests about to miss a target; runs every quarter of an hour."""
    from momentum.support.services.requests import warn_deadlines

    warned = warn_deadlines()
    periodic.queue_once(warn_support_deadlines, next_quarter_hour())
    return warned


@task()
def close_resolved_requests() -> int:
    from momentum.support.services.requests import close_resolved

    closed = close_resolved()
    periodic.queue_once(close_resolved_requests, periodic.next_daily())
    return closed
