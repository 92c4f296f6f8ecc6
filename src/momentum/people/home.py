"""What waits in ``people`` on the home page: invitations not yet accepted (one query)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register
from momentum.people import selectors


@register
def people_steps(user: Any) -> list[NextStep]:
    # The invitations page is for those who may invite (staff, focal points).
    if not user.has_perm("people.bulk_invite") or not user.has_perm("people.invite", None):
        return []
    pending = selectors.pending_invitations_count(user)
    if not pending:
        return []
    text = ngettext(
        "%(count)s invitation has not been accepted yet.",
        "%(count)s invitations have not been accepted yet.",
        pending,
    ) % {"count": pending}
    return [NextStep(text, reverse("people:invitations"), count=pending, priority=70, app="people")]
