"""The one way a post becomes readable: every new thread, reply and edit passes here.

``submit`` runs the content guard on the title, the text and the attachments' text, then
decides the post's status:

- the guard *blocks* (an identifier): nothing is published; the post is kept BLOCKED, with the
  guard's masked findings, for its author (who may edit it or ask a moderator to review) and the
  moderators;
- the guard *holds* (a watched word), or the author is a new member whose first
  ``Space.hold_first_posts`` posts wait: the post is HELD with its reason;
- otherwise it is PUBLISHED: the Markdown is rendered, the search entry written, mentioned
  readers and the thread's participants notified, and the counters moved.

Blocks and holds are audited with masked details (allowing is too frequent to be worth a line).
``publish_held`` runs the publishing steps when a moderator approves a waiting post, and
``unpublish`` undoes them when a moderator hides one. Counters only ever move through ``F()``
expressions, so two posts published at the same moment both count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.hub import guard, markdown
from momentum.hub.models import (
    HoldReason,
    MemberSettings,
    Membership,
    Mention,
    Post,
    PostStatus,
    Space,
    Thread,
    WatchedTerm,
)
from momentum.hub.selectors import access
from momentum.hub.selectors.members import display_names
from momentum.people.models import User, cache_roles, users_with_roles

POSTS_PER_PAGE = 50
# A post mentioning more people than this is not a conversation: the rest are not notified.
MAX_MENTIONS = 30
DEFAULT_POST_INTERVAL_SECONDS = 20
DEFAULT_POSTS_PER_HOUR = 30


@dataclass(frozen=True)
class Submission:
    """What became of a submitted post: its status and the guard's explanations."""

    post: Post
    result: guard.GuardResult
    # An edit the guard blocked is refused: the post keeps its earlier, published text.
    refused: bool = False

    @property
    def blocked(self) -> bool:
        return self.result.blocked

    @property
    def held(self) -> bool:
        return self.post.status == PostStatus.HELD

    @property
    def published(self) -> bool:
        return self.post.status == PostStatus.PUBLISHED and not self.refused

    def messages(self) -> list[str]:
        """The guard's explanations (blocked: what to remove; held: the watched words)."""
        return self.result.messages()


# --- the rate limit -------------------------------------------------------------------------


def _interval() -> int:
    return int(getattr(settings, "HUB_POST_INTERVAL_SECONDS", DEFAULT_POST_INTERVAL_SECONDS))


def _per_hour() -> int:
    return int(getattr(settings, "HUB_POSTS_PER_HOUR", DEFAULT_POSTS_PER_HOUR))


def check_rate_limit(user: Any, *, now: datetime | None = None) -> None:
    """Refuse (ValidationError, code ``rate_limited``) a post sent too soon after the last one,
    or one more than the hourly allowance. Blocked attempts do not count: the author is fixing
    them."""
    now = now or timezone.now()
    recent = (
        Post.objects.filter(author=user, created_at__gte=now - timedelta(hours=1))
        .exclude(status=PostStatus.BLOCKED)
        .aggregate(count=Count("pk"), last=Max("created_at"))
    )
    if recent["count"] >= _per_hour():
        raise ValidationError(
            _(
                "You have sent %(count)s posts in the last hour, the most allowed. Your text is "
                "kept: please send it a little later."
            )
            % {"count": recent["count"]},
            code="rate_limited",
        )
    last = recent["last"]
    if last is not None:
        wait = _interval() - int((now - last).total_seconds())
        if wait > 0:
            raise ValidationError(
                _(
                    "You posted a moment ago. Please wait %(seconds)s seconds before posting "
                    "again; your text is kept."
                )
                % {"seconds": wait},
                code="rate_limited",
            )


# --- the guard ------------------------------------------------------------------------------


def watched_phrases() -> list[str]:
    return list(WatchedTerm.objects.filter(is_active=True).values_list("phrase", flat=True))


def _watched() -> tuple[list[str], dict[str, list[str]]]:
    """The active watched phrases and, for each, the phrases in which it does not count."""
    phrases: list[str] = []
    exceptions: dict[str, list[str]] = {}
    for term in WatchedTerm.objects.filter(is_active=True).only("phrase", "exceptions"):
        phrases.append(term.phrase)
        if term.exception_phrases:
            exceptions[term.phrase] = term.exception_phrases
    return phrases, exceptions


