"""Writes for background jobs: their progress is a row the page polls."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils import timezone

from momentum.core.models import Job, JobStatus


def create_job(*, kind: str, by: Any, total: int = 0, **parameters: Any) -> Job:
    return Job.objects.create(kind=kind, created_by=by, total=total, parameters=parameters)


def start_job(job: Job, *, total: int) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), total=total, done=0
    )


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
