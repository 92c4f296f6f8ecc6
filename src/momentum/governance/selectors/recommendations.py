"""Reads for the register of recommendations: the whole register for the board and staff,
each recommendation's state, overdue actions flagged."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from momentum.governance.models import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    Recommendation,
    Response,
)
from momentum.governance.rules import sees_board_business

# The states a recommendation goes through, as the register shows them.
STATES: dict[str, Promise] = {
    "awaiting_response": _("Awaiting response"),
    "rejected": _("Rejected"),
    "no_action_yet": _("Accepted, no action yet"),
    "in_progress": _("Actions in progress"),
    "overdue": _("Action overdue"),
    "implemented": _("Implemented"),
}


def state_of(recommendation: Recommendation) -> str:
    """The recommendation's state, from its response and its (prefetched) actions."""
    if recommendation.response == Response.PENDING:
        return "awaiting_response"
    if recommendation.response == Response.REJECTED:
        return "rejected"
    actions = [a for a in recommendation.actions.all() if a.status != ActionStatus.DROPPED]
    if not actions:
        return "no_action_yet"
    today = timezone.localdate()
    if any(a.status in OPEN_ACTION_STATUSES and a.due_on < today for a in actions):
        return "overdue"
    if all(a.status == ActionStatus.DONE for a in actions):
        return "implemented"
    return "in_progress"


def register_for(
    user: Any, *, state: str = "", country_id: int | None = None
) -> list[Recommendation]:
    if not sees_board_business(user):
        raise PermissionDenied
    queryset: QuerySet[Recommendation] = (
        Recommendation.objects.visible_to(user)
        .select_related("meeting", "reported_back_at")
        .prefetch_related("countries", "actions")
    )
    if country_id:
        queryset = queryset.filter(
            Q(countries__pk=country_id) | Q(countries__isnull=True)
        ).distinct()
    rows = list(queryset.order_by("reference"))
    for row in rows:
        row.state = state_of(row)  # type: ignore[attr-defined]
        row.state_label = STATES[row.state]  # type: ignore[attr-defined]
    if state:
        rows = [row for row in rows if row.state == state]  # type: ignore[attr-defined]
    return rows


def get_recommendation_for(user: Any, pk: int) -> Recommendation:
    if not sees_board_business(user):
        raise PermissionDenied
    recommendation = get_object_or_404(
        Recommendation.objects.visible_to(user)
        .select_related("meeting", "procedure", "reported_back_at")
        .prefetch_related("countries", "actions", "links"),
        pk=pk,
    )
    recommendation.state = state_of(recommendation)  # type: ignore[attr-defined]
    recommendation.state_label = STATES[recommendation.state]  # type: ignore[attr-defined]
    return recommendation
