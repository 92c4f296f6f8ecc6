"""The governance app's background tasks (thin adapters over its services)."""

from __future__ import annotations

from django_tasks import task


@task()
def email_meeting_invitation(meeting_id: int, member_id: int) -> bool:
    from momentum.governance.services.meetings import email_invitation

    return email_invitation(meeting_id, member_id)


@task()
def run_written_procedure_deadlines() -> dict[str, int]:
    """Remind before the deadline and close the procedures whose deadline passed; queued
    daily, and a second run changes nothing."""
    from momentum.core.periodic import next_daily, queue_once
    from momentum.governance.services.procedures import run_deadlines

    done = run_deadlines()
    queue_once(run_written_procedure_deadlines, next_daily())
    return done
