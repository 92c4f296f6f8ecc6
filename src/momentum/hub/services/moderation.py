"""Moderators' decisions: flags from readers, and what a moderator does with a post or a thread.

- Readers flag a published post with a reason (once each); the space's moderators are told.
- A post waiting for a moderator (held by a watched word or as a new member's first post, or
  blocked by the content guard and sent for review by its author) is *approved* (published,
  whatever the guard said: the moderator's decision is audited with the guard's findings) or
  *rejected* (kept out of view, with the reason told to the author).
- A published post is *hidden* (counters and search entry follow) and a hidden one *restored*.
- Open flags are *dismissed* when the post is fine; hiding a post settles them.
- Threads are locked/unlocked and pinned/unpinned.

Every decision is audited with the moderator, the space's country and the reason; the author
is told of every decision about their post. Nobody decides about their own post.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.hub.models import (
    Flag,
    FlagReason,
    FlagStatus,
    Post,
    PostStatus,
    Space,
    SpaceKind,
    Thread,
)
from momentum.hub.selectors import access
from momentum.hub.selectors.members import space_moderators
from momentum.hub.selectors.moderation import may_flag
from momentum.hub.services import publishing
from momentum.people.models import Role, User

WAITING = (PostStatus.HELD, PostStatus.REVIEW_REQUESTED)
REASON_MAX = 2000
COMMENT_MAX = 2000


def _clean(text: str, limit: int) -> str:
    return " ".join((text or "").split())[:limit]


def _moderators_to_tell(space: Space) -> list[User]:
    """The space's own moderators; without any, the hub moderators (not for the board's
    space); without those either, programme staff."""
    moderators = space_moderators(space)
    if moderators:
        return moderators
    if space.kind != SpaceKind.BOARD:
        hub_moderators = list(
            User.objects.filter(role_assignments__role=Role.MODERATOR, is_active=True).distinct()
        )
        if hub_moderators:
            return hub_moderators
    return list(User.objects.filter(role_assignments__role=Role.STAFF, is_active=True).distinct())


def _locked_post(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("thread", "space").get(pk=post.pk)


def _check_moderator(by: Any, post: Post) -> None:
    if not access.can_moderate(by, post.space):
        raise PermissionDenied(_("Only the space's moderators decide about its posts."))
    if post.author_id == by.pk:
        raise PermissionDenied(_("Another moderator decides about your own posts."))


def _require_reason(reason: str) -> str:
    reason = _clean(reason, REASON_MAX)
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Say why: the author is told."), code="required")}
        )
    return reason


def _refuse_status(post: Post) -> ValidationError:
    return ValidationError(
        _("This post is no longer waiting for this decision (it is now: %(status)s).")
        % {"status": post.get_status_display()},
        code="wrong_status",
    )


def _record(by: Any, verb: str, post: Post, **details: Any) -> None:
    audit.record(
        by,
        verb,
        post,
        country=post.space.country,
        space=post.space_id,
        thread=post.thread_id,
        author=post.author_id,
        **details,
    )


def _tell_author(post: Post, message: Any, *, email: bool) -> None:
    notify(
        recipients=[post.author],
        kind="hub.moderation",
        message=message,
        url=f"/hub/posts/{post.pk}/",
        email=email,
    )


# --- flags ------------------------------------------------------------------------------------


@transaction.atomic
def flag_post(*, post: Post, by: Any, reason: str, comment: str = "") -> Flag:
    """``by`` reports ``post`` to the space's moderators. Once per person and post."""
    if not may_flag(by, post):
        raise PermissionDenied(_("You may only report published posts of others that you read."))
    if reason not in FlagReason.values:
        raise ValidationError({"reason": ValidationError(_("Choose a reason."), code="invalid")})
    if Flag.objects.filter(post=post, reporter=by).exists():
        raise ValidationError(_("You already flagged this post."), code="duplicate")
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                post=post, reporter=by, reason=reason, comment=_clean(comment, COMMENT_MAX)
            )
    except IntegrityError:  # the same person, twice at the same moment
        raise ValidationError(_("You already flagged this post."), code="duplicate") from None
    space = post.space
    title = post.thread.title
    reason_label = FlagReason(reason).label
    notify(
        recipients=[user for user in _moderators_to_tell(space) if user.pk != by.pk],
        kind="hub.flag",
        message=lambda: (
            _("A post in “%(title)s” was reported: %(reason)s")
            % {"title": title, "reason": str(reason_label)}
        ),
        url=f"/hub/spaces/{space.pk}/moderation/",
        email=False,
    )
    audit.record(
        by,
        "hub.flag.created",
        post,
        country=space.country,
        space=space.pk,
        flag=flag.pk,
        reason=reason,
        with_comment=bool(flag.comment),
    )
    return flag


