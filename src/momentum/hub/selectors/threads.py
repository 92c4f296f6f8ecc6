"""Reads for threads and posts, scoped to the reader: published posts for everyone who reads
the space; their own waiting or blocked posts for authors; everything for moderators."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from momentum.hub.models import Post, PostRevision, PostStatus, Thread
from momentum.hub.selectors import access

POSTS_PER_PAGE = 50
# Posts an author may still change (hidden and rejected ones are the moderators' decision).
EDITABLE = (
    PostStatus.PUBLISHED,
    PostStatus.HELD,
    PostStatus.BLOCKED,
    PostStatus.REVIEW_REQUESTED,
)


def may_reply(user: Any, thread: Thread) -> bool:
    """Members reply to published, unlocked threads; moderators also to locked ones."""
    if not access.can_post(user, thread.space) or thread.status != PostStatus.PUBLISHED:
        return False
    return not thread.is_locked or access.can_moderate(user, thread.space)


def may_edit(user: Any, post: Post) -> bool:
    """Authors edit their own posts while they may post in the space (not hidden or rejected
    ones, and not in a locked thread unless they moderate it)."""
    if post.author_id != user.pk or post.status not in EDITABLE:
        return False
    if not access.can_post(user, post.space):
        return False
    return not post.thread.is_locked or access.can_moderate(user, post.space)


def visible_posts(user: Any, thread: Thread) -> QuerySet[Post]:
    """The posts of ``thread`` that ``user`` may read (the thread itself already checked)."""
    posts = Post.objects.filter(thread=thread)
    if access.can_moderate(user, thread.space):
        return posts
    return posts.filter(Q(status=PostStatus.PUBLISHED) | Q(author_id=user.pk))


def thread_page(user: Any, thread: Thread, page_number: Any) -> Page[Post]:
    """One page of the thread's posts, opening post first, with what each post shows.

    Queries: the count, the page's posts (with their authors and the quoted posts), their
    attachments: the same whatever the thread's length."""
    posts = (
        visible_posts(user, thread)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("-is_opening", "created_at", "pk")
    )
    return Paginator(posts, POSTS_PER_PAGE).get_page(page_number)


def page_of(user: Any, post: Post) -> int:
    """The page of its thread that shows ``post`` for ``user``."""
    if post.is_opening:
        return 1
    before = (
        visible_posts(user, post.thread)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .exclude(is_opening=True)
        .count()
    )
    return (before + 1) // POSTS_PER_PAGE + 1


def revisions_of(post: Post) -> QuerySet[PostRevision]:
    """The post's earlier versions, newest first."""
    return post.revisions.order_by("-number")


def blocked_drafts(user: Any, thread: Thread) -> QuerySet[Post]:
    return Post.objects.filter(thread=thread, author_id=user.pk, status=PostStatus.BLOCKED)
