"""Writes for background jobs: their progress is a row the page polls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from momentum.core.models import Job, JobStatus, JobStep, SentOnce


def create_job(*, kind: str, by: Any, total: int = 0, **parameters: Any) -> Job:
    return Job.objects.create(kind=kind, created_by=by, total=total, parameters=parameters)


def start_job(job: Job, *, total: int) -> None:
    """Mark the job running. A job resumed after its worker vanished keeps the items it had
    done (its steps): the progress counts them, not zero."""
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        started_at=job.started_at or timezone.now(),
        total=total,
        done=JobStep.objects.filter(job=job).count(),
    )


def done_steps(job: Job) -> dict[str, dict[str, Any]]:
    """The outcome of every item a previous run of this job finished, by key."""
    return dict(JobStep.objects.filter(job=job).values_list("key", "outcome"))


def run_step(
    job: Job, key: str, work: Callable[[], dict[str, Any]], *, done: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Do one item of a job exactly once: ``work`` runs in a transaction with the record of
    the step and the job's progress, so a worker killed at any moment leaves either all three
    or none. An item ``done`` before (by a run that was killed) is skipped; its outcome is
    returned as it was recorded."""
    if key in done:
        return done[key]
    try:
        with transaction.atomic():
            outcome = work()
            JobStep.objects.create(job=job, key=key, outcome=outcome)
            Job.objects.filter(pk=job.pk).update(done=F("done") + 1)
    except IntegrityError:
        # Another run of the same job recorded it first: theirs counts.
        recorded = JobStep.objects.filter(job=job, key=key).first()
        if recorded is None:
            raise
        outcome = recorded.outcome
    done[key] = outcome
    return outcome


def advance_job(job: Job, steps: int = 1) -> None:
    # F() keeps the count right when several workers advance the same job.
    Job.objects.filter(pk=job.pk).update(done=F("done") + steps)


def finish_job(job: Job, *, report: dict[str, Any], result_name: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.SUCCEEDED, finished_at=timezone.now(), report=report
    )


def fail_job(job: Job, *, error: str) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), error=error
    )


def claim_once(key: str) -> bool:
    """True the first time ``key`` is claimed, False ever after: send a message only when
    this says so, and a task run again sends nothing twice."""
    try:
        with transaction.atomic():
            SentOnce.objects.create(key=key)
    except IntegrityError:
        return False
    return True
