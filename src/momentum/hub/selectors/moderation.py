"""Reads for moderators: the spaces they moderate with what waits in each, and a space's queue.

A space's queue holds the posts waiting for a moderator (held by a watched word or as a new
member's first post; blocked by the guard and sent for review by their author) and the
published posts readers reported; a second list holds the hidden posts, to restore one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from momentum.hub.models import (
    Flag,
    FlagReason,
    FlagStatus,
    MemberRole,
    Membership,
    MembershipStatus,
    Post,
    PostStatus,
    Space,
    SpaceKind,
)
from momentum.hub.selectors import access
from momentum.people.models import Role

QUEUE_PAGE_SIZE = 20


class QueueKind:
    """The lists of a space's queue (the ``show`` parameter)."""

    WAITING = "waiting"  # held, review requests and reported posts
    HELD = "held"
    REVIEW = "review"
    FLAGGED = "flagged"
    HIDDEN = "hidden"

    ALL = (WAITING, HELD, REVIEW, FLAGGED, HIDDEN)


def moderates_anything(user: Any) -> bool:
    """Staff, hub moderators and anyone moderating at least one space."""
    if not access.uses_hub(user):
        return False
    if user.is_programme_staff or Role.MODERATOR in user.roles:
        return True
    return any(membership.is_moderator for membership in access.memberships_of(user).values())


def may_flag(user: Any, post: Post) -> bool:
    """Readers report published posts of others."""
    return bool(
        access.uses_hub(user)
        and post.status == PostStatus.PUBLISHED
        and post.author_id != user.pk
        and access.can_read_post(user, post)
    )


def moderated_spaces(user: Any) -> QuerySet[Space]:
    """The spaces ``user`` moderates (the same answer as ``access.can_moderate``)."""
    if not access.uses_hub(user):
        return Space.objects.none()
    spaces = Space.objects.filter(archived_at__isnull=True)
    if user.is_programme_staff:
        return spaces
    own = Q(
        pk__in=Membership.objects.filter(
            user=user, status=MembershipStatus.ACTIVE, role=MemberRole.MODERATOR
        ).values("space_id")
    )
    if Role.MODERATOR in user.roles:
        return spaces.filter(own | ~Q(kind=SpaceKind.BOARD))
    return spaces.filter(own)


def _count(queryset: QuerySet[Any], field: str) -> Coalesce:
    counted = (
        queryset.order_by().values(field).annotate(count=Count("pk", distinct=True)).values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _open_flags() -> QuerySet[Flag]:
    return Flag.objects.filter(status=FlagStatus.OPEN)


def with_pending_counts(spaces: QuerySet[Space]) -> QuerySet[Space]:
    """``spaces`` annotated with ``held``, ``review``, ``flagged`` (published posts with an open
    report) and ``pending`` (their sum): one query however many spaces."""
    posts = Post.objects.filter(space=OuterRef("pk"))
    flagged_posts = posts.filter(status=PostStatus.PUBLISHED, flags__status=FlagStatus.OPEN)
    return spaces.annotate(
        held=_count(posts.filter(status=PostStatus.HELD), "space"),
        review=_count(posts.filter(status=PostStatus.REVIEW_REQUESTED), "space"),
        flagged=_count(flagged_posts, "space"),
    ).annotate(pending=F("held") + F("review") + F("flagged"))


def overview(user: Any) -> list[Space]:
    """The spaces ``user`` moderates, those with the most waiting first (one query)."""
    spaces = with_pending_counts(moderated_spaces(user)).select_related("country")
    return list(spaces.order_by(F("pending").desc(), "kind", "name"))


def pending_counts(space: Space) -> dict[str, int]:
    """How many posts wait in each list of ``space``'s queue (one query)."""
    row = with_pending_counts(Space.objects.filter(pk=space.pk)).annotate(
        hidden=_count(Post.objects.filter(space=OuterRef("pk"), status=PostStatus.HIDDEN), "space")
    )
    keys = ("held", "review", "flagged", "pending", "hidden")
    counts = row.values(*keys).first()
    return {key: int((counts or {}).get(key) or 0) for key in keys}


def queue_posts(space: Space, show: str) -> QuerySet[Post]:
    """The posts of one list of ``space``'s queue, oldest first, with their thread, author and
    open reports."""
    has_open_flag = Exists(_open_flags().filter(post=OuterRef("pk")))
    published_and_flagged = Q(status=PostStatus.PUBLISHED) & Q(has_open_flag=True)
    conditions = {
        QueueKind.WAITING: Q(status__in=[PostStatus.HELD, PostStatus.REVIEW_REQUESTED])
        | published_and_flagged,
        QueueKind.HELD: Q(status=PostStatus.HELD),
        QueueKind.REVIEW: Q(status=PostStatus.REVIEW_REQUESTED),
        QueueKind.FLAGGED: published_and_flagged,
        QueueKind.HIDDEN: Q(status=PostStatus.HIDDEN),
    }
    condition = conditions.get(show, conditions[QueueKind.WAITING])
    ordering = ("-moderated_at", "-pk") if show == QueueKind.HIDDEN else ("created_at", "pk")
    return (
        Post.objects.filter(space=space)
        .annotate(has_open_flag=has_open_flag)
        .filter(condition)
        .select_related("thread", "author", "moderated_by")
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=_open_flags().order_by("created_at", "pk"),
                to_attr="open_flags",
            )
        )
        .order_by(*ordering)
    )


def post_for_moderation(pk: int) -> Post:
    """One post with its thread, author and open reports (as the queue shows it)."""
    return (
        Post.objects.select_related("thread", "author", "moderated_by", "space")
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=_open_flags().order_by("created_at", "pk"),
                to_attr="open_flags",
            )
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class FlagSummary:
    reason: str
    label: str
    count: int


def flag_summary(flags: Sequence[Flag]) -> list[FlagSummary]:
    """The reports of a post grouped by reason, most frequent first."""
    counts = Counter(flag.reason for flag in flags)
    return [
        FlagSummary(reason=reason, label=str(FlagReason(reason).label), count=count)
        for reason, count in counts.most_common()
    ]


def queue_page(space: Space, show: str, page_number: Any) -> Page[Post]:
    """One page of a queue list. Queries: the count, the posts (thread and author joined),
    their open reports: the same whatever the number of posts."""
    return Paginator(queue_posts(space, show), QUEUE_PAGE_SIZE).get_page(page_number)


def author_memberships(space: Space, posts: Sequence[Post]) -> dict[int, Membership]:
    """The active memberships of the posts' authors in ``space``, by user id (one query), so
    a moderator may remove an author from the space."""
    authors = {post.author_id for post in posts}
    if not authors:
        return {}
    return {
        membership.user_id: membership
        for membership in Membership.objects.filter(
            space=space, user_id__in=authors, status=MembershipStatus.ACTIVE
        )
    }


def open_flag_of(user: Any, post: Post) -> Flag | None:
    return Flag.objects.filter(post=post, reporter=user).first()
