"""Who may do what in training. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

from typing import Any

import rules

from momentum.people.models import Role


@rules.predicate
def is_programme_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


@rules.predicate
def is_focal_point(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_trainer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Role.TRAINER in user.roles)


@rules.predicate
def teaches(user: Any, session: Any) -> bool:
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    return any(trainer.pk == user.pk for trainer in session.trainers.all())


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


# --- catalogue ---
rules.add_perm("training.browse_catalogue", is_signed_in)
rules.add_perm("training.manage_catalogue", is_programme_staff)
# --- sessions ---
rules.add_perm("training.manage_sessions", is_programme_staff)
# --- nominations and selection ---
# --- attendance ---
# --- knowledge tests and analytics ---
# --- evaluations ---
# --- certificates, transcripts and exports ---
