"""``momentum send_follow_up_surveys``: e-mail the follow-up survey to those it is due to.

Run it daily (cron, a systemd timer): each participant is written to once, however often it
runs, and a run that fails part-way is finished by the next.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from momentum.training.services.evaluations import follow_up_months, send_follow_up_surveys


class Command(BaseCommand):
    help = (
        "E-mail the follow-up survey to the participants of sessions that ended "
        "TRAINING_FOLLOW_UP_MONTHS months ago (once each)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", help="act as if today were this date (YYYY-MM-DD), e.g. to catch up"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be a date written YYYY-MM-DD.") from error
        sent = send_follow_up_surveys(today=today)
        self.stdout.write(
            f"{sent} follow-up survey e-mail(s) sent "
            f"(sessions ended {follow_up_months()} months ago)."
        )