def check_post_text(
    *, title: str = "", body: str, attachment_texts: Sequence[str] = ()
) -> guard.GuardResult:
    """The guard's verdict on everything a post would publish."""
    parts = [part for part in (title, body, *attachment_texts) if part and part.strip()]
    phrases, exceptions = _watched()
    return guard.check_text("\n".join(parts), watched_terms=phrases, watched_exceptions=exceptions)


def findings_messages(post: Post) -> list[str]:
    """The explanations kept with a blocked or held post, in the active language."""
    messages: list[str] = []
    blocked = post.status in (PostStatus.BLOCKED, PostStatus.REVIEW_REQUESTED)
    for stored in post.guard_findings or []:
        try:
            finding = guard.Finding(
                kind=guard.FindingKind(stored["kind"]),
                excerpt=str(stored.get("excerpt", "")),
                start=0,
                end=0,
                line=int(stored.get("line", 1)),
            )
        except (KeyError, ValueError, TypeError):
            continue
        if finding.blocks != blocked:
            continue
        if finding.message not in messages:
            messages.append(finding.message)
    return messages


# --- deciding ---------------------------------------------------------------------------------


def _is_new_member(user: Any, space: Space) -> bool:
    """A member whose first posts in ``space`` still wait for a moderator."""
    if not space.hold_first_posts or access.can_moderate(user, space):
        return False
    published = (
        Membership.objects.filter(space=space, user=user)
        .values_list("published_posts", flat=True)
        .first()
    )
    return published is not None and published < space.hold_first_posts


def known_handles(body: str, space: Space) -> dict[str, User]:
    """The mentioned handles of people who may read ``space``, lowercased, with their user."""
    handles = sorted(markdown.extract_mentions(body))[:MAX_MENTIONS]
    if not handles:
        return {}
    # Handles are stored lower-cased (members' settings service).
    rows = MemberSettings.objects.filter(handle__in=handles).values_list("handle", "user_id")
    by_user = {user_id: handle for handle, user_id in rows}
    readers = _readers(by_user, space)
    return {by_user[user.pk]: user for user in readers}


def _readers(user_ids: Iterable[int], space: Space) -> list[User]:
    """Those of ``user_ids`` who may read ``space``, in a fixed number of queries."""
    users = list(
        users_with_roles().select_related("profile").filter(pk__in=list(user_ids), is_active=True)
    )
    if not users:
        return []
    cache_roles(users)
    memberships = {m.user_id: m for m in Membership.objects.filter(space=space, user__in=users)}
    for user in users:
        # Only this space is ever asked about these short-lived objects.
        membership = memberships.get(user.pk)
        user._hub_memberships = {space.pk: membership} if membership else {}  # type: ignore[attr-defined]
    return [user for user in users if access.can_read(user, space)]


def _render(post: Post) -> None:
    handles = known_handles(post.body, post.space)
    post.body_html = markdown.render(post.body, known_handles={h: f"@{h}" for h in handles})


def _audit_guard(
    by: Any, post: Post, result: guard.GuardResult, *, hold_reason: str = "", edit: bool
) -> None:
    country = post.space.country
    if result.blocked:
        audit.record(
            by, "hub.guard.block", post, country=country, edit=edit, **result.audit_details()
        )
    elif hold_reason:
        audit.record(
            by,
            "hub.guard.hold",
            post,
            country=country,
            edit=edit,
            reason=hold_reason,
            **result.audit_details(),
        )


def submit(
    post: Post,
    *,
    by: Any,
    title: str = "",
    attachment_texts: Sequence[str] = (),
    result: guard.GuardResult | None = None,
) -> Submission:
    """Decide and save the status of a new post (or of a blocked one sent again), and publish it
    when allowed. ``post`` has its thread, space, author and body set; it is saved here.
    Call inside the caller's transaction."""
    result = result or check_post_text(
        title=title, body=post.body, attachment_texts=attachment_texts
    )
    post.guard_findings = result.audit_details()["findings"]
    post.hold_reason = ""
    if result.blocked:
        post.status = PostStatus.BLOCKED
    elif result.held:
        post.status, post.hold_reason = PostStatus.HELD, HoldReason.WATCHED_TERM
    elif _is_new_member(post.author, post.space):
        post.status, post.hold_reason = PostStatus.HELD, HoldReason.NEW_MEMBER
    else:
        post.status = PostStatus.PUBLISHED
    publish_now = post.status == PostStatus.PUBLISHED
    if publish_now:
        post.status = PostStatus.HELD  # the publishing steps below move it on
    _render(post)
    post.save()
    if post.is_opening:
        _set_thread_status(post.thread, post.status)
    _audit_guard(by, post, result, hold_reason=post.hold_reason, edit=False)
    if post.status != PostStatus.BLOCKED:
        MemberSettings.objects.filter(user=post.author).update(last_posted_at=post.created_at)
    if publish_now:
        _publish(post, notify_people=True)
    return Submission(post=post, result=result)


