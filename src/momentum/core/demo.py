"""The demo registry: each app adds a function that seeds its part of the demo programme.

``momentum demo`` runs them in order. Seeders must be deterministic (a fixed random seed) so
the demo looks the same on every machine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEMO_PASSWORD = "momentum-demo"  # noqa: S105 - demo mode only; refused outside it


@dataclass(frozen=True)
class Seeder:
    order: int
    name: str
    seed: Callable[[Any], None]  # receives a callable that prints a line


_SEEDERS: list[Seeder] = []


SeedFunction = Callable[[Any], None]


def register_seeder(order: int, name: str) -> Callable[[SeedFunction], SeedFunction]:
    def decorator(function: SeedFunction) -> SeedFunction:
        if all(seeder.name != name for seeder in _SEEDERS):
            _SEEDERS.append(Seeder(order, name, function))
            _SEEDERS.sort(key=lambda seeder: seeder.order)
        return function

    return decorator


def seeders() -> list[Seeder]:
    return list(_SEEDERS)
