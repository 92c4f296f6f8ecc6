"""Template tags for nominations: the signed-in officer's own nomination for a session."""

from __future__ import annotations

from typing import Any

from django import template

from momentum.people.models import Role
from momentum.training.models import Nomination, Session

register = template.Library()


@register.simple_tag
def own_nomination(session: Session, user: Any) -> Nomination | None:
    """The user's nomination for ``session``, if any: one query, and none for a user who is
    not an officer."""
    if not getattr(user, "is_authenticated", False) or Role.OFFICER not in user.roles:
        return None
    return Nomination.objects.filter(session_id=session.pk, officer__user_id=user.pk).first()