def resubmit_edit(post: Post, *, by: Any, title: str = "", result: guard.GuardResult) -> Submission:
    """Decide the status of an edited post whose new text (and title) is already set on
    ``post`` but not saved. A blocked edit of a published or held post is refused (nothing
    saved, the explanation returned); a watched word holds a published post again; a held post
    stays held. A blocked post, or one waiting for review, goes through ``submit`` again."""
    if post.status in (PostStatus.BLOCKED, PostStatus.REVIEW_REQUESTED):
        return submit(post, by=by, title=title, result=result)
    if result.blocked:
        _audit_guard(by, post, result, edit=True)
        return Submission(post=post, result=result, refused=True)
    post.guard_findings = result.audit_details()["findings"]
    was_published = post.status == PostStatus.PUBLISHED
    if was_published and result.held:
        post.status, post.hold_reason = PostStatus.HELD, HoldReason.WATCHED_TERM
    elif post.status == PostStatus.HELD and result.held:
        post.hold_reason = HoldReason.WATCHED_TERM
    _render(post)
    post.save()
    if was_published and post.status == PostStatus.HELD:
        _unpublish_steps(post)
        if post.is_opening:
            _set_thread_status(post.thread, PostStatus.HELD)
        _audit_guard(by, post, result, hold_reason=post.hold_reason, edit=True)
    elif was_published:
        _after_publish(post, notify_replies=False)
    elif result.held:
        _audit_guard(by, post, result, hold_reason=post.hold_reason, edit=True)
    return Submission(post=post, result=result)


# --- publishing and unpublishing --------------------------------------------------------------


def _set_thread_status(thread: Thread, status: str) -> None:
    Thread.objects.filter(pk=thread.pk).update(status=status)
    thread.status = status


def _publish(post: Post, *, notify_people: bool) -> None:
    """Move a post that is not published to PUBLISHED and run every publishing step."""
    now = timezone.now()
    changed = (
        Post.objects.filter(pk=post.pk)
        .exclude(status=PostStatus.PUBLISHED)
        .update(status=PostStatus.PUBLISHED, published_at=post.published_at or now)
    )
    if not changed:
        return  # someone else published it at the same moment
    first_time = post.published_at is None
    post.status = PostStatus.PUBLISHED
    post.published_at = post.published_at or now
    thread = post.thread
    if post.is_opening:
        _set_thread_status(thread, PostStatus.PUBLISHED)
        Thread.objects.filter(pk=thread.pk).update(
            last_posted_at=Greatest(F("last_posted_at"), now)
        )
        if not first_time:
            _search_index_call("index_thread_replies", thread.pk)  # a restored thread
    else:
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_posted_at=Greatest(F("last_posted_at"), now)
        )
    Membership.objects.filter(space_id=post.space_id, user_id=post.author_id).update(
        published_posts=F("published_posts") + 1
    )
    # A restored post was announced when it was first published: no second notification.
    _after_publish(post, notify_replies=notify_people and first_time, notify_mentions=first_time)


def _after_publish(post: Post, *, notify_replies: bool, notify_mentions: bool = True) -> None:
    _index(post)
    mentioned = _record_mentions(post, notify_people=notify_mentions)
    if notify_replies and not post.is_opening:
        _notify_participants(post, already_told=mentioned)


def publish_held(post: Post, *, by: Any) -> Post:
    """Publish a post a moderator approved (held, or blocked and sent for review).

    Runs every publishing step; a post published before (then hidden) is restored without
    notifying anyone again. The caller checks ``by`` may moderate and audits the decision."""
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread", "space").get(pk=post.pk)
        if post.status == PostStatus.PUBLISHED:
            return post
        if not post.body_html:
            _render(post)
            Post.objects.filter(pk=post.pk).update(body_html=post.body_html)
        Post.objects.filter(pk=post.pk).update(
            moderated_by=by, moderated_at=timezone.now(), hold_reason=""
        )
        post.hold_reason = ""
        _publish(post, notify_people=True)
    return post


