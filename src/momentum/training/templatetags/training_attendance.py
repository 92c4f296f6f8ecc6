"""Template helpers for the attendance panel of the session page (no queries)."""

from __future__ import annotations

from django import template

from momentum.training.models import Session, SessionStatus
from momentum.training.services.attendance import MARKING_STATUSES

register = template.Library()


@register.filter
def keeps_attendance(session: Session) -> bool:
    """Whether the session has attendance to mark or to read (confirmed until closed)."""
    return session.status in MARKING_STATUSES or session.status == SessionStatus.CLOSED


@register.filter
def can_mark_attendance(session: Session) -> bool:
    return session.status in MARKING_STATUSES