def _settle_flags(post: Post, *, by: Any, status: str) -> int:
    return Flag.objects.filter(post=post, status=FlagStatus.OPEN).update(
        status=status, resolved_by=by, resolved_at=timezone.now()
    )


@transaction.atomic
def dismiss_flags(*, post: Post, by: Any, reason: str = "") -> int:
    """The post is fine: its open flags are closed. Returns how many."""
    post = _locked_post(post)
    _check_moderator(by, post)
    count = _settle_flags(post, by=by, status=FlagStatus.DISMISSED)
    if not count:
        raise ValidationError(_("No report about this post is open."), code="no_flags")
    _record(by, "hub.moderation.flags_dismissed", post, flags=count, reason=_clean(reason, 2000))
    return count


# --- waiting posts ----------------------------------------------------------------------------


@transaction.atomic
def approve_post(*, post: Post, by: Any, reason: str = "") -> Post:
    """Publish a post waiting for a moderator. A post the guard blocked is published too once
    its author asked for a review: the moderator's decision is audited with the findings."""
    post = _locked_post(post)
    _check_moderator(by, post)
    if post.status not in WAITING:
        raise _refuse_status(post)
    previous, hold_reason, findings = post.status, post.hold_reason, post.guard_findings
    reason = _clean(reason, REASON_MAX)
    post = publishing.publish_held(post, by=by)
    if reason:
        Post.objects.filter(pk=post.pk).update(moderation_reason=reason)
        post.moderation_reason = reason
    _record(
        by,
        "hub.moderation.approved",
        post,
        previous_status=str(previous),
        hold_reason=str(hold_reason),
        findings=findings,
        reason=reason,
    )
    title = post.thread.title
    _tell_author(
        post,
        lambda: _("A moderator published your post in “%(title)s”.") % {"title": title},
        email=False,
    )
    return post


@transaction.atomic
def reject_post(*, post: Post, by: Any, reason: str) -> Post:
    """Keep a waiting post out of view for good; the author is told why."""
    post = _locked_post(post)
    _check_moderator(by, post)
    if post.status not in WAITING:
        raise _refuse_status(post)
    reason = _require_reason(reason)
    previous = post.status
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(
        status=PostStatus.REJECTED, moderated_by=by, moderated_at=now, moderation_reason=reason
    )
    post.status, post.moderated_by, post.moderated_at = PostStatus.REJECTED, by, now
    post.moderation_reason = reason
    if post.is_opening:
        Thread.objects.filter(pk=post.thread_id).update(status=PostStatus.REJECTED)
        post.thread.status = PostStatus.REJECTED
    _record(
        by,
        "hub.moderation.rejected",
        post,
        previous_status=str(previous),
        hold_reason=str(post.hold_reason),
        findings=post.guard_findings,
        reason=reason,
    )
    title = post.thread.title
    _tell_author(
        post,
        lambda: (
            _("A moderator did not publish your post in “%(title)s”: %(reason)s")
            % {"title": title, "reason": reason}
        ),
        email=True,
    )
    return post


# --- published and hidden posts ---------------------------------------------------------------


