from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from momentum.core.demo import seeders
from momentum.core.models import Programme


class Command(BaseCommand):
    help = "Seed the Momentum MENA demo programme: countries, reference data and demo accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when a programme already exists"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO and not settings.TESTING:
            raise CommandError("Demo data are only seeded in demo mode (MOMENTUM_DEMO=true).")
        if Programme.objects.exists():
            if options["if_empty"]:
                self.stdout.write("The database already holds a programme: nothing seeded.")
                return
            raise CommandError(
                "The database already holds a programme; the demo seeds an empty one."
            )
        with transaction.atomic():
            for seeder in seeders():
                seeder.seed(self.stdout.write)
