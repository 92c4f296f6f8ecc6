"""Task workers that survive: heartbeats, leases, and the health they report.

django-tasks-db queues tasks in the database and its ``db_worker`` runs them, but a task whose
worker died (killed, machine lost) stays "running" for ever. Momentum adds, on top of it:

- a **heartbeat**: each worker renews a row every ``WORKER_HEARTBEAT_SECONDS`` from a thread
  of its own, even while a long task runs;
- a **lease**: a task held by a worker whose heartbeat is older than ``WORKER_LEASE_SECONDS``
  goes back to the queue, and any worker takes it up again (after ``WORKER_MAX_ATTEMPTS``
  attempts it is marked failed, so a task that kills its worker cannot loop for ever). Jobs
  record each item done in the same transaction as its effect (``core.services.run_step``),
  so a task taken up again finishes the work without doing any item twice;
- the **health** of the queue for ``/healthz``: when a worker was last seen and how long the
  oldest waiting task has waited.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from momentum.core.models import WorkerHeartbeat

logger = logging.getLogger("momentum.workers")


def beat(worker_id: str, *, now: datetime | None = None) -> None:
    """Renew ``worker_id``'s heartbeat."""
    now = now or timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": now,
                "seen_at": now,
            },
        )


def reclaim_expired(*, now: datetime | None = None) -> list[str]:
    """Put back in the queue every running task whose worker's lease expired; returns their
    ids. Safe to run from every worker at once: each task is moved by one conditional update."""
    now = now or timezone.now()
    lease = timedelta(seconds=settings.WORKER_LEASE_SECONDS)
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
            "id", "worker_ids", "started_at"
        )
    )
    if not running:
        return []
    holders = {ids[-1] for _id, ids, _started in running if ids}
    alive = set(
        WorkerHeartbeat.objects.filter(worker_id__in=holders, seen_at__gte=now - lease).values_list(
            "worker_id", flat=True
        )
    )
    reclaimed = []
    for task_id, worker_ids, started_at in running:
        holder = worker_ids[-1] if worker_ids else None
        if holder in alive:
            continue
        if started_at is not None and started_at >= now - lease:
            continue  # claimed a moment ago, its worker's first beat may still be coming
        still_held = DBTaskResult.objects.filter(
            id=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(worker_ids) >= settings.WORKER_MAX_ATTEMPTS:
            moved = still_held.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="momentum.core.workers.WorkerLost",
                traceback=f"The worker running this task vanished {len(worker_ids)} times.",
            )
        else:
            moved = still_held.update(status=TaskResultStatus.READY, started_at=None)
        if moved:
            logger.warning("Task %s went back to the queue: worker %s vanished", task_id, holder)
            reclaimed.append(str(task_id))
    return reclaimed


def forget_silent(*, now: datetime | None = None) -> int:
    """Delete the heartbeats of workers silent for a day (stopped or replaced long ago)."""
    now = now or timezone.now()
    deleted, _ = WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    return deleted


class Heart(threading.Thread):
    """Beats for one worker, and reclaims expired leases, until stopped."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def tick(self) -> None:
        try:
            with transaction.atomic():
                beat(self.worker_id)
            reclaim_expired()
        except DatabaseError:
            # A busy or briefly unreachable database: the next beat tries again.
            logger.exception("Heartbeat of worker %s failed", self.worker_id)
        finally:
            connection.close()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.tick()
            self.stopped.wait(settings.WORKER_HEARTBEAT_SECONDS)

    def stop(self) -> None:
        self.stopped.set()
        with contextlib.suppress(DatabaseError):  # stopping anyway
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


def queue_health(*, now: datetime | None = None) -> dict[str, Any]:
    """What ``/healthz`` says of the task queue: when a worker was last seen, how long the
    oldest waiting task has waited (seconds), and whether that is healthy."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"workers": "ok"}  # tasks run in the web process itself: no worker to watch
    now = now or timezone.now()
    last_seen = (
        WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    )
    ready = DBTaskResult.objects.ready()
    # A task waits from when it was queued, or from when it was due if it was deferred.
    queued = (
        ready.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    due = (
        ready.exclude(run_after=get_date_max())
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    waiting_since = min((when for when in (queued, due) if when is not None), default=None)
    silence = settings.WORKER_SILENCE_SECONDS
    seen_ago = None if last_seen is None else max(0, round((now - last_seen).total_seconds()))
    return {
        "workers": "ok" if seen_ago is not None and seen_ago <= silence else "unavailable",
        "worker_last_seen_seconds": seen_ago,
        "oldest_waiting_task_seconds": None
        if waiting_since is None
        else max(0, round((now - waiting_since).total_seconds())),
    }