@transaction.atomic
def hide_post(*, post: Post, by: Any, reason: str) -> Post:
    """Take a published post out of view (its thread too, for an opening post): the reply
    count and the search entry follow, its open flags are settled, the author is told why."""
    post = _locked_post(post)
    _check_moderator(by, post)
    if post.status != PostStatus.PUBLISHED:
        raise _refuse_status(post)
    reason = _require_reason(reason)
    publishing.unpublish(post, status=PostStatus.HIDDEN)
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(
        moderated_by=by, moderated_at=now, moderation_reason=reason
    )
    post.moderated_by, post.moderated_at, post.moderation_reason = by, now, reason
    flags = _settle_flags(post, by=by, status=FlagStatus.ACTED)
    _record(by, "hub.moderation.hidden", post, reason=reason, flags=flags)
    title = post.thread.title
    _tell_author(
        post,
        lambda: (
            _("A moderator hid your post in “%(title)s”: %(reason)s")
            % {"title": title, "reason": reason}
        ),
        email=True,
    )
    return post


@transaction.atomic
def restore_post(*, post: Post, by: Any, reason: str = "") -> Post:
    """Publish a hidden post again: counted and searchable again, nobody notified twice."""
    post = _locked_post(post)
    _check_moderator(by, post)
    if post.status != PostStatus.HIDDEN:
        raise _refuse_status(post)
    reason = _clean(reason, REASON_MAX)
    post = publishing.publish_held(post, by=by)
    Post.objects.filter(pk=post.pk).update(moderation_reason=reason)
    post.moderation_reason = reason
    _record(by, "hub.moderation.restored", post, reason=reason)
    title = post.thread.title
    _tell_author(
        post,
        lambda: _("A moderator restored your post in “%(title)s”.") % {"title": title},
        email=False,
    )
    return post


# --- threads ----------------------------------------------------------------------------------


def _locked_thread(thread: Thread, by: Any) -> Thread:
    thread = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not access.can_moderate(by, thread.space):
        raise PermissionDenied(_("Only the space's moderators lock and pin its threads."))
    return thread


def _record_thread(by: Any, verb: str, thread: Thread, reason: str) -> None:
    audit.record(
        by,
        verb,
        thread,
        country=thread.space.country,
        space=thread.space_id,
        reason=_clean(reason, REASON_MAX),
    )


@transaction.atomic
def set_thread_locked(*, thread: Thread, by: Any, locked: bool, reason: str = "") -> Thread:
    """Lock a thread (no more replies, moderators excepted) or unlock it."""
    thread = _locked_thread(thread, by)
    if thread.is_locked == locked:
        return thread
    Thread.objects.filter(pk=thread.pk).update(is_locked=locked)
    thread.is_locked = locked
    verb = "hub.moderation.thread_locked" if locked else "hub.moderation.thread_unlocked"
    _record_thread(by, verb, thread, reason)
    if thread.author_id != by.pk:
        title = thread.title
        notify(
            recipients=[thread.author],
            kind="hub.moderation",
            message=(
                (lambda: _("A moderator locked your thread “%(title)s”.") % {"title": title})
                if locked
                else (lambda: _("A moderator unlocked your thread “%(title)s”.") % {"title": title})
            ),
            url=f"/hub/threads/{thread.pk}/",
            email=False,
        )
    return thread


@transaction.atomic
def set_thread_pinned(*, thread: Thread, by: Any, pinned: bool, reason: str = "") -> Thread:
    """Pin a thread at the top of its space, or unpin it."""
    thread = _locked_thread(thread, by)
    if thread.is_pinned == pinned:
        return thread
    Thread.objects.filter(pk=thread.pk).update(is_pinned=pinned)
    thread.is_pinned = pinned
    verb = "hub.moderation.thread_pinned" if pinned else "hub.moderation.thread_unpinned"
    _record_thread(by, verb, thread, reason)
    return thread
