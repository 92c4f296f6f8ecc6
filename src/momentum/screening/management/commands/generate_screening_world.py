"""``momentum generate_screening_world --seed 7 --name "Airport drill"``: a synthetic world.

The same seed always gives the same travellers, documents, stolen/lost documents and nominal
records, with the same planted cases. Every record is synthetic training data.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from momentum.screening.services.generator import generate_world


class Command(BaseCommand):
    help = "Generate a synthetic world for the screening simulator from a seed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--travellers", type=int, default=200)
        parser.add_argument("--lost", type=int, default=2000)
        parser.add_argument("--nominal", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        world = generate_world(
            seed=options["seed"],
            name=options["name"],
            travellers=options["travellers"],
            lost_documents=options["lost"],
            nominal_records=options["nominal"],
        )
        self.stdout.write(f"World {world.pk} ({world.name}, seed {world.seed}) generated.")
