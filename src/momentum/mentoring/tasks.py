"""The mentoring app's background tasks. Each subject appends its own in its section."""

from __future__ import annotations

from typing import Any

from django_tasks import task


def _queue_tomorrow(daily_task: Any) -> None:
    """Daily tasks queue their next run as they finish (see ``core.periodic``)."""
    from momentum.core.periodic import next_daily, queue_once

    queue_once(daily_task, next_daily())


# --- cohorts and applications ---
@task()
def send_supervisor_request_email(application_id: int) -> bool:
    """Ask an applicant's supervisor, by e-mail, to endorse her application."""
    from momentum.mentoring.services.applications import send_supervisor_request

    return send_supervisor_request(application_id)


# --- panel and selection ---
@task()
def expire_mentoring_offers() -> dict[str, int]:
    """Close the offers of places not answered in time and pass each place on to the next
    ranked applicant of the same country. Queue it daily; a second run changes nothing."""
    from momentum.mentoring.services.selection import expire_offers

    done = expire_offers()
    _queue_tomorrow(expire_mentoring_offers)
    return {"expired": done.expired, "passed_on": done.passed_on}


# --- mentors and matching ---


# --- the pair's work ---
@task()
def send_mentoring_reminders() -> dict[str, int]:
    """Remind of due check-ins (once a week) and nudge pairs without a meeting for a month
    (once a month). Queue it daily; running it twice the same day sends nothing more."""
    from momentum.mentoring.services.pairs import send_reminders

    sent = send_reminders()
    _queue_tomorrow(send_mentoring_reminders)
    return {"check_ins": sent.check_ins, "pairs": sent.pairs}


# --- learning path and opportunities ---

# --- completion and alumni ---

# --- api, indicators and demo ---
