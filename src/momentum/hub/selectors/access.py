"""Who may see, read, post in and moderate a space: the one place these answers are computed.

``rules.py`` turns them into permissions; pages, the API, search and downloads all go through
them. A person's memberships are read once per request (cached on the user object).

- *See* a space: find it in the list and open its page (to ask to join, or accept an invitation).
- *Read* it: its threads, replies, attachments, members and resources.
- *Post*: active members (and staff).
- *Moderate*: staff, holders of the hub moderator role (every space but the board's), and the
  space's own moderators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404

from momentum.hub.models import (
    JoinPolicy,
    MemberRole,
    Membership,
    MembershipStatus,
    Post,
    PostStatus,
    Space,
    SpaceKind,
    Thread,
)
from momentum.hub.models.spaces import hub_countries_of, user_may_use_hub
from momentum.people.models import Role


def memberships_of(user: Any) -> dict[int, Membership]:
    """The user's memberships by space id (one query per request)."""
    cached = getattr(user, "_hub_memberships", None)
    if cached is None:
        cached = {m.space_id: m for m in Membership.objects.filter(user=user)}
        user._hub_memberships = cached
    return cached


def forget_memberships(user: Any) -> None:
    """Drop the cache after a service changed the user's memberships."""
    if hasattr(user, "_hub_memberships"):
        del user._hub_memberships


def uses_hub(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user_may_use_hub(user))


def _reachable(user: Any, space: Space) -> bool:
    """Open and on-request spaces a person may find: programme-wide and thematic ones, their
    countries' ones, and the board's for board members."""
    if space.archived_at is not None:
        return False
    if space.kind == SpaceKind.BOARD and Role.BOARD_MEMBER not in user.roles:
        return False
    return space.country_id is None or space.country_id in hub_countries_of(user)


def is_active_member(user: Any, space: Space) -> bool:
    membership = memberships_of(user).get(space.pk)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def can_moderate(user: Any, space: Space) -> bool:
    if not uses_hub(user):
        return False
    if user.is_programme_staff:
        return True
    if Role.MODERATOR in user.roles and space.kind != SpaceKind.BOARD:
        return True
    membership = memberships_of(user).get(space.pk)
    return bool(
        membership is not None
        and membership.status == MembershipStatus.ACTIVE
        and membership.role == MemberRole.MODERATOR
    )


def can_read(user: Any, space: Space) -> bool:
    if not uses_hub(user):
        return False
    if user.is_programme_staff or is_active_member(user, space) or can_moderate(user, space):
        return True
    return not space.is_private and _reachable(user, space)


def can_see(user: Any, space: Space) -> bool:
    if can_read(user, space):
        return True
    if not uses_hub(user):
        return False
    membership = memberships_of(user).get(space.pk)
    if membership is not None and membership.status in (
        MembershipStatus.INVITED,
        MembershipStatus.REQUESTED,
    ):
        return True
    return space.join_policy == JoinPolicy.REQUEST and _reachable(user, space)


def can_post(user: Any, space: Space) -> bool:
    if not uses_hub(user) or space.archived_at is not None:
        return False
    return bool(user.is_programme_staff or is_active_member(user, space))


def readable_spaces(user: Any) -> Any:
    """A queryset of the spaces ``user`` may read (for search, feeds and counts)."""
    if not uses_hub(user):
        return Space.objects.none()
    if user.is_programme_staff:
        return Space.objects.all()
    member = Q(memberships__user=user, memberships__status=MembershipStatus.ACTIVE)
    open_spaces = Q(join_policy=JoinPolicy.OPEN, archived_at__isnull=True) & ~Q(
        kind=SpaceKind.BOARD
    )
    open_spaces &= Q(country__isnull=True) | Q(country_id__in=hub_countries_of(user))
    readable = member | open_spaces
    if Role.MODERATOR in user.roles:
        readable |= ~Q(kind=SpaceKind.BOARD)
    moderated = Q(
        memberships__user=user,
        memberships__status=MembershipStatus.ACTIVE,
        memberships__role=MemberRole.MODERATOR,
    )
    return Space.objects.filter(readable | moderated).distinct()


def get_space_for(user: Any, pk: int) -> Space:
    """The space, if ``user`` may see it; 404 otherwise (its existence is not revealed)."""
    space = Space.objects.select_related("country", "thematic_area").filter(pk=pk).first()
    if space is None or not can_see(user, space):
        raise Http404
    return space


def can_read_post(user: Any, post: Post) -> bool:
    """Published posts are read by those who read the space; the others by their author and
    the space's moderators."""
    if not can_read(user, post.space):
        return False
    if post.status == PostStatus.PUBLISHED:
        return True
    return post.author_id == user.pk or can_moderate(user, post.space)


def get_thread_for(user: Any, pk: int) -> Thread:
    """The thread, if ``user`` may read it; 404 otherwise."""
    thread = Thread.objects.select_related("space", "author").filter(pk=pk).first()
    if thread is None or not can_read(user, thread.space):
        raise Http404
    if thread.status != PostStatus.PUBLISHED and not (
        thread.author_id == user.pk or can_moderate(user, thread.space)
    ):
        raise Http404
    return thread


def get_post_for(user: Any, pk: int) -> Post:
    """The post, if ``user`` may read it; 404 otherwise."""
    post = Post.objects.select_related("space", "thread", "author").filter(pk=pk).first()
    if post is None or not can_read_post(user, post):
        raise Http404
    return post
