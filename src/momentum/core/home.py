"""The home page's "what to do next": each activity says what waits for a person.

An activity registers a provider (from its ``AppConfig.ready``, in its ``home.py``): a function
that takes the signed-in user and returns the steps waiting for them, read from the records
with a bounded number of queries and only what the user may open. The home page shows the
steps of every provider, most urgent first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from momentum.people.models import User


@dataclass(frozen=True)
class NextStep:
    """One thing waiting for the user: a whole translated sentence and where to do it."""

    text: str | Promise
    url: str
    count: int | None = None
    priority: int = 100  # lower comes first
    app: str = ""


Provider = Callable[["User"], list[NextStep]]

_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider of next steps; usable as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def next_steps_for(user: User) -> list[NextStep]:
    if not user.is_authenticated:
        return []
    steps = [step for provider in _PROVIDERS for step in provider(user)]
    return sorted(steps, key=lambda step: step.priority)
