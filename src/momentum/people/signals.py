"""Cached figures about officers (core.counting) go stale whenever a profile or user changes."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from momentum.core import counting

# The topic of every cached count or aggregate of officers' profiles.
PROFILES = "people.profiles"


def _profiles_changed(**kwargs: Any) -> None:
    counting.bump(PROFILES)


def connect() -> None:
    from momentum.people.models import Profile, User

    for model in (Profile, User):
        post_save.connect(_profiles_changed, sender=model, dispatch_uid=f"counts-{model.__name__}")
        post_delete.connect(
            _profiles_changed, sender=model, dispatch_uid=f"counts-del-{model.__name__}"
        )
    m2m_changed.connect(
        _profiles_changed, sender=Profile.areas_of_work.through, dispatch_uid="counts-areas"
    )
