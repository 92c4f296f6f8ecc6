"""Task workers: heartbeats, leases that put a vanished worker's task back in the queue, the
health of the queue on /healthz, and ``momentum serve`` restarting a worker that died."""

from __future__ import annotations

import signal
import sys
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from momentum.core.models import WorkerHeartbeat
from momentum.core.workers import beat, reclaim_expired
from momentum.supervisor import Supervisor

pytestmark = pytest.mark.django_db

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _running_task(worker_id: str, *, started_ago: float = 600, attempts: int = 1) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="momentum.core.tasks.send_notification_emails",
        backend_name="default",
        run_after=get_date_max(),
        started_at=timezone.now() - timedelta(seconds=started_ago),
        worker_ids=[f"earlier-{n}" for n in range(attempts - 1)] + [worker_id],
    )


def test_task_of_a_worker_whose_lease_expired_goes_back_to_the_queue(settings):
    settings.WORKER_LEASE_SECONDS = 30
    beat("gone", now=timezone.now() - timedelta(seconds=31))
    task = _running_task("gone")

    assert reclaim_expired() == [str(task.pk)]

    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    assert task.started_at is None
    assert DBTaskResult.objects.ready().filter(pk=task.pk).exists()


def test_task_of_a_living_worker_stays_with_it(settings):
    settings.WORKER_LEASE_SECONDS = 30
    beat("alive", now=timezone.now() - timedelta(seconds=5))
    task = _running_task("alive")

    assert reclaim_expired() == []
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_task_claimed_a_moment_ago_waits_for_its_workers_first_beat(settings):
    settings.WORKER_LEASE_SECONDS = 30
    task = _running_task("starting", started_ago=2)

    assert reclaim_expired() == []
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_task_that_lost_its_worker_too_often_fails_instead_of_looping(settings):
    settings.WORKER_LEASE_SECONDS = 30
    settings.WORKER_MAX_ATTEMPTS = 3
    task = _running_task("third", attempts=3)

    reclaim_expired()

    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert "vanished 3 times" in task.traceback


def test_heartbeat_renews_the_same_row():
    beat("w1", now=timezone.now() - timedelta(minutes=5))
    beat("w1")

    assert WorkerHeartbeat.objects.count() == 1
    assert WorkerHeartbeat.objects.get().seen_at > timezone.now() - timedelta(seconds=5)


def test_health_is_503_when_no_worker_was_seen_for_the_configured_silence(client, settings):
    settings.TASKS = DB_QUEUE
    settings.WORKER_SILENCE_SECONDS = 60
    beat("quiet", now=timezone.now() - timedelta(seconds=90))

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["workers"] == "unavailable"
    assert 89 <= body["queue"]["worker_last_seen_seconds"] <= 95


def test_health_is_503_when_no_worker_ever_started(client, settings):
    settings.TASKS = DB_QUEUE

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["queue"]["worker_last_seen_seconds"] is None


def test_health_reports_the_age_of_the_oldest_waiting_task(client, settings):
    settings.TASKS = DB_QUEUE
    beat("busy")
    waiting = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="momentum.core.tasks.send_notification_emails",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=waiting.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=7)
    )
    # A task deferred to tomorrow is not waiting yet.
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="momentum.core.tasks.send_notification_emails",
        backend_name="default",
        run_after=timezone.now() + timedelta(days=1),
    )

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"]["workers"] == "ok"
    assert 419 <= response.json()["queue"]["oldest_waiting_task_seconds"] <= 425


def _wait_for(condition, *, within: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)  # polling with a deadline, not waiting for a fixed time
    return False


@pytest.mark.django_db(False)
def test_serve_starts_a_killed_worker_again_and_stops_everything_with_the_web_server():
    supervisor = Supervisor()
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    worker = supervisor.add("worker-1", sleeper)
    web = supervisor.add("web", sleeper, essential=True)
    try:
        assert supervisor.check() is None
        first = worker.process
        assert first is not None
        first.send_signal(signal.SIGKILL)
        first.wait()

        # The dead worker is noticed, then started again after its short backoff.
        assert _wait_for(lambda: supervisor.check() is None and len(worker.history) == 2)
        assert worker.process is not None and worker.process.poll() is None
        assert worker.restarts == 1

        assert web.process is not None
        web.process.send_signal(signal.SIGKILL)
        web.process.wait()
        assert supervisor.check() == -signal.SIGKILL
    finally:
        supervisor.shutdown(grace=5)
    assert worker.process is not None and worker.process.poll() is not None
