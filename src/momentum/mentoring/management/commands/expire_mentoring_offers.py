"""``momentum expire_mentoring_offers``: close the offers of places not answered in time.

Each expired offer is recorded as declined (with no answer) and its place goes to the next
ranked applicant of the same country, who is notified. Run it daily; a second run the same
day finds nothing more to do.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from momentum.mentoring.services.selection import expire_offers


class Command(BaseCommand):
    help = (
        "Close the mentoring offers past their answer date and offer each place to the next "
        "ranked applicant of the same country."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = expire_offers()
        self.stdout.write(
            f"{done.expired} expired offer(s) closed; {done.passed_on} place(s) offered again."
        )
