"""Work that comes back every day or week (digests, reminders, expiring offers), run by the
task worker alone: no cron needed.

Each app registers, at start-up, a function that queues its next run when none is waiting.
``momentum worker`` calls ``ensure_all()`` as it starts, and each periodic task queues its own
next run when it finishes, so the chain never breaks and never doubles: a run already waiting
for the same moment is not queued twice. With a queue that cannot wait (the immediate backend
of the tests), nothing is queued; management commands run the same work by hand or from cron.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.utils import timezone

Ensure = Callable[[datetime | None], datetime | None]

_REGISTRY: dict[str, Ensure] = {}

DAILY_HOUR = 6  # UTC: early morning from Rabat to Baghdad


def register(name: str, ensure: Ensure) -> None:
    _REGISTRY[name] = ensure


def ensure_all(now: datetime | None = None) -> dict[str, datetime | None]:
    """Queue every registered job's next run that is not waiting yet; returns when, by name
    (None: already waiting, or the queue cannot wait)."""
    return {name: ensure(now) for name, ensure in sorted(_REGISTRY.items())}


def next_daily(now: datetime | None = None, *, hour: int = DAILY_HOUR) -> datetime:
    """The next ``hour`` o'clock (UTC) strictly after ``now``."""
    now = (now or timezone.now()).astimezone(UTC)
    at = datetime.combine(now.date(), time(hour), tzinfo=UTC)
    while at <= now:
        at += timedelta(days=1)
    return at


def queue_once(task: Any, run_after: datetime, *args: Any) -> bool:
    """Queue ``task(*args)`` to run after ``run_after`` unless such a run already waits.
    Returns whether it was queued."""
    from django_tasks import task_backends
    from django_tasks.base import TaskResultStatus

    backend = task_backends[task.backend]
    if not backend.supports_defer:
        return False
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database queue is installed with the project
        DatabaseBackend = None  # type: ignore[assignment,misc]
    if DatabaseBackend is not None and isinstance(backend, DatabaseBackend):
        waiting = DBTaskResult.objects.filter(
            task_path=task.module_path, status=TaskResultStatus.READY, run_after=run_after
        )
        if args:
            waiting = waiting.filter(args_kwargs__args=list(args))
        if waiting.exists():
            return False
    task.using(run_after=run_after).enqueue(*args)
    return True


def daily(task: Any, *args: Any) -> Ensure:
    """An ``Ensure`` for a task run every day at ``DAILY_HOUR``."""

    def ensure(now: datetime | None = None) -> datetime | None:
        run_after = next_daily(now)
        return run_after if queue_once(task, run_after, *args) else None

    return ensure
