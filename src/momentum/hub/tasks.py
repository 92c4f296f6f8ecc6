"""The hub app's background tasks. Each subject appends its own in its section."""

from __future__ import annotations

from django_tasks import task

# --- spaces and membership ---

# --- threads and posts ---

# --- resources ---

# --- search ---


# --- notifications ---
@task()
def send_digests(frequency: str) -> int:
    """Queue the digest of everyone whose ``frequency`` ("daily" or "weekly") digest is due,
    then the next run (when the queue can wait); safe to run more often than that (nobody
    gets two in one period)."""
    from momentum.hub.services.digests import enqueue_digests, schedule_next_digests

    queued = enqueue_digests(frequency=frequency)
    schedule_next_digests(frequency)
    return queued


@task()
def send_digest(user_id: int, frequency: str) -> bool:
    """Build and send one person's digest, if due and not empty."""
    from momentum.hub.services.digests import send_digest as send

    return send(user_id=user_id, frequency=frequency)


# --- moderation ---

# --- api, indicators and demo ---
