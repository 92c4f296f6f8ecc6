"""``momentum send_mentoring_reminders``: remind the pairs of due check-ins and of meetings.

Run it daily (cron, a systemd timer): a check-in reminder goes at most once every 7 days, a
nudge for a pair without a meeting at most once every 30 days, however often it runs.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from momentum.mentoring.services.pairs import send_reminders


class Command(BaseCommand):
    help = (
        "Remind mentees and mentors of due check-ins (once a week) and nudge pairs with no "
        "meeting for 30 days (once a month)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        now = None
        if options["today"]:
            try:
                day = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be a date written YYYY-MM-DD.") from error
            now = datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())
        sent = send_reminders(now=now)
        self.stdout.write(
            f"{sent.check_ins} check-in reminder(s) and {sent.pairs} meeting nudge(s) sent."
        )
