"""Background work of the field exercise: a thin adapter over its services."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

# The clock that fires scheduled injects looks every minute.
INJECT_CLOCK_SECONDS = 60


@task()
def fire_due_injects() -> int:
    from momentum.core.periodic import queue_once
    from momentum.exercise.services.injects import fire_due_injects as fire

    fired = fire()
    queue_once(fire_due_injects, _next_tick())
    return fired


def _next_tick(now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    return now.replace(second=0, microsecond=0) + timedelta(seconds=INJECT_CLOCK_SECONDS)


def ensure_inject_clock(now: datetime | None = None) -> datetime | None:
    from momentum.core.periodic import queue_once

    run_after = _next_tick(now)
    return run_after if queue_once(fire_due_injects, run_after) else None


@task()
def email_invitation(member_id: int) -> bool:
    from momentum.exercise.invitations import email_invitation as send

    return send(member_id)


@task()
def render_report_pdfs(job_id: int) -> None:
    from momentum.exercise.pdf import render_report_pdfs as render

    render(job_id)
