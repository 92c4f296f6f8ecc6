"""Core's background tasks."""

from __future__ import annotations

from django_tasks import task


# --- notifications ---
@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail notifications in each recipient's language."""
    from momentum.core.notifications import send_notification_emails as send

    return send(notification_ids)
