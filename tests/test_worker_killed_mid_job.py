"""A real task worker killed with SIGKILL in the middle of a job: once its lease expires, a new
worker takes the job up again and finishes it, every item done exactly once, the progress and
the report right.

The workers are real processes (``momentum worker``) on the test database: on PostgreSQL the
test database itself; on SQLite (in memory under test) a copy in a file, copied back to check.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from momentum.core.models import Job, JobStatus, JobStep

pytestmark = pytest.mark.django_db(transaction=True)

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROWS = 1500


class Workers:
    """Starts ``momentum worker`` processes on the test database and reads the job's row."""

    def __init__(self, var_dir: Path) -> None:
        self.var_dir = var_dir
        self.sqlite = connection.vendor == "sqlite"
        self.file = var_dir / "momentum.sqlite3"
        self.env = {
            **os.environ,
            "MOMENTUM_TESTING": "false",
            "MOMENTUM_DEMO": "false",
            "MOMENTUM_VAR_DIR": str(var_dir),
            "MOMENTUM_SECRET_KEY": "worker-test-secret-key-" + "x" * 40,
            "MOMENTUM_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "MOMENTUM_WORKER_HEARTBEAT_SECONDS": "0.2",
            "MOMENTUM_WORKER_LEASE_SECONDS": "1",
            "MOMENTUM_LOG_LEVEL": "ERROR",
        }
        if not self.sqlite:
            db = connection.settings_dict
            self.env["MOMENTUM_DATABASE_URL"] = (
                f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            )
            self.env["MOMENTUM_DATABASE_CONN_MAX_AGE"] = "0"
        self.processes: list[subprocess.Popen[bytes]] = []

    def export(self) -> None:
        if self.sqlite:
            target = sqlite3.connect(self.file)
            connection.ensure_connection()
            connection.connection.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            target.close()

    def take_back(self) -> None:
        if self.sqlite:
            source = sqlite3.connect(self.file)
            source.backup(connection.connection)
            source.close()

    def start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "momentum.cli", "worker", "--interval", "0.05"],
            env=self.env,
            cwd=self.var_dir,
        )
        self.processes.append(process)
        return process

    def task_finished(self, job_id: int) -> bool:
        """Whether the task that ran the job is recorded as finished (after the job itself)."""
        if self.sqlite:
            with sqlite3.connect(self.file, timeout=20) as db:
                rows = db.execute(
                    "SELECT status, args_kwargs FROM django_tasks_database_dbtaskresult"
                ).fetchall()
            return any(
                status in {"SUCCESSFUL", "FAILED"} and f'"job_id": {job_id}' in args
                for status, args in rows
            )
        return DBTaskResult.objects.filter(
            args_kwargs__kwargs__job_id=job_id, status__in=["SUCCESSFUL", "FAILED"]
        ).exists()

    def job(self, pk: int) -> tuple[str, int, int]:
        """(status, done, total) as the database holds them now."""
        if self.sqlite:
            with sqlite3.connect(self.file, timeout=20) as db:
                row = db.execute(
                    "SELECT status, done, total FROM core_job WHERE id = ?", (pk,)
                ).fetchone()
            return row[0], row[1], row[2]
        job = Job.objects.get(pk=pk)
        return job.status, job.done, job.total

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait()


@pytest.fixture
def workers(tmp_path, settings) -> Iterator[Workers]:  # type: ignore[no-untyped-def]
    settings.TASKS = DB_QUEUE
    settings.MEDIA_ROOT = tmp_path / "files"
    pool = Workers(tmp_path)
    yield pool
    pool.stop_all()


def _poll(condition: Callable[[], bool], *, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)  # poll with a deadline


@contextmanager
def _timed(label: str, figures: dict[str, Any]) -> Iterator[None]:
    started = time.monotonic()
    yield
    figures[label] = round(time.monotonic() - started, 2)


def _kill_mid_way_and_finish(workers: Workers, job_id: int, *, kill_after: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    workers.export()
    first = workers.start()
    with _timed("first worker until killed", figures):
        _poll(
            lambda: workers.job(job_id)[1] >= kill_after,
            within=180,
            what=f"{kill_after} items done",
        )
        first.send_signal(signal.SIGKILL)
        first.wait()
    status, done, total = workers.job(job_id)
    figures["at the kill"] = f"{status} {done}/{total}"
    assert status == JobStatus.RUNNING
    assert 0 < done < total

    workers.start()
    with _timed("second worker until finished", figures):
        _poll(
            lambda: workers.task_finished(job_id),
            within=300,
            what="the job's task to finish",
        )
    workers.stop_all()
    workers.take_back()
    print(f"\nworker killed mid-job: {figures}")
    return figures


def test_bulk_invitation_finishes_exactly_once_after_its_worker_is_killed(workers, staff, jordan):
    from momentum.people.imports import start_bulk_invitation
    from momentum.people.models import Invitation

    lines = ["email,given_name,family_name,sex,country"] + [
        f"officer{n}@example.org,Officer,Number{n},female,JO" for n in range(ROWS)
    ]
    upload = SimpleUploadedFile("officers.csv", "\n".join(lines).encode(), "text/csv")
    job = start_bulk_invitation(by=staff, upload=upload, all_or_nothing=False, language="en")

    _kill_mid_way_and_finish(workers, job.pk, kill_after=150)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert (job.done, job.total) == (ROWS, ROWS)
    assert job.report["invited"] == ROWS
    assert job.report["rejected"] == []
    assert JobStep.objects.filter(job=job).count() == ROWS
    emails = list(Invitation.objects.values_list("email", flat=True))
    assert len(emails) == ROWS
    assert len(set(emails)) == ROWS
    [task] = DBTaskResult.objects.filter(task_path__endswith="run_bulk_invitation")
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2  # the killed worker, then the one that finished
    # Each invitation e-mailed once (an e-mail leaves after its row is committed: a kill
    # between the two can lose that one message, never send one twice).
    recipients = [
        line.removeprefix("To: ").strip()
        for path in (workers.var_dir / "mail").iterdir()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("To: ")
    ]
    assert len(recipients) == len(set(recipients))
    assert len(recipients) >= ROWS - 1


def test_certificate_run_finishes_exactly_once_after_its_worker_is_killed(workers, staff):
    from momentum.core.tests.factories import CountryFactory
    from momentum.people.tests.factories import officer as make_officer
    from momentum.training.models import Certificate
    from momentum.training.services.certificates import start_certificate_issue
    from momentum.training.tests.factories import (
        NominationFactory,
        completed_participation,
        mark_attendance,
    )

    country = CountryFactory(code="TN")
    first = completed_participation(make_officer(country).profile)
    session = first.session
    for _n in range(299):
        mark_attendance(NominationFactory(session=session), attended=3)

    job = start_certificate_issue(session=session, by=staff, language="en")
    _kill_mid_way_and_finish(workers, job.pk, kill_after=40)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert (job.done, job.total) == (300, 300)
    assert job.report["issued"] == 300
    assert job.report["already"] == 0
    assert job.report["not_completed"] == []
    holders = list(
        Certificate.objects.filter(nomination__session=session).values_list(
            "nomination_id", flat=True
        )
    )
    assert len(holders) == 300
    assert len(set(holders)) == 300
