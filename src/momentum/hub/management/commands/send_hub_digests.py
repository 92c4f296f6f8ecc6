"""``momentum send_hub_digests --frequency daily|weekly``: queue the Knowledge Hub digests.

``momentum worker`` sends one digest per person in the background, then queues the next run
itself (daily: tomorrow at 06:00 UTC; weekly: next Monday), so running this once per
frequency starts the digests for good. Running it from cron as well (every day at 06:00 for
``daily``, every Monday for ``weekly``) is safe: each person gets at most one digest per
period, a run already queued is not queued twice, and an empty digest is not sent. ``--now``
sends in this process instead (to test the set-up by hand).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from momentum.hub.models import DigestFrequency

FREQUENCIES = [DigestFrequency.DAILY.value, DigestFrequency.WEEKLY.value]


class Command(BaseCommand):
    help = "Queue the daily or weekly Knowledge Hub digest of everyone who asked for it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", required=True, choices=FREQUENCIES)
        parser.add_argument(
            "--now",
            action="store_true",
            help="send the digests in this process instead of queuing them for the worker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        frequency = options["frequency"]
        if options["now"]:
            from momentum.hub.services.digests import due_recipients, send_digest

            sent = sum(
                send_digest(user_id=user_id, frequency=frequency)
                for user_id in due_recipients(frequency)
            )
            self.stdout.write(f"{sent} {frequency} digest(s) sent.")
            return
        from momentum.hub.tasks import send_digests

        result = send_digests.enqueue(frequency)
        self.stdout.write(f"The {frequency} digests are queued (task {result.id}).")
