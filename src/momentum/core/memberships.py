"""Places a user holds in an activity beyond her roles (an author of a toolkit chapter, a member
of a field exercise), read with the user herself.

The menu asks on every page whether to show an activity's entry. Asking each activity's table
would cost one query per activity and page; instead each activity registers a query of its
rows for a user, and the user is loaded with one ``EXISTS`` per activity (see
``momentum.people.backends``). A user loaded another way (a test's object, a task) is asked
once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

# name → a function giving the activity's rows of the user whose primary key is ``user``
# (an ``OuterRef`` when the user is loaded, a plain key when asked alone).
_REGISTRY: dict[str, Callable[[Any], QuerySet[Any]]] = {}


def register(name: str, rows_of: Callable[[Any], QuerySet[Any]]) -> None:
    _REGISTRY[name] = rows_of


def registered() -> tuple[str, ...]:
    """The names of the registered activities (what the user's query asks)."""
    return tuple(_REGISTRY)


def _attribute(name: str) -> str:
    return f"membership_{name}"


def user_annotations() -> dict[str, Exists]:
    """What to annotate a query of users with: whether each holds a place in each activity."""
    return {
        _attribute(name): Exists(rows_of(OuterRef("pk"))) for name, rows_of in _REGISTRY.items()
    }


def holds(user: Any, name: str) -> bool:
    """Whether the signed-in ``user`` holds a place in activity ``name``."""
    if not getattr(user, "is_authenticated", False):
        return False
    attribute = _attribute(name)
    value = getattr(user, attribute, None)
    if value is None:
        value = _REGISTRY[name](user.pk).exists()
        setattr(user, attribute, value)
    return bool(value)
