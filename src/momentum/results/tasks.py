"""The results framework's background tasks (thin adapters over ``services.figures``, which
never imports this module back; ``services.periods`` queues them)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from momentum.core import periodic
from momentum.core.models import Job
from momentum.core.services import fail_job
from momentum.results.selectors.figures import LIVE_REFRESH_MINUTES
from momentum.results.services import figures


def _fail(job: Job) -> None:
    with translation.override(job.parameters.get("language", "en")):
        fail_job(
            job,
            error=_(
                "The work stopped because of an unexpected error. Try again "
                "later, or tell the programme's support office."
            ),
        )


# --- periods ---
@task()
def snapshot_period(job_id: int) -> dict[str, object]:
    """Freeze every indicator of a period and close it, advancing the job's progress."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return figures.run_snapshot(job)
    except Exception:
        figures.fail_snapshot(job)
        _fail(job)
        raise


# --- live figures of the open periods ---
@task()
def refresh_period_figures(job_id: int) -> dict[str, Any]:
    """Compute an open period's live figures afresh now, advancing the job's progress."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return figures.run_live_refresh(job)
    except Exception:
        _fail(job)
        raise


def next_refresh(now: datetime | None = None) -> datetime:
    """The next multiple of LIVE_REFRESH_MINUTES past the hour, strictly after ``now``."""
    now = now or timezone.now()
    minute = (now.minute // LIVE_REFRESH_MINUTES) * LIVE_REFRESH_MINUTES
    return now.replace(minute=minute, second=0, microsecond=0) + timedelta(
        minutes=LIVE_REFRESH_MINUTES
    )


@task()
def refresh_open_periods() -> int:
    """Refresh the live figures of every open period; runs every few minutes."""
    try:
        return figures.refresh_open_periods()
    finally:
        # Queued even when this run failed, so that one bad run does not stop the refreshes.
        periodic.queue_once(refresh_open_periods, next_refresh())


def ensure_live_refresh(now: datetime | None = None) -> datetime | None:
    run_after = next_refresh(now)
    return run_after if periodic.queue_once(refresh_open_periods, run_after) else None
