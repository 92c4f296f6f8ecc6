"""Background work of the gender self-assessment: a thin adapter over its services."""

from __future__ import annotations

from django_tasks import task


@task()
def send_action_reminders() -> int:
    """Remind working groups of action-plan items due within a week; queued daily."""
    from momentum.core.periodic import next_daily, queue_once
    from momentum.selfassessment.services import remind_due_actions

    sent = remind_due_actions()
    queue_once(send_action_reminders, next_daily())
    return sent
