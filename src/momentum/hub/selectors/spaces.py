"""Reads for the list of spaces and a space's page.

The list is the hub's home: the spaces a person may see, grouped by kind, each with its
member count, thread count and last activity (computed in the one query that lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from momentum.hub.models import (
    Membership,
    MembershipStatus,
    PostStatus,
    Space,
    SpaceKind,
    Thread,
)
from momentum.hub.selectors import access


def _count(queryset: QuerySet[Any]) -> Subquery:
    return Subquery(
        queryset.order_by().values("space").annotate(total=Count("pk")).values("total"),
        output_field=IntegerField(),
    )


def with_activity(spaces: QuerySet[Space]) -> QuerySet[Space]:
    """Annotate member_count, thread_count and last_activity (subqueries: no row fan-out)."""
    members = Membership.objects.filter(space=OuterRef("pk"), status=MembershipStatus.ACTIVE)
    threads = Thread.objects.filter(space=OuterRef("pk"), status=PostStatus.PUBLISHED)
    last = Subquery(
        threads.order_by().values("space").annotate(last=Max("last_posted_at")).values("last")
    )
    return spaces.annotate(
        member_count=Coalesce(_count(members), 0),
        thread_count=Coalesce(_count(threads), 0),
        last_activity=last,
    )


@dataclass(frozen=True)
class SpaceGroup:
    kind: str
    label: str
    spaces: list[Space]


_KIND_ORDER = [
    SpaceKind.PROGRAMME,
    SpaceKind.COUNTRY,
    SpaceKind.THEMATIC,
    SpaceKind.ALUMNI,
    SpaceKind.BOARD,
]


def space_groups(user: Any) -> list[SpaceGroup]:
    """The spaces ``user`` may see, grouped by kind, each with its counts and the user's
    membership (``space.membership``, None when they have none).

    Queries: the spaces with their counts, the user's memberships (and their roles)."""
    spaces = list(
        with_activity(Space.objects.visible_to(user)).select_related("country", "thematic_area")
    )
    mine = access.memberships_of(user)
    by_kind: dict[str, list[Space]] = {}
    for space in spaces:
        space.membership = mine.get(space.pk)  # type: ignore[attr-defined]
        by_kind.setdefault(space.kind, []).append(space)
    groups = []
    for kind in _KIND_ORDER:
        if by_kind.get(kind):
            members = sorted(by_kind[kind], key=lambda space: str(space.name).casefold())
            groups.append(SpaceGroup(kind=kind, label=str(SpaceKind(kind).label), spaces=members))
    return groups


def published_threads(space: Space) -> QuerySet[Thread]:
    """The space's published threads, pinned first, then by last activity."""
    return Thread.objects.filter(space=space, status=PostStatus.PUBLISHED).order_by(
        "-is_pinned", "-last_posted_at", "-pk"
    )


def space_counts(space: Space) -> Space:
    """The space again, with its counts (for its page's header)."""
    return with_activity(Space.objects.filter(pk=space.pk)).get()


def board_space() -> Space | None:
    """The Advisory Board's own space (the oldest open one of its kind), where the board's
    approved minutes are published."""
    return (
        Space.objects.filter(kind=SpaceKind.BOARD, archived_at__isnull=True).order_by("pk").first()
    )
