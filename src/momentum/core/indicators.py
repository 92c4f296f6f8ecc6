"""The indicator registry: each activity declares how its indicators are computed.

Activities call ``register`` at start-up (from their ``AppConfig.ready``); the results
framework reads ``all_indicators()``. No indicator is typed in by hand when the platform holds
the records it counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Breakdown:
    """One indicator's value, with its disaggregation by sex and by country."""

    total: int
    by_sex: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str | Promise
    definition: str | Promise
    compute: Callable[..., Breakdown]
    app: str
    goal: int | None = None

    def value(self, **filters: Any) -> Breakdown:
        return self.compute(**filters)


_REGISTRY: dict[str, Indicator] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.code in _REGISTRY and _REGISTRY[indicator.code] is not indicator:
        raise ValueError(f"An indicator with code {indicator.code!r} is already registered.")
    _REGISTRY[indicator.code] = indicator
    return indicator


def get(code: str) -> Indicator:
    return _REGISTRY[code]


def all_indicators() -> list[Indicator]:
    return sorted(_REGISTRY.values(), key=lambda indicator: indicator.code)