def unpublish(post: Post, *, status: str = PostStatus.HIDDEN) -> bool:
    """Take a published post out of view (``status``, HIDDEN by default): the counters and the
    search entry follow. Returns False, changing nothing, when the post was not published, so
    calling it twice is harmless. The caller records who did it and why."""
    with transaction.atomic():
        changed = Post.objects.filter(pk=post.pk, status=PostStatus.PUBLISHED).update(status=status)
        post.status = status
        if not changed:
            return False
        _unpublish_steps(post)
        if post.is_opening:
            _set_thread_status(post.thread, status)
            _search_index_call("unindex_thread", post.thread_id)  # its replies go too
    return True


def _unpublish_steps(post: Post) -> None:
    if not post.is_opening:
        Thread.objects.filter(pk=post.thread_id, reply_count__gt=0).update(
            reply_count=F("reply_count") - 1
        )
    Membership.objects.filter(
        space_id=post.space_id, user_id=post.author_id, published_posts__gt=0
    ).update(published_posts=F("published_posts") - 1)
    _unindex(post)


def _index(post: Post) -> None:
    try:
        from momentum.hub.services import search_index
    except ImportError:  # search is an optional part of publishing: posts still publish
        return
    search_index.index_post(post)


def _search_index_call(name: str, thread_id: int) -> None:
    try:
        from momentum.hub.services import search_index
    except ImportError:  # see _index
        return
    getattr(search_index, name)(thread_id)


def _unindex(post: Post) -> None:
    try:
        from momentum.hub.services import search_index
    except ImportError:  # see _index
        return
    search_index.unindex_post(post)


# --- telling people ---------------------------------------------------------------------------


def post_path(post: Post) -> str:
    """The post's address without the language prefix, on the right page of its thread."""
    before = Post.objects.filter(
        thread_id=post.thread_id, status=PostStatus.PUBLISHED, created_at__lt=post.created_at
    ).count()
    page = before // POSTS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"/hub/threads/{post.thread_id}/{query}#post-{post.pk}"


def _email_settings(users: Sequence[User]) -> dict[int, MemberSettings]:
    return {s.user_id: s for s in MemberSettings.objects.filter(user__in=users)}


def _record_mentions(post: Post, *, notify_people: bool) -> set[int]:
    """Mention rows for the readers ``post`` mentions; notify those mentioned for the first
    time. Returns the ids of the people notified."""
    readers = [
        user for user in known_handles(post.body, post.space).values() if user.pk != post.author_id
    ]
    if not readers:
        return set()
    already = set(
        Mention.objects.filter(post=post, user__in=readers).values_list("user_id", flat=True)
    )
    new = [user for user in readers if user.pk not in already]
    Mention.objects.bulk_create(
        [Mention(post=post, user=user) for user in new], ignore_conflicts=True
    )
    if not new or not notify_people:
        return set()
    preferences = _email_settings(new)
    author = post.author
    title = post.thread.title
    notify(
        recipients=new,
        kind="hub.mention",
        message=lambda: (
            _("%(name)s mentioned you in “%(title)s”")
            % {"name": _display_name(author), "title": title}
        ),
        url=post_path(post),
        email=lambda user: _wants(preferences, user, "email_on_mention"),
    )
    return {user.pk for user in new}


def _notify_participants(post: Post, *, already_told: set[int]) -> None:
    """Tell the thread's author and those who replied that someone answered."""
    thread = post.thread
    ids = set(
        Post.objects.filter(thread=thread, status=PostStatus.PUBLISHED)
        .values_list("author_id", flat=True)
        .distinct()
    )
    ids.add(thread.author_id)
    ids.discard(post.author_id)
    ids -= already_told
    recipients = _readers(ids, post.space)
    if not recipients:
        return
    preferences = _email_settings(recipients)
    author = post.author
    title = thread.title
    notify(
        recipients=recipients,
        kind="hub.reply",
        message=lambda: (
            _("%(name)s replied in “%(title)s”") % {"name": _display_name(author), "title": title}
        ),
        url=post_path(post),
        email=lambda user: _wants(preferences, user, "email_on_reply"),
    )


def _wants(preferences: dict[int, MemberSettings], user: Any, field: str) -> bool:
    # Someone who never opened their settings has the defaults.
    return bool(getattr(preferences.get(user.pk) or MemberSettings(), field))


def _display_name(user: Any) -> str:
    """The author as they choose to appear to everyone (full name or initials), in the
    language the message is being written in."""
    display = display_names([user], get_language() or "en").get(user.pk)
    return display.name if display is not None else "?"
